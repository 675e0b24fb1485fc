package commandroom.app.board;

import commandroom.app.model.IncidentItem;
import commandroom.app.model.TaskItem;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the board shows: station, zone, type, priority, assignee (null = any), overdue only, and a
 * search text over ids, instruction and assignees. Immutable; saved with the layout as a string map.
 */
public record BoardFilter(String stationId, String zoneId, String type, String priority, String assigneeId,
                          boolean overdueOnly, String search) {

    public static final BoardFilter ALL = new BoardFilter(null, null, null, null, null, false, "");

    /** What a filter needs to know beyond the card: unit names and the station of each zone. */
    public interface Directory {
        String unitName(String unitId);

        /** The zone's station id, or null for a zone the console does not know. */
        String stationOf(String zoneId);
    }

    public BoardFilter {
        search = search == null ? "" : search;
    }

    /** The same filter with another search text (what the search field changes). */
    public BoardFilter withSearch(String text) {
        return new BoardFilter(stationId, zoneId, type, priority, assigneeId, overdueOnly, text);
    }

    public boolean accepts(TaskItem t, Directory directory) {
        if (overdueOnly && !t.isOverdue()) {
            return false;
        }
        if (!matches(zoneId, t.zoneId()) || !matches(type, t.incidentType()) || !matches(priority, t.priority())
                || (assigneeId != null && !t.assignees().contains(assigneeId))
                || (stationId != null && !stationId.equals(directory.stationOf(t.zoneId())))) {
            return false;
        }
        if (search.isBlank()) {
            return true;
        }
        String q = search.toLowerCase(Locale.ROOT).trim();
        if (t.id().toLowerCase(Locale.ROOT).contains(q) || t.incidentId().toLowerCase(Locale.ROOT).contains(q)
                || t.instruction().toLowerCase(Locale.ROOT).contains(q)) {
            return true;
        }
        return t.assignees().stream().anyMatch(u -> u.toLowerCase(Locale.ROOT).contains(q)
                || directory.unitName(u).toLowerCase(Locale.ROOT).contains(q));
    }

    /** New incidents have no assignee: a filter on one hides them all. */
    public boolean accepts(IncidentItem i, Directory directory) {
        if (overdueOnly || assigneeId != null || !matches(zoneId, i.zoneId()) || !matches(type, i.type())
                || !matches(priority, i.priority())
                || (stationId != null && !stationId.equals(directory.stationOf(i.zoneId())))) {
            return false;
        }
        String q = search.toLowerCase(Locale.ROOT).trim();
        return q.isEmpty() || i.id().toLowerCase(Locale.ROOT).contains(q) || i.address().contains(q)
                || i.summary().contains(q);
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }

    public Map<String, String> toMap() {
        Map<String, String> m = new HashMap<>();
        putIfSet(m, "station", stationId);
        putIfSet(m, "zone", zoneId);
        putIfSet(m, "type", type);
        putIfSet(m, "priority", priority);
        putIfSet(m, "assignee", assigneeId);
        m.put("overdue", Boolean.toString(overdueOnly));
        m.put("search", search);
        return m;
    }

    private static void putIfSet(Map<String, String> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    public static BoardFilter fromMap(Map<String, String> m) {
        return new BoardFilter(m.get("station"), m.get("zone"), m.get("type"), m.get("priority"), m.get("assignee"),
                Boolean.parseBoolean(m.getOrDefault("overdue", "false")), m.getOrDefault("search", ""));
    }
}
