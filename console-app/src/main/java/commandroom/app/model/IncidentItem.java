package commandroom.app.model;

import java.time.Instant;

/** An incident as the console shows it. Immutable. */
public record IncidentItem(String id, String type, String priority, double latitude, double longitude,
                           String address, String zoneId, String summary, String status, Instant reportedAt,
                           long version) {

    /** The same incident at another version (a change the console shows nothing else of). */
    public IncidentItem withVersion(long newVersion) {
        return new IncidentItem(id, type, priority, latitude, longitude, address, zoneId, summary, status, reportedAt,
                newVersion);
    }
}
