package commandroom.app.model;

import java.time.Instant;

/** An incident as the console shows it. Immutable. */
public record IncidentItem(String id, String type, String priority, double latitude, double longitude,
                           String address, String zoneId, String summary, String status, Instant reportedAt,
                           long version) {}
