package commandroom.app.wall;

import commandroom.app.ui.Messages;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

/**
 * A tile's instant replay controls. Live, a 回放 button in the bottom right corner (only for a
 * camera whose ring records). Replaying, a bar along the bottom: pause, ×2, a scrub bar over the
 * replayed seconds, where the picture is ("−12 s"), 留存证据 (keep a clip of it as evidence) and
 * 回到实时 (back to live). The wall's keys do the same: R, Space, Esc or L. FX thread. Ids:
 * replay-button, replay-bar, replay-pause, replay-speed, replay-scrub, replay-time, replay-keep,
 * replay-live; style classes: replay-bar, replay-time.
 */
final class TileReplay extends StackPane {

    private final VideoTile tile;
    private final Button start = new Button(Messages.get("wall.replay.button"));
    private final HBox bar;
    private final Button pause = new Button();
    private final ToggleButton speed = new ToggleButton("×2");
    private final Slider scrub = new Slider(0, 1, 0);
    private final Label time = new Label();
    private final Button keep = new Button(Messages.get("wall.replay.keep"));
    private final Label note = new Label();
    private ReplaySource replay;
    private PacketRing.Slice slice;
    private VideoSource live;
    private java.nio.file.Path file;
    private java.util.function.Consumer<VideoTile> onKeep;

    TileReplay(VideoTile tile) {
        this.tile = tile;
        setPickOnBounds(false);
        start.setId("replay-button");
        start.setFocusTraversable(false);
        start.getStyleClass().add("replay-start");
        start.setOnAction(e -> tile.replayOrSay());
        StackPane.setAlignment(start, Pos.BOTTOM_RIGHT);
        pause.setId("replay-pause");
        pause.setOnAction(e -> togglePause());
        speed.setId("replay-speed");
        speed.setOnAction(e -> {
            if (replay != null) {
                replay.rate(speed.isSelected() ? 2 : 1);
            }
        });
        scrub.setId("replay-scrub");
        scrub.valueChangingProperty().addListener((o, was, is) -> {
            if (!is && replay != null) {
                replay.seek((long) scrub.getValue());
            }
        });
        // A click on the track (no drag) moves the thumb without "value changing".
        scrub.setOnMouseReleased(e -> {
            if (replay != null && !scrub.isValueChanging()) {
                replay.seek((long) scrub.getValue());
            }
        });
        HBox.setHgrow(scrub, Priority.ALWAYS);
        time.setId("replay-time");
        time.getStyleClass().add("replay-time");
        time.setMinWidth(USE_PREF_SIZE);
        keep.setId("replay-keep");
        keep.setOnAction(e -> {
            if (onKeep != null) {
                onKeep.accept(tile);
            }
        });
        keep.setVisible(false);
        keep.setManaged(false);
        Button back = new Button(Messages.get("wall.replay.live"));
        back.setId("replay-live");
        back.setOnAction(e -> tile.endReplay());
        for (javafx.scene.control.ButtonBase b : new javafx.scene.control.ButtonBase[] {pause, speed, keep, back}) {
            b.setFocusTraversable(false);
            b.setMinWidth(USE_PREF_SIZE); // a word cut to "…" is no button on a wall
        }
        scrub.setMinWidth(60);
        bar = new HBox(8, pause, speed, scrub, time, keep, back);
        bar.setId("replay-bar");
        bar.getStyleClass().add("replay-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setMaxHeight(USE_PREF_SIZE);
        StackPane.setAlignment(bar, Pos.BOTTOM_CENTER);
        bar.setVisible(false);
        // The bar is the replay's, not the tile's: a drag on the scrub bar is no camera drag, a
        // double click on it does not enlarge the tile.
        bar.addEventHandler(javafx.scene.input.MouseEvent.DRAG_DETECTED, javafx.event.Event::consume);
        bar.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, javafx.event.Event::consume);
        start.setVisible(false);
        getChildren().addAll(start, bar);
    }

    /** Who keeps a clip of the replay as evidence (the wall, for roles that may). */
    void setOnKeep(java.util.function.Consumer<VideoTile> onKeep) {
        this.onKeep = onKeep;
        keep.setVisible(onKeep != null);
        keep.setManaged(onKeep != null);
    }

    void begin(ReplaySource r, PacketRing.Slice s, VideoSource liveSource, java.nio.file.Path replayFile) {
        replay = r;
        slice = s;
        live = liveSource;
        file = replayFile;
        scrub.setMax(Math.max(1, r.durationMillis()));
        scrub.setValue(0);
        speed.setSelected(false);
        bar.setVisible(true);
        start.setVisible(false);
        tile.showLabels(false); // the bar says what the tile shows; the name is on the picture
        tile.pseudoClassStateChanged(REPLAYING, true);
        refresh();
    }

    void end() {
        replay = null;
        slice = null;
        live = null;
        bar.setVisible(false);
        tile.showLabels(true);
        tile.pseudoClassStateChanged(REPLAYING, false);
    }

    VideoSource live() {
        return live;
    }

    java.nio.file.Path file() {
        return file;
    }

    /** The slice being replayed (what a kept clip is cut from); null when live. */
    PacketRing.Slice slice() {
        return slice;
    }

    void togglePause() {
        if (replay != null) {
            replay.pause(!replay.paused());
            refresh();
        }
    }

    /** Brings the controls up to date with the replay (or the 回放 button with the ring). Each pulse. */
    void refresh() {
        ReplaySource r = replay;
        if (r == null) {
            // Also for a camera gone dark: its last seconds before it went are there to see.
            boolean can = tile.recorded() && tile.ring().bytes() > 0;
            if (start.isVisible() != can) {
                start.setVisible(can);
            }
            return;
        }
        pause.setText(Messages.get(r.paused() || r.ended() ? "wall.replay.play" : "wall.replay.pause"));
        if (!scrub.isValueChanging() && !scrub.isPressed()) {
            scrub.setValue(r.positionMillis());
        }
        long behind = Math.round((r.durationMillis() - r.positionMillis()) / 1000.0);
        String t = Messages.get("wall.replay.time", behind, Math.round(r.durationMillis() / 1000.0));
        if (!t.equals(time.getText())) {
            time.setText(t);
        }
    }

    private static final javafx.css.PseudoClass REPLAYING = javafx.css.PseudoClass.getPseudoClass("replaying");
}
