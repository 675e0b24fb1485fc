package commandroom.app.stats;

import commandroom.app.model.PeriodFigures;
import commandroom.app.ui.Messages;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The figures as a printed page: A4 portrait proportions, black on white (a report is read on
 * paper, not on the room's dark screens), the title with the station (or zone), the period and the
 * period before, the tables and the chart, and when and from which event it was made. Style
 * class: figures-report (its colours are in report.css, not the console's theme). Built and
 * snapshotted on the FX thread.
 */
final class FiguresReportPage extends VBox {

    /** A4 at 150 dots per inch, the size the page is drawn at. */
    static final double WIDTH = 1240;
    static final double HEIGHT = 1754;

    FiguresReportPage(PeriodFigures f, String station, LocalDateTime made) {
        getStyleClass().add("figures-report");
        getStylesheets().add(FiguresReportPage.class.getResource("report.css").toExternalForm());
        setPrefSize(WIDTH, HEIGHT);
        setMinSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
        setSpacing(28);

        Label title = new Label(Messages.get("stats.report.title", station, period(f)));
        title.getStyleClass().add("report-title");
        // The period before as the hub counts it: the same number of calendar months.
        long months = java.time.temporal.ChronoUnit.MONTHS.between(f.from(), f.to());
        Label sub = new Label(Messages.get("stats.report.subtitle", f.from(), f.to().minusDays(1),
                f.from().minusMonths(months), f.from().minusDays(1)));
        sub.getStyleClass().add("report-subtitle");
        HBox tables = new HBox(48, table(f, "casework", "preventable"), table(f, "loop", "alarms"));

        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
        chart.setAnimated(false);
        chart.setPrefHeight(640);
        chart.getData().setAll(FiguresGrid.series(f));

        Label foot = new Label(Messages.get("stats.report.footer",
                made.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), f.asOfSequence()));
        foot.getStyleClass().add("report-footer");
        getChildren().addAll(title, sub, tables, chart, foot);
    }

    private static String period(PeriodFigures f) {
        return f.to().equals(f.from().plusYears(1)) ? Messages.get("stats.figures.year", Integer.toString(f.from().getYear()))
                : Messages.get("stats.report.month", f.from().getYear(), f.from().getMonthValue());
    }

    private static GridPane table(PeriodFigures f, String... groups) {
        GridPane g = new GridPane();
        g.getStyleClass().add("report-table");
        g.setHgap(22);
        g.setVgap(8);
        FiguresGrid.fill(g, f, "report-head", groups);
        return g;
    }
}
