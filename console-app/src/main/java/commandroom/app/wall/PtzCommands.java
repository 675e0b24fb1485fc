package commandroom.app.wall;

import java.util.concurrent.CompletableFuture;

/**
 * PTZ commands as the wall sends them: through the hub, which grants one console at a time the
 * control of a camera. Sent in order (a stop never overtakes the move before it). Futures fail
 * with the hub's refusal.
 */
public interface PtzCommands {

    /** Pan, tilt and zoom -1..1 (0, 0, 0 stops); takeOver for a shift leader or the chief. */
    CompletableFuture<Void> move(String cameraId, double pan, double tilt, double zoom, boolean takeOver);

    /** Turns to a preset, or saves the current view as one (1..255). */
    CompletableFuture<Void> preset(String cameraId, int preset, boolean save, boolean takeOver);

    /** Lets the camera go (and stops it). */
    CompletableFuture<Void> release(String cameraId);

    /** No hub: every command refused. */
    PtzCommands NONE = new PtzCommands() {
        @Override
        public CompletableFuture<Void> move(String cameraId, double pan, double tilt, double zoom, boolean takeOver) {
            return CompletableFuture.failedFuture(new IllegalStateException("no hub"));
        }

        @Override
        public CompletableFuture<Void> preset(String cameraId, int preset, boolean save, boolean takeOver) {
            return move(cameraId, 0, 0, 0, false);
        }

        @Override
        public CompletableFuture<Void> release(String cameraId) {
            return CompletableFuture.completedFuture(null);
        }
    };
}
