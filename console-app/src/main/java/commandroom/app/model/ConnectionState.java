package commandroom.app.model;

import java.time.Instant;

/** Whether the console is following the hub, and since when it is not. */
public record ConnectionState(Status status, Instant since, long lastSequence, String detail) {

    /** The three states a person needs to tell apart. */
    public enum Status { CONNECTING, LIVE, RECONNECTING }

    public boolean isLive() {
        return status == Status.LIVE;
    }
}
