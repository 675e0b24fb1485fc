package commandroom.app.model;

import java.time.Instant;
import java.util.List;

/** An incident a station handed up to the county, with why, by whom, and the county's instructions. */
public record HandedUpItem(String stationId, String incidentId, String type, String priority, String address,
                           String summary, String note, String by, Instant at,
                           List<CountyInstructionItem> instructions) {

    public HandedUpItem {
        instructions = List.copyOf(instructions);
    }
}
