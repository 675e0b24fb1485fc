package commandroom.sim.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.v1.StepDeadline;
import commandroom.v1.Task;
import commandroom.v1.TaskKind;
import commandroom.v1.TaskStep;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WorkTimesTest {
    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");
    private static final Duration MAX = Duration.ofMinutes(10);

    @Test
    void aLateUnitWaitsUntilJustPastTheStepDeadline() {
        Task task = taskDue(TaskStep.TASK_STEP_ARRIVE, NOW.plusSeconds(120));
        Random random = new Random(1);
        for (int i = 0; i < 100; i++) {
            Duration wait = WorkTimes.lateWait(task, TaskStep.TASK_STEP_ARRIVE, TaskStep.TASK_STEP_ARRIVE, NOW, MAX, random);
            assertTrue(wait.getSeconds() >= 120 + WorkTimes.LATE_MIN_SECONDS, wait.toString());
            assertTrue(wait.getSeconds() <= 120 + WorkTimes.LATE_MAX_SECONDS, wait.toString());
        }
    }

    @Test
    void aPunctualUnitOrAnotherStepDoesNotWait() {
        Task task = taskDue(TaskStep.TASK_STEP_ARRIVE, NOW.plusSeconds(120));
        Random random = new Random(1);
        assertEquals(Duration.ZERO, WorkTimes.lateWait(task, TaskStep.TASK_STEP_ARRIVE,
                TaskStep.TASK_STEP_UNSPECIFIED, NOW, MAX, random));
        assertEquals(Duration.ZERO, WorkTimes.lateWait(task, TaskStep.TASK_STEP_SIGN_FOR,
                TaskStep.TASK_STEP_ARRIVE, NOW, MAX, random));
    }

    @Test
    void aDeadlineTooFarAwayIsMetAfterAll() {
        Task task = taskDue(TaskStep.TASK_STEP_FEEDBACK, NOW.plus(Duration.ofHours(24)));
        assertEquals(Duration.ZERO, WorkTimes.lateWait(task, TaskStep.TASK_STEP_FEEDBACK,
                TaskStep.TASK_STEP_FEEDBACK, NOW, MAX, new Random(1)));
    }

    @Test
    void theLateStepIsDrawnWithTheConfiguredProbability() {
        Random random = new Random(3);
        int late = 0;
        for (int i = 0; i < 10_000; i++) {
            if (WorkTimes.pickLateStep(0.1, random) != TaskStep.TASK_STEP_UNSPECIFIED) {
                late++;
            }
        }
        assertEquals(1000, late, 100);
        assertEquals(TaskStep.TASK_STEP_UNSPECIFIED, WorkTimes.pickLateStep(0.0, random));
        assertTrue(WorkTimes.pickLateStep(1.0, random) != TaskStep.TASK_STEP_UNSPECIFIED);
    }

    @Test
    void mediationTakesLongerThanVerificationAndReworkLessThanWork() {
        Random random = new Random(5);
        for (int i = 0; i < 200; i++) {
            double mediate = WorkTimes.workSeconds(TaskKind.TASK_KIND_MEDIATE, false, random);
            double verify = WorkTimes.workSeconds(TaskKind.TASK_KIND_VERIFY, false, random);
            double rework = WorkTimes.workSeconds(TaskKind.TASK_KIND_MEDIATE, true, random);
            assertTrue(mediate >= 600 && mediate <= 1500);
            assertTrue(verify >= 180 && verify <= 480);
            assertTrue(rework <= 500);
        }
    }

    @Test
    void theSpeedFactorCompressesWorkButNeverBelowATenthOfASecond() {
        TerminalSettings settings = new TerminalSettings(20, 0.5, 0.1, MAX);
        assertEquals(30_000, settings.scaledMillis(600));
        assertEquals(100, settings.scaledMillis(0.5));
    }

    private static Task taskDue(TaskStep step, Instant due) {
        return Task.newBuilder().setId("T-1").addDeadlines(StepDeadline.newBuilder().setStep(step)
                .setDue(WorkTimes.toTimestamp(due))).build();
    }
}
