package commandroom.app.wall;

import commandroom.app.connection.ConsoleState;
import commandroom.app.model.CameraItem;
import commandroom.app.ui.Labels;
import commandroom.app.ui.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Button;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Tours (轮巡) on a wall: the duty officer names a tour made of the cameras picked in the camera
 * tree (or of a zone), keeps it with the workspace among the other named tours, and starts one; its
 * cameras cycle through the wall's tiles, each group staying for the dwell time, and wait while an
 * alarm shows. A zone picked in the tree can also be toured at once without naming it. Ids:
 * tour-dwell, tour-name, tour-save, tour-saved, tour-play, tour-delete, tour-start (the picked zone),
 * tour-stop, tour-state. FX thread.
 */
final class TourControls extends VBox {

    private final ConsoleState state;
    private final WallView wall;
    private final CameraTree tree;
    /** True while an alarm's cameras hold the wall: the tour waits. */
    private final BooleanSupplier alarmShowing;
    private final Spinner<Integer> dwell = new Spinner<>(Tour.MIN_DWELL_SECONDS, 300, 10);
    private final TextField name = new TextField();
    private final ComboBox<Tour> saved = new ComboBox<>();
    private final Label running = new Label();
    private Tour tour;
    private Timeline timer;
    /** The tour that ran when the workspace was saved, started again once the registry is known. */
    private Tour toResume;

    TourControls(ConsoleState state, WallView wall, CameraTree tree, BooleanSupplier alarmShowing) {
        super(6);
        this.state = state;
        this.wall = wall;
        this.tree = tree;
        this.alarmShowing = alarmShowing;
        dwell.setId("tour-dwell");
        dwell.setEditable(true);
        dwell.setPrefWidth(100);
        name.setId("tour-name");
        name.setPromptText(Messages.get("wall.tour.name"));
        saved.setId("tour-saved");
        saved.setConverter(Labels.of(t -> t == null ? "" : Messages.get("wall.tour.entry", t.name(),
                t.cameraIds().size(), t.dwellSeconds())));
        saved.setMaxWidth(Double.MAX_VALUE);
        saved.setPromptText(Messages.get("wall.tour.savedPrompt"));
        javafx.scene.layout.HBox.setHgrow(name, javafx.scene.layout.Priority.ALWAYS);
        running.setWrapText(true);
        running.setId("tour-state");
        getChildren().addAll(new Label(Messages.get("wall.tour")),
                new HBox(8, new Label(Messages.get("wall.tour.dwell")), dwell),
                new HBox(8, name, button("tour-save", "wall.tour.save", this::saveFromTree)),
                saved,
                // The side panel is narrow: buttons wrap to the next line rather than lose their words.
                new FlowPane(8, 6, button("tour-play", "wall.tour.play", this::playSaved),
                        button("tour-delete", "wall.tour.delete", this::deleteSaved)),
                new FlowPane(8, 6, button("tour-start", "wall.tour.start", this::playZone),
                        button("tour-stop", "wall.tour.stop", this::stop)),
                running);
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(Messages.get(text));
        b.setId(id);
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A named tour of the cameras picked in the tree (or of the picked zone), kept and selected. */
    private void saveFromTree() {
        List<String> ids = tree.selectedCameras().stream().map(CameraItem::id).toList();
        if (ids.isEmpty()) {
            ids = tree.selectedZone().map(z -> zoneCameras(z.id())).orElse(List.of());
        }
        String n = name.getText() == null ? "" : name.getText().trim();
        if (ids.isEmpty() || n.isEmpty()) {
            running.setText(Messages.get("wall.tour.needs"));
            return;
        }
        Tour t = new Tour(n, ids, dwell.getValue());
        keep(t);
        saved.setValue(t);
        name.clear();
        running.setText(Messages.get("wall.tour.saved", t.name(), ids.size()));
    }

    /** Adds a tour to the named ones, replacing one of the same name. */
    private void keep(Tour t) {
        saved.getItems().removeIf(o -> o.name().equals(t.name()));
        saved.getItems().add(t);
        saved.getItems().sort(java.util.Comparator.comparing(Tour::name));
    }

    private void playSaved() {
        Tour t = saved.getValue();
        if (t != null) {
            start(new Tour(t.name(), t.cameraIds(), dwell.getValue()));
        }
    }

    private void deleteSaved() {
        Tour t = saved.getValue();
        if (t != null) {
            saved.getItems().remove(t);
            saved.setValue(null);
        }
    }

    private void playZone() {
        tree.selectedZone().ifPresent(z -> {
            List<String> ids = zoneCameras(z.id());
            if (!ids.isEmpty()) {
                start(new Tour(z.name(), ids, dwell.getValue()));
            }
        });
    }

    private List<String> zoneCameras(String zoneId) {
        return state.cameras().values().stream().filter(c -> c.zoneId().equals(zoneId)).map(CameraItem::id)
                .sorted().toList();
    }

    /**
     * Cycles a tour through the wall's tiles: the first cameras now, the next ones after each
     * dwell. While an alarm shows, the tour waits (the alarm's cameras stay).
     */
    void start(Tour t) {
        stop();
        tour = t;
        long[] step = {0};
        showStep(t, 0);
        timer = new Timeline(new KeyFrame(javafx.util.Duration.seconds(t.dwellSeconds()), e -> {
            if (!alarmShowing.getAsBoolean()) {
                showStep(t, ++step[0]);
            }
        }));
        timer.setCycleCount(Timeline.INDEFINITE);
        timer.play();
        running.setText(Messages.get("wall.tour.running", t.name(), t.cameraIds().size(), t.dwellSeconds()));
    }

    /** Stops the tour; the cameras it showed last stay. */
    void stop() {
        if (timer != null) {
            timer.stop();
        }
        timer = null;
        tour = null;
        running.setText("");
    }

    /** The wall has new tiles: the running tour starts again over them. */
    void relayout() {
        if (tour != null) {
            start(tour);
        }
    }

    private void showStep(Tour t, long step) {
        List<VideoTile> tiles = wall.tiles();
        List<String> ids = t.atStep(step, tiles.size());
        for (int i = 0; i < ids.size(); i++) {
            CameraItem c = state.cameras().get(ids.get(i));
            WallCamera shown = tiles.get(i).camera();
            if (c != null && (shown == null || !shown.id().equals(c.id()))) {
                wall.show(i, WallPanel.of(c));
            }
        }
    }

    /** The running tour and the named ones, to save with the workspace. */
    void save(Map<String, String> out) {
        if (tour != null) {
            out.put("tour", tour.format());
        }
        List<String> named = new ArrayList<>();
        saved.getItems().forEach(t -> named.add(t.format()));
        if (!named.isEmpty()) {
            out.put("tours", String.join("\n", named));
        }
    }

    /** Takes back what {@link #save} kept; a tour that cannot be read (hand-edited, older) is left out. */
    void restore(Map<String, String> in) {
        toResume = parse(in.get("tour"));
        saved.getItems().clear();
        for (String line : in.getOrDefault("tours", "").split("\n")) {
            Tour t = parse(line);
            if (t != null) {
                keep(t);
            }
        }
    }

    /** Starts the tour that ran when the workspace was saved (once the cameras are known). */
    void resume() {
        if (toResume != null) {
            start(toResume);
            toResume = null;
        }
    }

    private static Tour parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Tour.parse(text);
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }
}
