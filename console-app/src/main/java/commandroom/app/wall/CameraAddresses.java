package commandroom.app.wall;

import java.util.function.Consumer;

/**
 * Where the wall learns the play address of a camera a camera source of the hub keeps (a GB/T
 * 28181 platform's channel): the hub starts the platform's play while a tile watches, and stops it
 * after the last tile let go.
 */
@FunctionalInterface
public interface CameraAddresses {

    /** Where to play a camera: its stream, and a smaller one for small tiles ("" when it has one only). */
    record Urls(String main, String sub) {}

    /**
     * Starts watching a camera: onUrls gets the addresses to play, onProblem why there are none,
     * in words for the tile (either on any thread). Closing the handle ends the watch.
     */
    AutoCloseable watch(String cameraId, Consumer<Urls> onUrls, Consumer<String> onProblem);

    /** No hub to ask (a wall without a console's session). */
    CameraAddresses NONE = (id, onUrls, onProblem) -> {
        onProblem.accept(commandroom.app.ui.Messages.get("wall.state.noSource"));
        return () -> { };
    };
}
