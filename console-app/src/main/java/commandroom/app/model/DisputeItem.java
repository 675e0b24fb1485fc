package commandroom.app.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A dispute case file (一事一档) as the console shows it. Enum values are the hub's names without
 * their prefix (category NEIGHBOUR, grade A, route ON_SITE, status OPEN); a missing time is null.
 * Immutable.
 */
public record DisputeItem(String id, List<String> incidentIds, List<String> repeatIncidentIds, List<Party> parties,
                          String category, String address, String zoneId, String grade, String route, String status,
                          List<Session> sessions, String agreement, List<Visit> visits, Instant openedAt,
                          Instant settledAt, Instant closedAt, int reopenedCount, long version) {

    /** A party: name and telephone. */
    public record Party(String name, String phone) {}

    /** One mediation session: number, AGREED or NOT_AGREED, who mediated, the note, when. */
    public record Session(int number, String outcome, String mediator, String note, Instant recordedAt) {}

    /** A follow-up visit: IN_PERSON or PHONE, when due, its task (or ""), its result (PENDING, STABLE, RELAPSED, CANCELLED). */
    public record Visit(String id, String mode, Instant due, String taskId, String result, Instant doneAt) {}

    /** Mediation goes on while the file is open. */
    public boolean isOpen() {
        return "OPEN".equals(status);
    }

    /** The hub settles only an open case whose last session agreed. */
    public boolean maySettle() {
        return isOpen() && !sessions.isEmpty() && "AGREED".equals(sessions.get(sessions.size() - 1).outcome());
    }

    /** The first visit not yet made, if any. */
    public Optional<Visit> nextVisit() {
        return visits.stream().filter(v -> "PENDING".equals(v.result())).findFirst();
    }
}
