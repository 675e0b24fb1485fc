package commandroom.app.model;

import java.time.Instant;

/**
 * A picture or a video clip kept in an incident's file: from which camera, why, who kept it and
 * when (a clip: from capturedAt to clipTo, clipBytes long, its SHA-256 in hex; a picture: clipTo null). Immutable.
 */
public record EvidenceItem(String id, String incidentId, String cameraId, String reason, String who, String role,
                           Instant capturedAt, Instant clipTo, long clipBytes, String clipSha256) {

    public boolean isClip() {
        return clipTo != null;
    }
}
