package commandroom.app.wall;

import java.util.function.Consumer;

/**
 * Where the wall learns the play address of a camera a camera source of the hub keeps (a GB/T
 * 28181 platform's channel): the hub starts the platform's play while a tile watches, and stops it
 * after the last tile let go.
 */
@FunctionalInterface
public interface CameraAddresses {

    /**
     * Starts watching a camera: onUrl gets the address to play, onProblem why there is none, in
     * words for the tile (either on any thread). Closing the handle ends the watch.
     */
    AutoCloseable watch(String cameraId, Consumer<String> onUrl, Consumer<String> onProblem);

    /** No hub to ask (a wall without a console's session). */
    CameraAddresses NONE = (id, onUrl, onProblem) -> {
        onProblem.accept(commandroom.app.ui.Messages.get("wall.state.noSource"));
        return () -> { };
    };
}
