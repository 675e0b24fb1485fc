package commandroom.app.model;

import java.time.Instant;

/** A picture kept in an incident's file: from which camera, why, who kept it and when. Immutable. */
public record EvidenceItem(String id, String incidentId, String cameraId, String reason, String who, String role,
                           Instant capturedAt) {}
