package commandroom.app.stats;

import commandroom.app.model.PeriodFigures;
import commandroom.app.ui.Messages;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The chief's figures: a year or a month against the one before, as a table (this period, the
 * period before, change) and a bar chart of the counts; CSV export. Ids: figures-year,
 * figures-month, figures-load, figures-export, figures-status, figures-chart, figures-KEY-value,
 * figures-KEY-previous, figures-KEY-change. Style classes: figures, figures-table, figure-label,
 * figure-value, figure-previous, figure-change, figures-status.
 */
public final class FiguresView extends VBox {

    private final FiguresViewModel model;
    private final GridPane table = new GridPane();
    private final GridPane loopTable = new GridPane();
    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());

    public FiguresView(FiguresViewModel model, Path exportDir) {
        this.model = model;
        getStyleClass().add("figures");
        setSpacing(14);

        ComboBox<Integer> year = new ComboBox<>();
        year.setId("figures-year");
        year.getItems().setAll(model.years());
        year.setConverter(converter(y -> Messages.get("stats.figures.year", Integer.toString(y))));
        year.setValue(model.yearProperty().get());
        year.valueProperty().addListener((o, was, y) -> model.yearProperty().set(y));
        ComboBox<Integer> month = new ComboBox<>();
        month.setId("figures-month");
        for (int m = 0; m <= 12; m++) {
            month.getItems().add(m);
        }
        month.setConverter(converter(m -> m == 0 ? Messages.get("stats.figures.wholeYear")
                : Messages.get("stats.figures.month", m)));
        month.setValue(0);
        month.valueProperty().addListener((o, was, m) -> model.monthProperty().set(m));
        Button load = new Button(Messages.get("stats.figures.load"));
        load.setId("figures-load");
        load.setOnAction(e -> load());
        Button export = new Button(Messages.get("stats.figures.export"));
        export.setId("figures-export");
        export.disableProperty().bind(model.figuresProperty().isNull());
        export.setOnAction(e -> model.exportCsv(exportDir));
        Button pdf = new Button(Messages.get("stats.figures.pdf"));
        pdf.setId("figures-pdf");
        pdf.disableProperty().bind(model.figuresProperty().isNull());
        pdf.setOnAction(e -> exportPdf(exportDir));
        Label status = new Label();
        status.setId("figures-status");
        status.getStyleClass().add("figures-status");
        status.textProperty().bind(model.statusProperty());
        HBox bar = new HBox(10, new Label(Messages.get("stats.figures.title")), year, month, load, export, pdf,
                status);
        bar.setAlignment(Pos.CENTER_LEFT);

        for (GridPane t : List.of(table, loopTable)) {
            t.getStyleClass().add("figures-table");
            t.setHgap(24);
            t.setVgap(6);
        }
        chart.setId("figures-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setMinHeight(260);
        HBox body = new HBox(36, table, loopTable, chart);
        HBox.setHgrow(chart, Priority.ALWAYS);
        getChildren().addAll(bar, body);
        model.figuresProperty().addListener((o, was, f) -> show(f));
        load();
    }

    private void load() {
        model.load().whenComplete((f, failure) -> Platform.runLater(() -> model.loaded(f, failure)));
    }

    /** Draws the report page off screen, snapshots it and has it written as PDF in the background. */
    private void exportPdf(Path dir) {
        PeriodFigures f = model.figuresProperty().get();
        FiguresReportPage page = new FiguresReportPage(f, Messages.get("app.title"), java.time.LocalDateTime.now());
        new javafx.scene.Scene(page);
        page.applyCss();
        page.layout();
        java.awt.image.BufferedImage image = javafx.embed.swing.SwingFXUtils.fromFXImage(
                page.snapshot(new javafx.scene.SnapshotParameters(), null), null);
        model.exportPdf(image, model.pdfFile(dir))
                .whenComplete((file, failure) -> Platform.runLater(() -> model.pdfWritten(file, failure)));
    }

    private void show(PeriodFigures f) {
        FiguresGrid.fill(table, f, "casework", "figure-label");
        FiguresGrid.fill(loopTable, f, "loop", "figure-label");
        chart.getData().setAll(FiguresGrid.series(f));
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : show.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }
}
