package commandroom.app.board;

import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.testing.Consoles;
import commandroom.app.testing.Waits;
import commandroom.app.workspace.Workstation;
import commandroom.server.loop.RecurringLists;
import commandroom.server.testing.Backend;
import commandroom.server.testing.MutableClock;
import commandroom.server.testing.TestHub;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * On a Monday morning with the recurring lists on, the shift leader's board shows this week's
 * address and population list (一标三实) for each zone's community officer and today's patrol
 * list for the auxiliary officer, each a card with its clock running, without anyone dispatching.
 */
class RecurringListBoardTest extends FxRobot {

    @Test
    void theWeeklyAndDailyListsAppearOnTheBoardByThemselves() throws Exception {
        MutableClock clock = new MutableClock();
        ZonedDateTime monday = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                .withHour(8).withMinute(0).withSecond(0).withNano(0);
        clock.advance(Duration.between(clock.instant(), monday.toInstant()));
        try (TestHub hub = TestHub.start(Backend.H2, c -> c.withClock(clock)
                .withRecurringLists(RecurringLists.defaults()).withTokens(Duration.ofDays(30), Duration.ofDays(30)))) {
            Workstation w = Consoles.open(hub.port(), hub.certificate(), "leader1", Files.createTempDirectory("layouts"));
            try {
                clickOn("#tab-board");
                List<String> wanted = List.of("信息采集 · 城东社区民警 李明", "信息采集 · 城西社区民警 张华", "巡逻 · 城东辅警 王强");
                Waits.until("the lists on the board", Duration.ofSeconds(15), () -> cards().containsAll(wanted));
                assertTrue(lookup(".task-card .clock").queryAll().stream().anyMatch(n -> !((Label) n).getText().isEmpty()),
                        "their clocks run");
            } finally {
                Consoles.close(w);
            }
        }
    }

    private List<String> cards() {
        return lookup(".task-card .card-line").queryAll().stream().filter(Node::isVisible)
                .map(n -> ((Label) n).getText()).toList();
    }
}
