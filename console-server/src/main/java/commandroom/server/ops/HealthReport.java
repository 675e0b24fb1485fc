package commandroom.server.ops;

import java.time.Duration;

/**
 * What the health endpoint answers.
 *
 * @param serving       true when the hub can take and log events
 * @param databaseError why not, or null
 * @param lastSequence  the last durable event (a monitor sees the log move)
 * @param subscribers   consoles and terminals following the log
 * @param uptime        since the hub started
 */
public record HealthReport(boolean serving, String databaseError, long lastSequence, int subscribers,
                           Duration uptime) {

    /** The report as one JSON object, the endpoint's body. */
    public String toJson() {
        StringBuilder b = new StringBuilder(160).append('{');
        b.append("\"status\":\"").append(serving ? "SERVING" : "NOT_SERVING").append('"');
        b.append(",\"database\":").append(databaseError == null ? "\"ok\"" : Json.quote(databaseError));
        b.append(",\"lastSequence\":").append(lastSequence);
        b.append(",\"subscribers\":").append(subscribers);
        b.append(",\"uptimeSeconds\":").append(uptime.toSeconds());
        return b.append('}').toString();
    }
}
