package commandroom.app.wall;

import commandroom.app.model.CameraRecording;
import commandroom.app.ui.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The timeline of a platform camera's recordings, under the wall: the camera, a date picker
 * (today at first), the colours of the reasons recorded, what the query came to, back to live and
 * close, over the day's {@link RecordingBar}. The hub is asked off the FX thread; its answer comes
 * back by {@link Platform#runLater}, as the wall's other calls. Ids: recordings-panel,
 * recordings-title, recordings-day, recordings-status, recordings-live, recordings-close,
 * recording-bar. Style classes: recordings-panel, recordings-title, recordings-status,
 * recordings-legend, recording-swatch. FX thread.
 */
final class RecordingsView extends VBox {

    private final RecordingsViewModel model;
    private final RecordingBar bar;
    private final Button live = new Button(Messages.get("wall.recordings.live"));
    private final Button close = new Button(Messages.get("wall.recordings.close"));

    RecordingsView(RecordingsViewModel model, ZoneId zone) {
        super(6);
        this.model = model;
        this.bar = new RecordingBar(zone);
        setId("recordings-panel");
        getStyleClass().add("recordings-panel");
        Label title = new Label();
        title.setId("recordings-title");
        title.getStyleClass().add("recordings-title");
        title.textProperty().bind(model.titleProperty());
        title.setMinWidth(Region.USE_PREF_SIZE);
        DatePicker day = new DatePicker();
        day.setId("recordings-day");
        day.setEditable(false);
        day.valueProperty().bindBidirectional(model.dayProperty());
        Label status = new Label();
        status.setId("recordings-status");
        status.getStyleClass().add("recordings-status");
        status.textProperty().bind(model.statusProperty());
        status.setMinWidth(0);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        live.setId("recordings-live");
        live.setFocusTraversable(false);
        live.disableProperty().bind(model.playingFromProperty().isNull());
        close.setId("recordings-close");
        close.setFocusTraversable(false);
        HBox head = new HBox(12, title, day, legend(), status, gap, live, close);
        head.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(head, bar);
        // Another day, or the same camera opened again: the bar empties and the hub is asked.
        model.dayProperty().addListener((o, a, b) -> {
            if (b != null) {
                load();
            }
        });
        model.recordings().addListener((ListChangeListener<CameraRecording>) c -> showDay());
        model.playingFromProperty().addListener((o, a, b) -> bar.setPlaying(b));
    }

    /** Told the moment the operator picked on the bar. */
    void setOnPick(Consumer<Instant> onPick) {
        bar.setOnPick(onPick);
    }

    void setOnBackToLive(Runnable r) {
        live.setOnAction(e -> r.run());
    }

    void setOnClose(Runnable r) {
        close.setOnAction(e -> r.run());
    }

    /** Shows a camera's recordings of today, asked of the hub. */
    void open(String cameraId, String cameraName) {
        java.time.LocalDate before = model.dayProperty().get();
        model.open(cameraId, cameraName);
        if (model.dayProperty().get().equals(before)) {
            load(); // the day did not change, so its listener did not ask
        }
    }

    /** Asks the hub for the shown camera's recordings of the shown day. */
    private void load() {
        showDay();
        RecordingsViewModel.Loading query = model.load();
        query.result().whenComplete((found, failure) -> Platform.runLater(() -> model.loaded(query, found, failure)));
    }

    private void showDay() {
        bar.show(model.dayStart(), model.dayEnd(), model.recordings());
    }

    /** A swatch and a word for each reason recorded, in the colours of the blocks. */
    private static HBox legend() {
        HBox legend = new HBox(10);
        legend.getStyleClass().add("recordings-legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        for (CameraRecording.Kind k : new CameraRecording.Kind[] {CameraRecording.Kind.TIMED, CameraRecording.Kind.ALARM,
                CameraRecording.Kind.MANUAL}) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("recording-swatch", "recording-" + k.name().toLowerCase(java.util.Locale.ROOT));
            Label word = new Label(Messages.get("wall.recordings.kind." + k.name()), swatch);
            word.setMinWidth(Region.USE_PREF_SIZE);
            legend.getChildren().add(word);
        }
        return legend;
    }
}
