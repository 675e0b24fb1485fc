package commandroom.server.api;

import commandroom.server.loop.Hub;
import commandroom.v1.ListTasksRequest;
import commandroom.v1.ListTasksResponse;
import commandroom.v1.Task;
import java.util.HashSet;
import java.util.Set;

/** ListTasks: filters the task projection, oldest first, paged by the last id returned. Stateless. */
final class TaskQuery {

    private TaskQuery() {}

    static ListTasksResponse run(Hub hub, ListTasksRequest r) {
        Violations v = new Violations();
        if (r.getPageSize() < 0 || r.getPageSize() > 1000) {
            v.add("page_size", "must be within 0..1000");
        }
        if (!r.getZoneId().isEmpty()) {
            v.id("zone_id", r.getZoneId());
        }
        if (!r.getUnitId().isEmpty()) {
            v.id("unit_id", r.getUnitId());
        }
        if (!r.getPageToken().isEmpty()) {
            v.id("page_token", r.getPageToken());
        }
        v.knownAll("statuses", r.getStatusesList(), commandroom.v1.TaskStatus.values().length);
        v.throwIfAny();
        int size = r.getPageSize() == 0 ? 100 : r.getPageSize();
        Set<?> statuses = new HashSet<>(r.getStatusesList());
        return hub.read(s -> {
            if (!r.getPageToken().isEmpty() && s.task(r.getPageToken()).isEmpty()) {
                new Violations().add("page_token", "is not from a previous response").throwIfAny();
            }
            ListTasksResponse.Builder b = ListTasksResponse.newBuilder().setAsOfSequence(s.appliedSequence());
            boolean skipping = !r.getPageToken().isEmpty();
            for (Task t : s.tasks()) {
                if (skipping) {
                    skipping = !t.getId().equals(r.getPageToken());
                    continue;
                }
                if (matches(r, statuses, t)) {
                    if (b.getTasksCount() == size) {
                        b.setNextPageToken(b.getTasks(size - 1).getId());
                        break;
                    }
                    b.addTasks(t.toBuilder().clearTimeline());
                }
            }
            return b.build();
        });
    }

    private static boolean matches(ListTasksRequest r, Set<?> statuses, Task t) {
        return (statuses.isEmpty() || statuses.contains(t.getStatus()))
                && (r.getZoneId().isEmpty() || r.getZoneId().equals(t.getZoneId()))
                && (r.getUnitId().isEmpty() || t.getAssigneeUnitIdsList().contains(r.getUnitId()))
                && (!r.getOverdueOnly() || t.getDeadlinesList().stream().anyMatch(d -> d.getOverdue() && !d.hasDoneAt()));
    }
}
