package commandroom.app.stats;

import commandroom.app.connection.FiguresClient;
import commandroom.app.model.FigureLine;
import commandroom.app.model.PeriodFigures;
import commandroom.app.ui.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The chief's figures for a chosen year or month against the one before, for the station or one of
 * its zones (the published "preventable cases in town" is a zone's figure): asks the hub, holds the
 * answer, says what went wrong, and writes the figures as CSV (UTF-8 with a byte-order mark, so
 * that WPS and Excel read the Chinese). Holds no Node; FX thread only, except what
 * {@link #load} runs in the background.
 */
public final class FiguresViewModel {

    private final FiguresClient client;
    private final Clock clock;
    private final IntegerProperty year = new SimpleIntegerProperty();
    /** 0: the whole year; 1..12: that month. */
    private final IntegerProperty month = new SimpleIntegerProperty();
    /** "": the whole station; else a zone's id. */
    private final StringProperty zone = new SimpleStringProperty("");
    /** "": every unit; else the unit whose tasks the loop's figures count. */
    private final StringProperty unit = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<PeriodFigures> figures = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public FiguresViewModel(FiguresClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
        // The last complete year: a station's figures are published, compared and reported by the
        // year (年度), and a year that has only begun compares weeks with a whole year.
        year.set(LocalDate.now(clock.withZone(FiguresClient.STATION_TIME)).getYear() - 1);
    }

    /** This year and the five before, newest first. */
    public List<Integer> years() {
        int now = LocalDate.now(clock.withZone(FiguresClient.STATION_TIME)).getYear();
        List<Integer> out = new ArrayList<>();
        for (int y = now; y > now - 6; y--) {
            out.add(y);
        }
        return out;
    }

    public IntegerProperty yearProperty() {
        return year;
    }

    public IntegerProperty monthProperty() {
        return month;
    }

    public StringProperty zoneProperty() {
        return zone;
    }

    public StringProperty unitProperty() {
        return unit;
    }

    public ReadOnlyObjectProperty<PeriodFigures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Asks the hub for the chosen period; pass the answer to {@link #loaded} on the FX thread. */
    public CompletableFuture<PeriodFigures> load() {
        LocalDate from = month.get() == 0 ? LocalDate.of(year.get(), 1, 1) : LocalDate.of(year.get(), month.get(), 1);
        LocalDate to = month.get() == 0 ? from.plusYears(1) : from.plusMonths(1);
        status.set(Messages.get("stats.figures.loading"));
        return client.figures(from, to, zone.get(), unit.get());
    }

    /** Takes the hub's answer (or its failure). */
    public void loaded(PeriodFigures answer, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            status.set(Messages.get("stats.figures.failed", cause.getMessage()));
            return;
        }
        figures.set(answer);
        status.set(Messages.get("stats.figures.asOf", answer.asOfSequence()));
    }

    /** The quick reasons offered before an export, as message keys. */
    public static final List<String> EXPORT_REASONS = List.of("stats.reason.county", "stats.reason.meeting",
            "stats.reason.summary");

    /**
     * Records the export of the figures shown, and why, with the hub; the file is written only
     * after that succeeds (pass the outcome to {@link #exportRecorded} on the FX thread).
     */
    public CompletableFuture<Long> recordExport(boolean pdf, String reason) {
        status.set(Messages.get("stats.figures.recording"));
        return client.recordExport(figures.get(), pdf, reason.strip());
    }

    /** True when the hub recorded the export; otherwise says why nothing was written. */
    public boolean exportRecorded(Throwable failure) {
        if (failure == null) {
            return true;
        }
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        status.set(Messages.get("stats.figures.exportRefused", cause.getMessage()));
        return false;
    }

    /** Writes the figures shown to dir as CSV and says where; returns the file, or null with nothing to write. */
    public Path exportCsv(Path dir) {
        PeriodFigures f = figures.get();
        if (f == null) {
            return null;
        }
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(fileName(f) + ".csv");
            Files.writeString(file, "\uFEFF" + csv(f), StandardCharsets.UTF_8);
            status.set(Messages.get("stats.figures.exported", file));
            return file;
        } catch (IOException e) {
            status.set(Messages.get("stats.figures.exportFailed", e.getMessage()));
            return null;
        }
    }

    /** Where the PDF report of the figures shown goes, or null with nothing shown. */
    public Path pdfFile(Path dir) {
        PeriodFigures f = figures.get();
        return f == null ? null : dir.resolve(fileName(f) + ".pdf");
    }

    /** figures-FIRST-LAST (days of the period), then -ZONE and -UNIT when chosen: the exports' name. */
    private static String fileName(PeriodFigures f) {
        return "figures-" + f.from() + "-" + f.to().minusDays(1) + (f.zoneId().isEmpty() ? "" : "-" + f.zoneId())
                + (f.unitId().isEmpty() ? "" : "-" + f.unitId());
    }

    /** Writes the report page (drawn by the view) as PDF in the background; says where, or what failed. */
    public CompletableFuture<Path> exportPdf(java.awt.image.BufferedImage page, Path file) {
        status.set(Messages.get("stats.figures.writingPdf"));
        String title = Messages.get("stats.report.pdfTitle", figures.get().from(), figures.get().to().minusDays(1));
        return CompletableFuture.supplyAsync(() -> {
            try {
                ReportPdf.write(page, title, file);
                return file;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Takes the outcome of {@link #exportPdf}, on the FX thread. */
    public void pdfWritten(Path file, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            status.set(Messages.get("stats.figures.exportFailed", cause.getMessage()));
        } else {
            status.set(Messages.get("stats.figures.exported", file));
        }
    }

    /** The figures as CSV: a header, then one line per figure (label, this period, the period before, change). */
    public static String csv(PeriodFigures f) {
        StringBuilder b = new StringBuilder();
        b.append(Messages.get("stats.figures.column.figure")).append(',')
                .append(Messages.get("stats.figures.column.value")).append(',')
                .append(Messages.get("stats.figures.column.previous")).append(',')
                .append(Messages.get("stats.figures.column.change")).append("\r\n");
        for (FigureLine l : f.lines()) {
            b.append(label(l)).append(',').append(value(l, l.value())).append(',').append(value(l, l.previous()))
                    .append(',').append(change(l)).append("\r\n");
        }
        return b.toString();
    }

    public static String label(FigureLine l) {
        return Messages.get("stats.figure." + l.key());
    }

    /** A count as a whole number, a share as a percentage with two decimals, minutes with one. */
    public static String value(FigureLine l, double v) {
        return switch (l.unit()) {
            case SHARE -> String.format(Locale.ROOT, "%.2f%%", 100 * v);
            case MINUTES -> String.format(Locale.ROOT, "%.1f", v);
            case COUNT, SECONDS -> String.format(Locale.ROOT, "%.0f", v);
        };
    }

    /** The change against the period before: +/- percent, or percentage points for a share. */
    public static String change(FigureLine l) {
        if (l.unit() == FigureLine.Unit.SHARE) {
            return String.format(Locale.ROOT, "%+.2f pp", 100 * (l.value() - l.previous()));
        }
        return l.previous() == 0 ? "—" : String.format(Locale.ROOT, "%+.1f%%", 100 * l.change());
    }
}
