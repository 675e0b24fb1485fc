package commandroom.app.model;

import java.time.Instant;

/**
 * A stretch of a camera's video that its platform keeps (on the device or its NVR): when, why it
 * was recorded, and its size in bytes (0 when the platform did not say). Immutable.
 */
public record CameraRecording(Instant start, Instant end, Kind kind, long sizeBytes) {

    /** Why it was recorded: on a schedule, on an alarm, by hand, or not said. */
    public enum Kind { TIMED, ALARM, MANUAL, OTHER }

    /** Whether a moment lies in it (its end excluded). */
    public boolean holds(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }
}
