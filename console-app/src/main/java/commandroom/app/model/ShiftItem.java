package commandroom.app.model;

import java.time.Instant;

/** One unit's planned shift (排班表): who, from when, until when. Immutable. */
public record ShiftItem(String unitId, Instant start, Instant end) {

    /** The key the console keeps it by: the same unit and start are the same shift. */
    public String key() {
        return unitId + "@" + start.getEpochSecond();
    }
}
