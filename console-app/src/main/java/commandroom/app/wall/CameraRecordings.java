package commandroom.app.wall;

import commandroom.app.model.CameraRecording;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The recordings of cameras a camera source of the hub keeps (a GB/T 28181 platform's channel):
 * which there are, and where to play a stretch of them while a tile watches it (the hub starts
 * the platform's playback and stops it when the tile lets go).
 */
public interface CameraRecordings {

    /**
     * The recordings overlapping a period of at most 24 h, oldest first; the future fails with the
     * hub's or the platform's refusal (completed on a background thread).
     */
    CompletableFuture<List<CameraRecording>> list(String cameraId, Instant from, Instant to);

    /**
     * Starts watching a stretch [start, end) of a camera's recordings: onUrls gets the addresses to
     * play, onProblem why there are none, in words for the tile (either on any thread). Closing the
     * handle ends the watch.
     */
    AutoCloseable watch(String cameraId, Instant start, Instant end, Consumer<CameraAddresses.Urls> onUrls,
                        Consumer<String> onProblem);

    /** No hub to ask (a wall without a console's session). */
    CameraRecordings NONE = new CameraRecordings() {
        @Override
        public CompletableFuture<List<CameraRecording>> list(String cameraId, Instant from, Instant to) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    commandroom.app.ui.Messages.get("wall.state.noSource")));
        }

        @Override
        public AutoCloseable watch(String cameraId, Instant start, Instant end, Consumer<CameraAddresses.Urls> onUrls,
                                   Consumer<String> onProblem) {
            onProblem.accept(commandroom.app.ui.Messages.get("wall.state.noSource"));
            return () -> { };
        }
    };
}
