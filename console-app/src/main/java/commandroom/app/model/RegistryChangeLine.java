package commandroom.app.model;

import java.time.Instant;
import java.util.List;

/**
 * One line of a registry item's history: when, who, what (registered, changed, retired), which
 * fields changed, why (a retirement's reason or the import's file), and the version after it.
 * Immutable.
 *
 * @param what REGISTERED, CHANGED or RETIRED
 */
public record RegistryChangeLine(Instant at, String who, String what, List<String> fields, String reason, long version) {

    public RegistryChangeLine {
        fields = List.copyOf(fields);
    }
}
