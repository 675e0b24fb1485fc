package commandroom.server.loop;

import commandroom.v1.PlannedShift;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The shift plan (排班表) as the log has it: each unit's planned shifts by start, and which of them
 * the hub has begun and ended. Shifts that ended more than {@link #KEPT_AFTER_END_SECONDS} before
 * the latest plan was imported are dropped (the log keeps them), so the plan stays the size of a
 * few weeks however many years are imported. Part of {@link HubState}: the writer changes it,
 * readers read it under the hub's lock.
 */
final class ShiftPlan {

    /** Two days: a shift the hub was down for is still ended once it is up again. */
    static final long KEPT_AFTER_END_SECONDS = 2 * 86_400L;

    private final Map<String, TreeMap<Long, PlannedShift>> byUnit = new HashMap<>();
    private final Set<String> begun = new HashSet<>();
    private final Set<String> ended = new HashSet<>();

    static String key(String unitId, long startSeconds) {
        return unitId + "@" + startSeconds;
    }

    static String key(PlannedShift p) {
        return key(p.getUnitId(), p.getStart().getSeconds());
    }

    Optional<PlannedShift> get(String unitId, long startSeconds) {
        TreeMap<Long, PlannedShift> shifts = byUnit.get(unitId);
        return Optional.ofNullable(shifts == null ? null : shifts.get(startSeconds));
    }

    void put(PlannedShift p) {
        byUnit.computeIfAbsent(p.getUnitId(), u -> new TreeMap<>()).put(p.getStart().getSeconds(), p);
    }

    void remove(PlannedShift p) {
        TreeMap<Long, PlannedShift> shifts = byUnit.get(p.getUnitId());
        if (shifts != null) {
            shifts.remove(p.getStart().getSeconds());
        }
        begun.remove(key(p));
        ended.remove(key(p));
    }

    void begun(String unitId, long startSeconds) {
        begun.add(key(unitId, startSeconds));
    }

    void ended(String unitId, long startSeconds) {
        ended.add(key(unitId, startSeconds));
    }

    boolean hasBegun(PlannedShift p) {
        return begun.contains(key(p));
    }

    boolean hasEnded(PlannedShift p) {
        return ended.contains(key(p));
    }

    /** Every planned shift, by unit then start. */
    List<PlannedShift> all() {
        List<PlannedShift> out = new ArrayList<>();
        byUnit.values().forEach(s -> out.addAll(s.values()));
        return out;
    }

    /** The unit's shift under way at a time, other than the one starting at exceptStart; or empty. */
    Optional<PlannedShift> under(String unitId, Instant at, long exceptStart) {
        TreeMap<Long, PlannedShift> shifts = byUnit.get(unitId);
        if (shifts == null) {
            return Optional.empty();
        }
        // Shifts last at most a day: only those that began in the day before can be under way.
        return shifts.subMap(at.getEpochSecond() - 86_400L, true, at.getEpochSecond(), true).values().stream()
                .filter(p -> p.getStart().getSeconds() != exceptStart && p.getEnd().getSeconds() > at.getEpochSecond())
                .findFirst();
    }

    /** The unit's shifts that overlap [start, end), other than the one starting at start. */
    List<PlannedShift> overlapping(String unitId, long start, long end) {
        TreeMap<Long, PlannedShift> shifts = byUnit.get(unitId);
        if (shifts == null) {
            return List.of();
        }
        return shifts.subMap(start - 86_400L, true, end, false).values().stream()
                .filter(p -> p.getStart().getSeconds() != start && p.getEnd().getSeconds() > start).toList();
    }

    /** Forgets shifts that ended before a time. */
    void dropEndedBefore(Instant t) {
        for (TreeMap<Long, PlannedShift> shifts : byUnit.values()) {
            shifts.values().removeIf(p -> {
                boolean old = p.getEnd().getSeconds() < t.getEpochSecond();
                if (old) {
                    begun.remove(key(p));
                    ended.remove(key(p));
                }
                return old;
            });
        }
        byUnit.values().removeIf(TreeMap::isEmpty);
    }
}
