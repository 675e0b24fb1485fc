package commandroom.app.wall;

import commandroom.app.connection.CommandClient;
import commandroom.app.connection.ConsoleState;
import commandroom.app.model.IncidentItem;
import commandroom.app.ui.Messages;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * The tiles' "keep as evidence" menu: a right click on a tile with a picture offers to keep what
 * it shows in an incident's file (the alarm's incident first while an alarm shows, else the newest
 * open one), not while it plays a recording. Only for roles that may take in incidents; the hub
 * refuses the others anyway. The last outcome is said in a note beside the wall. FX thread. Ids:
 * tile-snapshot, snapshot-note.
 */
final class TileEvidence {

    private static final Set<String> CLOSED = Set.of("RESOLVED", "DISMISSED");

    private final ConsoleState state;
    private final CommandClient client;
    private final Supplier<String> alarmIncident;
    private final Label note = new Label();

    TileEvidence(ConsoleState state, CommandClient client, Supplier<String> alarmIncident) {
        this.state = state;
        this.client = client;
        this.alarmIncident = alarmIncident;
        note.setId("snapshot-note");
        note.setWrapText(true);
        note.getStyleClass().add("wall-note");
    }

    Label note() {
        return note;
    }

    /** Gives the tile its menu; the menu item is enabled only while the tile holds a picture. */
    void offer(VideoTile tile) {
        tile.replayView().setOnKeep(this::keepClip);
        MenuItem keep = new MenuItem(Messages.get("wall.snapshot.menu"));
        keep.setId("tile-snapshot");
        ContextMenu menu = new ContextMenu(keep);
        menu.setOnShowing(e -> keep.setDisable(tile.camera() == null || !tile.hasPicture()
                || tile.recordingFrom() != null || tile.replaying()));
        keep.setOnAction(e -> tile.snapshot().ifPresent(p -> keep(tile, p)));
        // A secondary click rather than the context-menu event: that one is not raised everywhere
        // (the headless toolkit has none), and one route means no double menu.
        tile.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.SECONDARY) {
                menu.show(tile, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
    }

    private void keep(VideoTile tile, TilePicture picture) {
        List<IncidentItem> open = openIncidents();
        String id = SnapshotDialog.show(picture, tile.camera() == null ? picture.cameraId() : tile.camera().name(),
                open, first(open), client, tile.getScene().getWindow());
        if (id != null) {
            note.setText(Messages.get("wall.snapshot.kept", id));
        }
    }

    /** 留存证据 on a replaying tile: keeps a stretch of the replay as a video clip. */
    void keepClip(VideoTile tile) {
        PacketRing.Slice replayed = tile.replayView().slice();
        WallCamera camera = tile.camera();
        if (replayed == null || camera == null) {
            return;
        }
        if (tile.replay() != null) {
            tile.replay().pause(true);
        }
        List<IncidentItem> open = openIncidents();
        String id = ClipDialog.show(replayed, camera.id(), camera.name(), open, first(open), client,
                tile.getScene().getWindow());
        if (id != null) {
            note.setText(Messages.get("wall.clip.kept", id));
        }
    }

    private List<IncidentItem> openIncidents() {
        return state.incidents().values().stream().filter(i -> !CLOSED.contains(i.status()))
                .sorted(Comparator.comparing(IncidentItem::reportedAt).reversed()).toList();
    }

    /** The alarm's incident while an alarm shows, else the newest open one. */
    private IncidentItem first(List<IncidentItem> open) {
        String alarm = alarmIncident.get();
        return open.stream().filter(i -> i.id().equals(alarm)).findFirst().orElse(open.isEmpty() ? null : open.get(0));
    }
}
