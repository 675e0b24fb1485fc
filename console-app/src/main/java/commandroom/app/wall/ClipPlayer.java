package commandroom.app.wall;

import commandroom.app.ui.Messages;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Plays a kept clip where it is shown (the case file): its picture, play and pause, a scrub bar.
 * The clip is a file fetched from the hub; the same player as a tile's replay decodes it, into a
 * picture painted once a pulse while it plays. FX thread. Ids: clip-picture, clip-play, clip-scrub.
 */
public final class ClipPlayer extends VBox {

    private final ImageView picture = new ImageView();
    private final Button play = new Button(Messages.get("wall.replay.play"));
    private final Slider scrub = new Slider(0, 1, 0);
    private final int width;
    private final int height;
    private ReplaySource source;
    private TileFrame shown;
    private final AnimationTimer painter = new AnimationTimer() {
        @Override
        public void handle(long now) {
            paint();
        }
    };

    public ClipPlayer(int width, int height) {
        super(4);
        this.width = width;
        this.height = height;
        picture.setFitWidth(width);
        picture.setFitHeight(height);
        picture.setPreserveRatio(true);
        picture.setId("clip-picture");
        StackPane frame = new StackPane(picture);
        frame.setMinSize(width, height);
        frame.setPrefSize(width, height);
        frame.getStyleClass().add("clip-frame");
        play.setId("clip-play");
        play.setDisable(true);
        play.setOnAction(e -> togglePause());
        scrub.setId("clip-scrub");
        scrub.setDisable(true);
        scrub.valueChangingProperty().addListener((o, was, is) -> {
            if (!is && source != null) {
                source.seek((long) scrub.getValue());
            }
        });
        scrub.setOnMouseReleased(e -> {
            if (source != null && !scrub.isValueChanging()) {
                source.seek((long) scrub.getValue());
            }
        });
        HBox.setHgrow(scrub, Priority.ALWAYS);
        HBox controls = new HBox(8, play, scrub);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setMaxWidth(width);
        getChildren().addAll(frame, controls);
        sceneProperty().addListener((o, was, is) -> {
            if (is == null) {
                close();
            }
        });
    }

    /** Plays a clip file of this many milliseconds from its start. */
    public void open(Path file, long durationMillis) {
        close();
        source = new ReplaySource(new FramePool(), durationMillis);
        source.play(file.toString(), width, height);
        scrub.setMax(Math.max(1, durationMillis));
        play.setDisable(false);
        scrub.setDisable(false);
        painter.start();
    }

    /** Milliseconds into the clip shown now. */
    public long positionMillis() {
        return source == null ? 0 : source.positionMillis();
    }

    /** Pictures decoded since the clip was opened. */
    public long framesDecoded() {
        return source == null ? 0 : source.framesDecoded();
    }

    /** The pixel at a fraction of the picture, 0xAARRGGBB, or 0 with none. */
    public int pixelAt(double fx, double fy) {
        TileFrame f = shown;
        return f == null ? 0 : f.argbAt((int) Math.min(f.width() - 1, fx * f.width()),
                (int) Math.min(f.height() - 1, fy * f.height()));
    }

    private void togglePause() {
        if (source == null) {
            return;
        }
        if (source.ended()) {
            source.seek(0);
            source.pause(false);
        } else {
            source.pause(!source.paused());
        }
    }

    private void paint() {
        ReplaySource s = source;
        if (s == null) {
            return;
        }
        TileFrame f = s.frame();
        if (f != null && f.written()) {
            if (f != shown) {
                shown = f;
                picture.setImage(f.image());
            }
            f.push();
        }
        if (!scrub.isValueChanging() && !scrub.isPressed()) {
            scrub.setValue(s.positionMillis());
        }
        String label = Messages.get(s.paused() || s.ended() ? "wall.replay.play" : "wall.replay.pause");
        if (!label.equals(play.getText())) {
            play.setText(label);
        }
    }

    /** Stops playing (leaving the case file closes it too). */
    public void close() {
        painter.stop();
        if (source != null) {
            source.release();
            source = null;
        }
    }
}
