package commandroom.app.model;

import java.time.Instant;

/** An instruction from the county about a station's incident; receivedAt null until the station took it in. */
public record CountyInstructionItem(String id, String stationId, String incidentId, String text, String issuedBy,
                                    Instant issuedAt, Instant receivedAt) {

    public boolean received() {
        return receivedAt != null;
    }
}
