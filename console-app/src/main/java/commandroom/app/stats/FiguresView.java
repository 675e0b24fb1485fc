package commandroom.app.stats;

import commandroom.app.model.PeriodFigures;
import commandroom.app.model.UnitItem;
import commandroom.app.model.ZoneItem;
import commandroom.app.ui.Messages;
import commandroom.app.ui.ReasonDialog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.application.Platform;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The chief's figures: a year or a month against the one before, for the station or one zone, as
 * tables (this period, the period before, change) and a bar chart of the counts; CSV and PDF
 * export, each after the reason is asked and recorded by the hub (stats-reason-dialog). Ids: figures-year, figures-month, figures-zone, figures-unit, figures-load, figures-export,
 * figures-status, figures-chart, figures-KEY-value, figures-KEY-previous, figures-KEY-change. Style
 * classes: figures, figures-table, figure-label, figure-value, figure-previous, figure-change,
 * figures-status, figures-scroll (the tables and chart, scrolling). FX thread only.
 */
public final class FiguresView extends VBox {

    private final FiguresViewModel model;
    private final GridPane table = new GridPane();
    private final GridPane loopTable = new GridPane();
    private final GridPane preventableTable = new GridPane();
    private final ObservableMap<String, ZoneItem> zones;
    private final ObservableMap<String, UnitItem> units;
    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());

    /** zones, units: the station's as the console knows them, to choose from. */
    public FiguresView(FiguresViewModel model, ObservableMap<String, ZoneItem> zones, ObservableMap<String, UnitItem> units,
                       Path exportDir) {
        this.model = model;
        this.zones = zones;
        this.units = units;
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
        ComboBox<String> zone = new ComboBox<>();
        zone.setId("figures-zone");
        zone.setConverter(converter(this::zoneName));
        zoneChoices(zone);
        zones.addListener((MapChangeListener<String, ZoneItem>) c -> zoneChoices(zone));
        zone.valueProperty().addListener((o, was, z) -> model.zoneProperty().set(z == null ? "" : z));
        ComboBox<String> unit = new ComboBox<>();
        unit.setId("figures-unit");
        unit.setConverter(converter(this::unitName));
        unitChoices(unit);
        units.addListener((MapChangeListener<String, UnitItem>) c -> {
            if (c.wasAdded() && !c.wasRemoved()) {
                unitChoices(unit);
            }
        });
        zone.valueProperty().addListener((o, was, z) -> unitChoices(unit));
        unit.valueProperty().addListener((o, was, u) -> model.unitProperty().set(u == null ? "" : u));
        Button load = new Button(Messages.get("stats.figures.load"));
        load.setId("figures-load");
        load.setOnAction(e -> load());
        Button export = new Button(Messages.get("stats.figures.export"));
        export.setId("figures-export");
        export.disableProperty().bind(model.figuresProperty().isNull());
        export.setOnAction(e -> askThen(false, () -> model.exportCsv(exportDir)));
        Button pdf = new Button(Messages.get("stats.figures.pdf"));
        pdf.setId("figures-pdf");
        pdf.disableProperty().bind(model.figuresProperty().isNull());
        pdf.setOnAction(e -> askThen(true, () -> exportPdf(exportDir)));
        Label status = new Label();
        status.setId("figures-status");
        status.getStyleClass().add("figures-status");
        status.textProperty().bind(model.statusProperty());
        // On a narrow screen (1366 pixels, English) the bar wraps instead of cutting its buttons off.
        Label title = new Label(Messages.get("stats.figures.title"));
        for (javafx.scene.control.Labeled l : List.of(title, load, export, pdf)) {
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        status.setWrapText(true);
        FlowPane bar = new FlowPane(10, 8, title, year, month, zone, unit, load, export, pdf, status);
        bar.setAlignment(Pos.CENTER_LEFT);

        for (GridPane t : List.of(table, loopTable, preventableTable)) {
            t.getStyleClass().add("figures-table");
            t.setHgap(24);
            t.setVgap(6);
        }
        chart.setId("figures-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setMinHeight(260);
        chart.setPrefHeight(380);
        // Three tables and the chart are taller than a 900-pixel screen: they scroll under the bar.
        // The three tables side by side where they fit, under each other where they do not.
        VBox body = new VBox(18, new FlowPane(36, 18, table, loopTable, preventableTable), chart);
        ScrollPane scroll = new ScrollPane(body);
        scroll.getStyleClass().add("figures-scroll");
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(bar, scroll);
        model.figuresProperty().addListener((o, was, f) -> show(f));
        load();
    }

    private void load() {
        model.load().whenComplete((f, failure) -> Platform.runLater(() -> model.loaded(f, failure)));
    }

    /** Asks why, has the hub record the export with the reason, then writes the file; nothing without both. */
    private void askThen(boolean pdf, Runnable write) {
        ReasonDialog.ask(getScene().getWindow(), "stats", FiguresViewModel.EXPORT_REASONS, reason ->
                model.recordExport(pdf, reason).whenComplete((sequence, failure) -> Platform.runLater(() -> {
                    if (model.exportRecorded(failure)) {
                        write.run();
                    }
                })), () -> { });
    }

    /** Draws the report page off screen, snapshots it and has it written as PDF in the background. */
    private void exportPdf(Path dir) {
        PeriodFigures f = model.figuresProperty().get();
        String station = f.zoneId().isEmpty() ? Messages.get("app.title")
                : Messages.get("stats.report.inZone", Messages.get("app.title"), zoneName(f.zoneId()));
        if (!f.unitId().isEmpty()) {
            station = Messages.get("stats.report.inZone", station, unitName(f.unitId()));
        }
        FiguresReportPage page = new FiguresReportPage(f, station, java.time.LocalDateTime.now());
        new javafx.scene.Scene(page);
        page.applyCss();
        page.layout();
        java.awt.image.BufferedImage image = javafx.embed.swing.SwingFXUtils.fromFXImage(
                page.snapshot(new javafx.scene.SnapshotParameters(), null), null);
        model.exportPdf(image, model.pdfFile(dir))
                .whenComplete((file, failure) -> Platform.runLater(() -> model.pdfWritten(file, failure)));
    }

    private void show(PeriodFigures f) {
        FiguresGrid.fill(table, f, "figure-label", "casework");
        FiguresGrid.fill(loopTable, f, "figure-label", "loop");
        FiguresGrid.fill(preventableTable, f, "figure-label", "preventable", "alarms");
        chart.getData().setAll(FiguresGrid.series(f));
    }

    /** The whole station first, then the zones by name; keeps the choice when the zones change. */
    private void zoneChoices(ComboBox<String> box) {
        String chosen = box.getValue() == null ? "" : box.getValue();
        List<String> ids = new ArrayList<>(List.of(""));
        zones.values().stream().sorted(Comparator.comparing(ZoneItem::name)).map(ZoneItem::id).forEach(ids::add);
        if (ids.equals(box.getItems())) {
            return; // a zone re-sent unchanged (a fresh snapshot) must not drop the chief's choice
        }
        box.getItems().setAll(ids);
        box.setValue(ids.contains(chosen) ? chosen : "");
    }

    /** Every unit first, then the chosen zone's units (all the station's when none is) by name. */
    private void unitChoices(ComboBox<String> box) {
        String chosen = box.getValue() == null ? "" : box.getValue();
        String zone = model.zoneProperty().get();
        List<String> ids = new ArrayList<>(List.of(""));
        units.values().stream().filter(u -> zone.isEmpty() || zone.equals(u.zoneId()))
                .sorted(Comparator.comparing(UnitItem::name)).map(UnitItem::id).forEach(ids::add);
        if (ids.equals(box.getItems())) {
            return;
        }
        box.getItems().setAll(ids);
        box.setValue(ids.contains(chosen) ? chosen : "");
    }

    private String unitName(String id) {
        if (id.isEmpty()) {
            return Messages.get("stats.figures.allUnits");
        }
        UnitItem u = units.get(id);
        return u == null ? id : u.name();
    }

    private String zoneName(String id) {
        if (id.isEmpty()) {
            return Messages.get("stats.figures.station");
        }
        ZoneItem z = zones.get(id);
        return z == null ? id : z.name();
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
