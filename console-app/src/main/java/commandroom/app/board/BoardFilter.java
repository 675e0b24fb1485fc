package commandroom.app.board;

import commandroom.app.model.IncidentItem;
import commandroom.app.model.TaskItem;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What the board shows: zone, type, priority (null = any), overdue only, and a search text over
 * ids, instruction, zone and assignees. Immutable; saved with the layout as a string map.
 */
public record BoardFilter(String zoneId, String type, String priority, boolean overdueOnly, String search) {

    public static final BoardFilter ALL = new BoardFilter(null, null, null, false, "");

    public boolean accepts(TaskItem t, Function<String, String> unitName) {
        if (overdueOnly && !t.isOverdue()) {
            return false;
        }
        if (!matches(zoneId, t.zoneId()) || !matches(type, t.incidentType()) || !matches(priority, t.priority())) {
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
                || unitName.apply(u).toLowerCase(Locale.ROOT).contains(q));
    }

    public boolean accepts(IncidentItem i) {
        if (overdueOnly || !matches(zoneId, i.zoneId()) || !matches(type, i.type()) || !matches(priority, i.priority())) {
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
        if (zoneId != null) {
            m.put("zone", zoneId);
        }
        if (type != null) {
            m.put("type", type);
        }
        if (priority != null) {
            m.put("priority", priority);
        }
        m.put("overdue", Boolean.toString(overdueOnly));
        m.put("search", search);
        return m;
    }

    public static BoardFilter fromMap(Map<String, String> m) {
        return new BoardFilter(m.get("zone"), m.get("type"), m.get("priority"),
                Boolean.parseBoolean(m.getOrDefault("overdue", "false")), m.getOrDefault("search", ""));
    }
}
