package commandroom.app.wall;

import commandroom.app.connection.CommandFailure;
import commandroom.app.model.CameraRecording;
import commandroom.app.ui.Dialogs;
import commandroom.app.ui.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A platform camera's recordings for one day, as the wall's timeline shows them: which camera,
 * which day (today at first), the recordings the hub found, what the query came to, and where a
 * moment the operator picks plays from and to (through the end of the recordings that run on
 * from it, at most 24 h, the hub's limit). Holds no node; FX thread, except that {@link #load}'s
 * future completes on a background thread.
 */
final class RecordingsViewModel {

    /** A stretch of recordings to play: from a moment to the end of the recordings that run on from it. */
    record Stretch(Instant start, Instant end) {}

    /** A query under way: for which camera and day, and its answer to come. */
    record Loading(String cameraId, LocalDate day, CompletableFuture<List<CameraRecording>> result) {}

    /** Recordings closer than this are one run: a device writes its files back to back, with a gap of a second. */
    static final Duration JOIN = Duration.ofSeconds(2);
    static final Duration MOST = Duration.ofHours(24);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final CameraRecordings source;
    private final ZoneId zone;
    private final Clock clock;
    private String cameraId = "";
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>();
    private final ReadOnlyListWrapper<CameraRecording> recordings =
            new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Instant> playingFrom = new ReadOnlyObjectWrapper<>();

    RecordingsViewModel(CameraRecordings source, ZoneId zone, Clock clock) {
        this.source = source;
        this.zone = zone;
        this.clock = clock;
    }

    /** Shows a camera's recordings of today. */
    void open(String cameraId, String cameraName) {
        this.cameraId = cameraId;
        title.set(Messages.get("wall.recordings.title", cameraName));
        recordings.clear();
        playingFrom.set(null);
        day.set(LocalDate.now(clock.withZone(zone)));
    }

    String cameraId() {
        return cameraId;
    }

    /** The day shown; the view binds its date picker to it. */
    ObjectProperty<LocalDate> dayProperty() {
        return day;
    }

    ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    ObservableList<CameraRecording> recordings() {
        return recordings.getReadOnlyProperty();
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Where the tile's recording begins, while it plays one of this camera's. */
    ReadOnlyObjectProperty<Instant> playingFromProperty() {
        return playingFrom.getReadOnlyProperty();
    }

    /** The day's first moment. */
    Instant dayStart() {
        return day.get().atStartOfDay(zone).toInstant();
    }

    /** The day's end: the next day's first moment, at most 24 h on (a day with a clock change). */
    Instant dayEnd() {
        Instant next = day.get().plusDays(1).atStartOfDay(zone).toInstant();
        Instant most = dayStart().plus(MOST);
        return next.isAfter(most) ? most : next;
    }

    /** Asks the hub for the day's recordings; hand the answer to {@link #loaded} on the FX thread. */
    Loading load() {
        status.set(Messages.get("wall.recordings.loading"));
        return new Loading(cameraId, day.get(), source.list(cameraId, dayStart(), dayEnd()));
    }

    /** A query's answer; one for another camera or day than now shown is dropped. */
    void loaded(Loading query, List<CameraRecording> found, Throwable failure) {
        if (!query.cameraId().equals(cameraId) || !query.day().equals(day.get())) {
            return;
        }
        if (failure != null) {
            recordings.clear();
            status.set(Messages.get("wall.recordings.refused", words(failure)));
            return;
        }
        recordings.setAll(found.stream().sorted(Comparator.comparing(CameraRecording::start)).toList());
        status.set(found.isEmpty() ? Messages.get("wall.recordings.none")
                : Messages.get("wall.recordings.count", found.size()));
    }

    /**
     * What to play from a moment the operator picked (to the second): through the end of the
     * recordings that run on from it. Empty, and said, when no recording holds the moment.
     */
    Optional<Stretch> stretchAt(Instant picked) {
        Instant t = picked.truncatedTo(ChronoUnit.SECONDS);
        List<CameraRecording> all = recordings;
        int i = 0;
        while (i < all.size() && !all.get(i).holds(t)) {
            i++;
        }
        if (i == all.size()) {
            status.set(Messages.get("wall.recordings.nothingAt", TIME.format(t.atZone(zone))));
            return Optional.empty();
        }
        Instant end = all.get(i).end();
        for (int j = i + 1; j < all.size() && !all.get(j).start().isAfter(end.plus(JOIN)); j++) {
            end = end.isAfter(all.get(j).end()) ? end : all.get(j).end();
        }
        Instant most = t.plus(MOST);
        return Optional.of(new Stretch(t, end.isAfter(most) ? most : end));
    }

    /** The tile plays a stretch from this moment now (null: it is back to live). */
    void playing(Instant from) {
        playingFrom.set(from);
    }

    /** The platform's refusal in its own words; anything else as the console says failures. */
    private static String words(Throwable t) {
        Throwable e = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        return e instanceof CommandFailure f && f.kind() == CommandFailure.Kind.UNAVAILABLE ? f.getMessage()
                : Dialogs.describe(e);
    }
}
