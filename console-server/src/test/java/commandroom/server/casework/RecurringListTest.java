package commandroom.server.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.loop.RecurringLists;
import commandroom.server.testing.Backend;
import commandroom.server.testing.Eventually;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.MutableClock;
import commandroom.server.testing.TestHub;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.StepDeadline;
import commandroom.v1.Task;
import commandroom.v1.TaskKind;
import commandroom.v1.TaskStep;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The weekly list (一标三实) reaches each zone's community officer on Monday with its clock running
 * to the next Monday; the next week brings the next list; a restart hands nothing out twice.
 */
class RecurringListTest {

    private static final ZoneId STATION = ZoneId.of("Asia/Shanghai");

    @Test
    void theWeeklyListIsHandedOutOncePerZoneAndWeek() {
        MutableClock clock = new MutableClock();
        ZonedDateTime monday = ZonedDateTime.now(STATION).with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                .withHour(8).withMinute(0).withSecond(0).withNano(0);
        clock.advance(Duration.between(clock.instant(), monday.toInstant()));
        String week = RecurringLists.period(RecurringLists.Cadence.WEEKLY, monday).name();
        try (TestHub hub = TestHub.start(Backend.H2, c -> c.withClock(clock)
                .withRecurringLists(RecurringLists.defaults()).withTokens(Duration.ofDays(30), Duration.ofDays(30)));
             HubClient duty = hub.login("duty1")) {
            Eventually.until("this week's lists", Duration.ofSeconds(10), () -> weekly(duty, week).size() == 2);
            List<Task> lists = weekly(duty, week);
            assertEquals(List.of("u-cd-co1", "u-cx-co1"), lists.stream().map(t -> t.getAssigneeUnitIds(0)).sorted().toList(),
                    "each zone's community officer");
            for (Task t : lists) {
                assertEquals(TaskKind.TASK_KIND_COLLECT_INFO, t.getKind());
                StepDeadline feedback = t.getDeadlinesList().stream()
                        .filter(d -> d.getStep() == TaskStep.TASK_STEP_FEEDBACK).findFirst().orElseThrow();
                // The clock runs from the dispatch, a few milliseconds after the list was worked out.
                long weekEnds = monday.toLocalDate().plusWeeks(1).atStartOfDay(STATION).toEpochSecond();
                assertTrue(Math.abs(feedback.getDue().getSeconds() - weekEnds) <= 2,
                        "due when the week ends: " + feedback.getDue().getSeconds() + " vs " + weekEnds);
            }
            Eventually.until("today's patrol list for the auxiliary officer", Duration.ofSeconds(10),
                    () -> daily(duty, monday).stream().anyMatch(t -> t.getAssigneeUnitIdsList().equals(List.of("u-cd-aux1"))));

            clock.advance(Duration.ofDays(7));
            String next = RecurringLists.period(RecurringLists.Cadence.WEEKLY, monday.plusWeeks(1)).name();
            Eventually.until("next week's lists", Duration.ofSeconds(10), () -> weekly(duty, next).size() == 2);

            hub.restart();
            try (HubClient again = hub.login("duty1")) {
                // The next day's list shows the clock ticking after the restart; what came before must not come again.
                clock.advance(Duration.ofDays(1));
                Eventually.until("the next day's patrol list", Duration.ofSeconds(10),
                        () -> daily(again, monday.plusDays(8)).size() == 1);
                assertEquals(2, weekly(again, week).size(), "nothing handed out twice after a restart");
                assertEquals(2, weekly(again, next).size());
                assertEquals(1, daily(again, monday).size());
                assertEquals(1, daily(again, monday.plusWeeks(1)).size());
            }
        }
    }

    private static List<Task> daily(HubClient c, ZonedDateTime day) {
        return tasks(c).stream().filter(t -> t.getInstruction().startsWith("日清单·重点巡防 " + day.toLocalDate())).toList();
    }

    private static List<Task> weekly(HubClient c, String week) {
        return tasks(c).stream().filter(t -> t.getInstruction().startsWith("周清单·一标三实 " + week)).toList();
    }

    private static List<Task> tasks(HubClient c) {
        return c.command().getSnapshot(GetSnapshotRequest.getDefaultInstance()).getTasksList();
    }
}
