package commandroom.app.wall;

import commandroom.app.model.CameraRecording;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * One day as a bar: hour ticks and their hours above, the day's recordings as blocks coloured by
 * why they were recorded, a cursor line and its time under the mouse, and a mark where the tile's
 * recording begins. A click anywhere on the bar picks that moment. Style classes: recording-bar,
 * recording-track, recording-tick, recording-hour, recording-block with recording-timed,
 * recording-alarm, recording-manual or recording-other, recording-cursor, recording-cursor-time,
 * recording-playhead. FX thread.
 */
final class RecordingBar extends Region {

    private static final double HOURS_HEIGHT = 22;
    private static final double TRACK_HEIGHT = 40;
    /** Below this many pixels an hour, only every few hours is named (the ticks all stay). */
    private static final double ROOM_PER_LABEL = 44;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ZoneId zone;
    private final Region track = new Region();
    private final List<Region> ticks = new ArrayList<>();
    private final List<Label> hours = new ArrayList<>();
    private final List<Region> blocks = new ArrayList<>();
    private List<CameraRecording> shown = List.of();
    private final Region cursor = new Region();
    private final Label cursorTime = new Label();
    private final Region playhead = new Region();
    private Instant start = Instant.EPOCH;
    private Instant end = Instant.EPOCH.plus(Duration.ofDays(1));
    private Instant playing;
    private Consumer<Instant> onPick = t -> { };

    RecordingBar(ZoneId zone) {
        this.zone = zone;
        setId("recording-bar");
        getStyleClass().add("recording-bar");
        track.getStyleClass().add("recording-track");
        cursor.getStyleClass().add("recording-cursor");
        cursorTime.getStyleClass().add("recording-cursor-time");
        playhead.getStyleClass().add("recording-playhead");
        for (Region r : new Region[] {cursor, cursorTime, playhead}) {
            r.setMouseTransparent(true);
            r.setVisible(false);
            r.setManaged(false);
        }
        getChildren().add(track);
        for (int h = 0; h <= 24; h++) {
            Region tick = new Region();
            tick.getStyleClass().add("recording-tick");
            tick.setMouseTransparent(true);
            ticks.add(tick);
            Label hour = new Label(String.format(Locale.ROOT, "%02d", h));
            hour.getStyleClass().add("recording-hour");
            hour.setMouseTransparent(true);
            hours.add(hour);
        }
        getChildren().addAll(ticks);
        getChildren().addAll(hours);
        getChildren().addAll(playhead, cursor, cursorTime);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> showCursor(e.getX()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            cursor.setVisible(false);
            cursorTime.setVisible(false);
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getY() >= HOURS_HEIGHT) {
                onPick.accept(timeAt(e.getX()));
                e.consume();
            }
        });
    }

    /** Shows a day [start, end) and its recordings. */
    void show(Instant dayStart, Instant dayEnd, List<CameraRecording> recordings) {
        start = dayStart;
        end = dayEnd;
        shown = List.copyOf(recordings);
        getChildren().removeAll(blocks);
        blocks.clear();
        for (CameraRecording r : shown) {
            Region b = new Region();
            b.getStyleClass().addAll("recording-block", "recording-" + r.kind().name().toLowerCase(Locale.ROOT));
            blocks.add(b);
        }
        // Blocks over the track and under the ticks: the hours stay readable through a long recording.
        getChildren().addAll(1, blocks);
        requestLayout();
    }

    /** Marks where the tile's recording begins (null: none). */
    void setPlaying(Instant from) {
        playing = from;
        requestLayout();
    }

    /** Told the moment a click picked. */
    void setOnPick(Consumer<Instant> onPick) {
        this.onPick = onPick;
    }

    /** The moment at a point of the bar. */
    Instant timeAt(double x) {
        double f = Math.max(0, Math.min(1, (x - left()) / width()));
        return start.plusMillis(Math.round(f * Duration.between(start, end).toMillis()));
    }

    /** Where a moment lies on the bar (clamped to the day). */
    double xOf(Instant t) {
        double f = (double) Duration.between(start, t).toMillis() / Duration.between(start, end).toMillis();
        return left() + Math.max(0, Math.min(1, f)) * width();
    }

    @Override
    protected void layoutChildren() {
        double y = snappedTopInset() + HOURS_HEIGHT;
        track.resizeRelocate(left(), y, width(), TRACK_HEIGHT);
        double perHour = width() / 24;
        int every = 1;
        while (perHour * every < ROOM_PER_LABEL && every < 6) {
            every = every == 3 ? 6 : every + 1;
        }
        for (int h = 0; h <= 24; h++) {
            double x = snapPositionX(left() + h * perHour);
            ticks.get(h).resizeRelocate(x, y, 1, h % every == 0 ? TRACK_HEIGHT : TRACK_HEIGHT / 3);
            Label hour = hours.get(h);
            boolean named = h % every == 0;
            hour.setVisible(named);
            double w = hour.prefWidth(-1);
            // The first and last hours stay inside the bar.
            double lx = Math.max(left(), Math.min(left() + width() - w, x - w / 2));
            hour.resizeRelocate(lx, snappedTopInset(), w, HOURS_HEIGHT);
        }
        for (int i = 0; i < blocks.size(); i++) {
            CameraRecording r = shown.get(i);
            double x0 = snapPositionX(xOf(r.start()));
            double x1 = snapPositionX(xOf(r.end()));
            // A recording of a few seconds is still seen, and clicked.
            blocks.get(i).resizeRelocate(x0, y + 4, Math.max(3, x1 - x0), TRACK_HEIGHT - 8);
        }
        boolean marked = playing != null && !playing.isBefore(start) && playing.isBefore(end);
        playhead.setVisible(marked);
        if (marked) {
            playhead.resizeRelocate(snapPositionX(xOf(playing)) - 1, y - 4, 3, TRACK_HEIGHT + 8);
        }
    }

    private void showCursor(double x) {
        double y = snappedTopInset() + HOURS_HEIGHT;
        double cx = Math.max(left(), Math.min(left() + width(), x));
        cursor.resizeRelocate(snapPositionX(cx), y, 1, TRACK_HEIGHT);
        cursorTime.setText(TIME.format(timeAt(x).atZone(zone)));
        double w = cursorTime.prefWidth(-1);
        double h = cursorTime.prefHeight(-1);
        cursorTime.resizeRelocate(Math.max(left(), Math.min(left() + width() - w, cx - w / 2)), snappedTopInset()
                + HOURS_HEIGHT - h, w, h);
        cursor.setVisible(true);
        cursorTime.setVisible(true);
    }

    private double left() {
        return snappedLeftInset();
    }

    private double width() {
        return Math.max(1, getWidth() - snappedLeftInset() - snappedRightInset());
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + HOURS_HEIGHT + TRACK_HEIGHT + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 24 * ROOM_PER_LABEL;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 240;
    }
}
