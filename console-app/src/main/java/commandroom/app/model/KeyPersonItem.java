package commandroom.app.model;

import java.time.Instant;
import java.util.List;

/**
 * A person on the key persons register (一人一策) as the console shows it: category as the hub's
 * name without its prefix (MENTAL_HEALTH, DRUG, ...), the cadence in days. Immutable.
 */
public record KeyPersonItem(String id, String name, String category, String address, String zoneId, String plan,
                            int everyDays, List<String> assignedUnitIds, List<CheckIn> checkIns, Instant nextDue,
                            long version) {

    /** One check-in: when, by whom, what was found. */
    public record CheckIn(Instant at, String by, String note) {}
}
