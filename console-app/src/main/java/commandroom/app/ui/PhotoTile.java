package commandroom.app.ui;

import commandroom.app.model.PhotoRef;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;

/**
 * One feedback photo fetched on demand: a box of the photo's size that says the photo's size
 * while it loads, then shows the picture, or says in words why it cannot. The picture is decoded
 * on the thread that fetched it, not on the FX thread. Create on the FX thread.
 *
 * <p>Style classes: photo-tile, photo-tile-text; pseudo-classes :loading, :failed.
 */
public final class PhotoTile extends StackPane {

    private static final javafx.css.PseudoClass LOADING = javafx.css.PseudoClass.getPseudoClass("loading");
    private static final javafx.css.PseudoClass FAILED = javafx.css.PseudoClass.getPseudoClass("failed");

    private final ImageView view = new ImageView();
    private final Label text = new Label();

    /**
     * @param bytes the photo's bytes as they arrive (off the FX thread); its failure is shown
     */
    public PhotoTile(PhotoRef photo, double width, double height, CompletableFuture<byte[]> bytes) {
        getStyleClass().add("photo-tile");
        setPrefSize(width, height);
        setMinSize(width, height);
        setMaxSize(width, height);
        text.getStyleClass().add("photo-tile-text");
        text.setWrapText(true);
        text.setAlignment(Pos.CENTER);
        text.setText(photo.size() > 0 ? Messages.get("photo.loading", size(photo.size()))
                : Messages.get("photo.loadingNoSize"));
        pseudoClassStateChanged(LOADING, true);
        getChildren().addAll(view, text);
        bytes.thenApply(b -> new Image(new ByteArrayInputStream(b), width, height, true, true))
                .whenComplete((image, failure) -> Platform.runLater(() -> show(image, failure)));
    }

    private void show(Image image, Throwable failure) {
        pseudoClassStateChanged(LOADING, false);
        if (failure == null && !image.isError()) {
            view.setImage(image);
            getChildren().remove(text);
            return;
        }
        pseudoClassStateChanged(FAILED, true);
        text.setText(Messages.get("photo.failed", failure != null ? Dialogs.describe(failure)
                : Messages.get("photo.unreadable")));
    }

    /** The picture once it is shown, else null. */
    public Image image() {
        return view.getImage();
    }

    /** What the tile says instead of the picture ("" once the picture shows). */
    public String text() {
        return getChildren().contains(text) ? text.getText() : "";
    }

    /** A size as people read it: MB from one MB up, else KB. */
    public static String size(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb >= 1 ? String.format(Locale.ROOT, "%.1f MB", mb) : String.format(Locale.ROOT, "%.0f KB", Math.ceil(bytes / 1024.0));
    }
}
