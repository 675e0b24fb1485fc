package commandroom.server.stats;

import commandroom.v1.StepDeadline;
import commandroom.v1.Task;
import commandroom.v1.TaskStep;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How long the loop's steps took for a set of tasks: minutes from dispatch to each step done, the
 * steps whose clock ran out, and arrivals within the 1-3-5 minute circles. Not thread-safe.
 */
final class LoopTimes {

    private final Map<TaskStep, List<Double>> minutes = new EnumMap<>(TaskStep.class);
    private long tasks;
    private long overdue;

    void add(Task t) {
        tasks++;
        long dispatched = t.getDispatchedAt().getSeconds();
        for (StepDeadline d : t.getDeadlinesList()) {
            if (d.getOverdue()) {
                overdue++;
            }
            if (d.hasDoneAt()) {
                minutes.computeIfAbsent(d.getStep(), k -> new ArrayList<>())
                        .add((d.getDoneAt().getSeconds() - dispatched) / 60.0);
            }
        }
    }

    long tasks() {
        return tasks;
    }

    long overdue() {
        return overdue;
    }

    /** The percentile (nearest rank) of minutes to the step, 0 when no task did it. */
    double minutes(TaskStep step, int percentile) {
        List<Double> m = minutes.getOrDefault(step, List.of());
        if (m.isEmpty()) {
            return 0;
        }
        List<Double> sorted = m.stream().sorted().toList();
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** Share of the arrivals that came within the minutes (0 with no arrival). */
    double arrivedWithin(int limit) {
        List<Double> m = minutes.getOrDefault(TaskStep.TASK_STEP_ARRIVE, List.of());
        return m.isEmpty() ? 0 : (double) m.stream().filter(x -> x <= limit).count() / m.size();
    }
}
