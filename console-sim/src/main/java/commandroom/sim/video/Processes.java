package commandroom.sim.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Ending the simulator's helper processes at once, as a camera losing power would. */
final class Processes {

    private Processes() {}

    /** SIGKILL, then waits a moment for the process to be gone. */
    static void killNow(Process p) {
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deletes a temporary file of ours; one left behind is harmless. */
    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The system cleans its temporary folder up otherwise.
        }
    }
}
