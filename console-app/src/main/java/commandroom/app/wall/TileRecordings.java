package commandroom.app.wall;

import commandroom.app.ui.Messages;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;

/**
 * Recordings of the wall's platform cameras. A camera source's camera has a 录像 button on its
 * tile, beside 云台; it opens the timeline of that camera's recordings under the wall (one
 * timeline at a time; the tile it belongs to is outlined). A moment picked on the timeline plays
 * on that tile from then, through the recordings that run on from it; 回到实时, on the tile and
 * on the timeline, puts the tile back live. The timeline closes when its tile shows another
 * camera. A source that keeps no recordings (ONVIF devices) says so on the timeline, in the hub's
 * words. FX thread. Ids: recordings-toggle, recording-live; style class tile-recordings;
 * pseudo-class :recordings on the tile whose timeline shows.
 */
final class TileRecordings {

    private static final PseudoClass OPEN = PseudoClass.getPseudoClass("recordings");

    private final CameraRecordings source;
    private final RecordingsViewModel model;
    private final RecordingsView view;
    private final Map<VideoTile, Buttons> buttons = new HashMap<>();
    /** The tile whose camera's timeline shows, or null. */
    private VideoTile open;

    /** A platform camera's buttons on its tile: back to live (while a recording plays) and 录像. */
    private final class Buttons extends HBox {
        final Button live = new Button(Messages.get("wall.recordings.live"));
        final Button toggle = new Button(Messages.get("wall.recordings.button"));

        Buttons(VideoTile tile) {
            super(6);
            getStyleClass().add("tile-recordings");
            live.setId("recording-live");
            live.setFocusTraversable(false);
            live.managedProperty().bind(live.visibleProperty());
            live.setOnAction(e -> tile.backToLive());
            toggle.setId("recordings-toggle");
            toggle.setFocusTraversable(false);
            toggle.setOnAction(e -> {
                if (open == tile) {
                    hide();
                } else {
                    show(tile);
                }
            });
            // The buttons keep their words on a narrow tile; the PTZ note wraps instead.
            live.setMinWidth(USE_PREF_SIZE);
            toggle.setMinWidth(USE_PREF_SIZE);
            setMinWidth(USE_PREF_SIZE);
            setPickOnBounds(false);
            getChildren().addAll(live, toggle);
        }
    }

    TileRecordings(CameraRecordings source, ZoneId zone, Clock clock) {
        this.source = source;
        this.model = new RecordingsViewModel(source, zone, clock);
        this.view = new RecordingsView(model, zone);
        view.setVisible(false);
        view.managedProperty().bind(view.visibleProperty());
        view.setOnPick(this::pick);
        view.setOnBackToLive(() -> {
            if (open != null) {
                open.backToLive();
            }
        });
        view.setOnClose(this::hide);
    }

    /** The timeline, to place under the wall; hidden until a tile's 录像 opens it. */
    Node view() {
        return view;
    }

    /** A tile shows a camera (or none), or its camera again, live: its buttons and the timeline follow. */
    void shown(VideoTile tile) {
        WallCamera c = tile.camera();
        boolean platform = c != null && c.viaHub();
        Buttons b = buttons.get(tile);
        if (platform && b == null) {
            b = new Buttons(tile);
            buttons.put(tile, b);
            tile.tools().add(b);
        } else if (!platform && b != null) {
            tile.tools().remove(b);
            buttons.remove(tile);
            b = null;
        }
        if (b != null) {
            b.live.setVisible(tile.recordingFrom() != null);
        }
        if (open == tile) {
            if (c == null || !c.id().equals(model.cameraId())) {
                hide();
            } else {
                model.playing(tile.recordingFrom());
            }
        }
    }

    private void show(VideoTile tile) {
        if (open != null) {
            open.pseudoClassStateChanged(OPEN, false);
        }
        open = tile;
        tile.pseudoClassStateChanged(OPEN, true);
        view.open(tile.camera().id(), tile.camera().name());
        model.playing(tile.recordingFrom());
        view.setVisible(true);
    }

    private void hide() {
        if (open != null) {
            open.pseudoClassStateChanged(OPEN, false);
        }
        open = null;
        view.setVisible(false);
    }

    /** A moment picked on the timeline: its tile plays the recordings from then. */
    private void pick(Instant t) {
        VideoTile tile = open;
        if (tile == null) {
            return;
        }
        model.stretchAt(t).ifPresent(s -> {
            tile.playRecording(source, s.start(), s.end());
            model.playing(s.start());
            Buttons b = buttons.get(tile);
            if (b != null) {
                b.live.setVisible(true);
            }
        });
    }
}
