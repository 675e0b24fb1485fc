package commandroom.app.stats;

import commandroom.app.model.FigureLine;
import commandroom.app.model.PeriodFigures;
import commandroom.app.ui.Messages;
import java.util.List;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/**
 * The figures as the panel and the printed report both lay them out: a table per group (label,
 * this period, the period before, change), or several groups in one table, and the chart's two
 * series. Cells carry the style classes figure-label, figure-value, figure-previous, figure-change
 * (and group-break on the heads of a table's second and later groups) and the ids
 * figures-KEY-value, -previous, -change. FX thread only.
 */
final class FiguresGrid {

    /** The counts the chart compares. */
    static final List<String> CHARTED = List.of("disputesRegistered", "disputesResolved", "mediations",
            "mediationsAgreed", "repeatCalls", "visitsDue", "preventableCases");

    private FiguresGrid() {}

    /**
     * Fills grid with the groups' tables one under the other, so that their columns line up; each
     * group's header cells get headStyle, and those after the first also group-break.
     */
    static void fill(GridPane grid, PeriodFigures f, String headStyle, String... groups) {
        grid.getChildren().clear();
        int row = 0;
        for (String group : groups) {
            String[] heads = {"stats.figures.group." + group, "stats.figures.column.value",
                    "stats.figures.column.previous", "stats.figures.column.change"};
            for (int c = 0; c < heads.length; c++) {
                Label head = cell(Messages.get(heads[c]), headStyle, null);
                if (row > 0) {
                    head.getStyleClass().add("group-break");
                }
                grid.add(head, c, row);
            }
            row++;
            for (FigureLine l : f.lines()) {
                if (!l.group().equals(group)) {
                    continue;
                }
                String id = "figures-" + l.key();
                grid.add(cell(FiguresViewModel.label(l), "figure-label", null), 0, row);
                grid.add(cell(FiguresViewModel.value(l, l.value()), "figure-value", id + "-value"), 1, row);
                grid.add(cell(FiguresViewModel.value(l, l.previous()), "figure-previous", id + "-previous"), 2, row);
                grid.add(cell(FiguresViewModel.change(l), "figure-change", id + "-change"), 3, row);
                row++;
            }
        }
    }

    /** This period's and the period before's counts of the charted figures. */
    static List<XYChart.Series<String, Number>> series(PeriodFigures f) {
        XYChart.Series<String, Number> now = new XYChart.Series<>();
        now.setName(Messages.get("stats.figures.column.value"));
        XYChart.Series<String, Number> before = new XYChart.Series<>();
        before.setName(Messages.get("stats.figures.column.previous"));
        for (String key : CHARTED) {
            f.line(key).ifPresent(l -> {
                now.getData().add(new XYChart.Data<>(FiguresViewModel.label(l), l.value()));
                before.getData().add(new XYChart.Data<>(FiguresViewModel.label(l), l.previous()));
            });
        }
        return List.of(now, before);
    }

    private static Label cell(String text, String style, String id) {
        Label l = new Label(text);
        // A figure or its name is read whole: the grid grows or the panel wraps, a cell never cuts it.
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.getStyleClass().add(style);
        if (id != null) {
            l.setId(id);
        }
        return l;
    }
}
