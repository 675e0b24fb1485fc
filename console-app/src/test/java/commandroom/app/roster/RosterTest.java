package commandroom.app.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.board.dispatch.DispatchDialogViewModel;
import commandroom.app.model.IncidentItem;
import commandroom.app.model.UnitItem;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.workspace.Workstation;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestHub;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.UnitStatus;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The shift leader keeps the duty roster: the window shows each zone against its staffing rule,
 * puts the patrol car out of service (it is no longer offered for dispatch, on this console or
 * another) and the community officer off duty (his zone then reads short); then imports
 * tomorrow's shift plan from the station's spreadsheet, refused first for a unit it does not have.
 */
class RosterTest extends FxRobot {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void theLeaderPutsUnitsOffDutyAndTheZonesReadShort() throws Exception {
        try (TestHub hub = TestHub.start(Backend.H2); HubClient duty = hub.login("duty1")) {
            Workstation w = Consoles.open(hub.port(), hub.certificate(), "leader1");
            try {
                interact(() -> {
                    w.stages().get(0).setWidth(1600);
                    w.stages().get(0).setHeight(900);
                });
                Waits.until("live", Duration.ofSeconds(20), () -> w.state().connectionProperty().get().isLive());
                clickOn("#action-roster");
                Waits.until("the roster", WAIT, () -> lookup("#roster-table").tryQuery().isPresent());
                assertTrue(strength().get(0).short_(), "the short zones first: " + strength());
                assertEquals("z-cx", strength().get(0).zoneId(), "城西 has no auxiliary officer");

                select("u-car1");
                clickOn("#roster-reason").write("车辆送修");
                clickOn("#roster-OUT_OF_SERVICE");
                Waits.until("out of service", WAIT, () -> "OUT_OF_SERVICE".equals(w.state().units().get("u-car1").status()));
                assertEquals(UnitStatus.UNIT_STATUS_OUT_OF_SERVICE, duty.command().getSnapshot(GetSnapshotRequest
                        .getDefaultInstance()).getUnitsList().stream().filter(u -> u.getId().equals("u-car1"))
                        .findFirst().orElseThrow().getStatus(), "every console has it");
                IncidentItem somewhere = new IncidentItem("I-x", "CALL_110", "HIGH", 30.545, 119.955, "城西路", "z-cx",
                        "求助", "NEW", java.time.Instant.now(), 1);
                assertTrue(DispatchDialogViewModel.rank(somewhere, w.state().units().values(), null).stream()
                        .noneMatch(c -> c.unit().id().equals("u-car1")), "no longer offered for dispatch");

                select("u-cd-co1");
                clickOn("#roster-OFF_DUTY");
                Waits.until("城东 short of its community officer", WAIT, () -> strength().stream().anyMatch(s ->
                        s.zoneId().equals("z-cd") && s.kind().equals("COMMUNITY_OFFICER") && s.short_()));
                Screenshots.save(this, lookup("#roster-dialog").query(), "roster");

                // Tomorrow's plan from the station's spreadsheet (GBK CSV): a unit the station does
                // not have blocks it with its line; corrected, it is applied and the roster shows
                // each unit's next shift.
                java.time.LocalDate tomorrow = java.time.LocalDate.now().plusDays(1);
                java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("plan");
                java.nio.file.Path bad = dir.resolve("排班表-错.csv");
                java.nio.file.Path good = dir.resolve("排班表.csv");
                String header = "日期,班次,开始,结束,单位\r\n";
                String rows = tomorrow + ",白班,08:00,18:00,城东辅警 王强\r\n" + tomorrow + ",夜班,18:00,08:00,巡逻车 1\r\n";
                java.nio.file.Files.write(bad, (header + rows + tomorrow + ",白班,08:00,18:00,城北辅警 刘\r\n")
                        .getBytes(commandroom.imports.TextDecoding.GB18030));
                java.nio.file.Files.write(good, (header + rows).getBytes(commandroom.imports.TextDecoding.GB18030));
                clickOn("#roster-import");
                Waits.until("the import dialog", WAIT, () -> lookup("#registry-import-path").tryQuery().isPresent());
                clickOn("#registry-import-path").write(bad.toString());
                clickOn("#registry-import-read");
                Waits.until("the unknown unit named with its line", WAIT, () -> lookup("#registry-import-problems")
                        .queryAs(ListView.class).getItems().size() == 1);
                assertTrue(lookup("#registry-import-apply").query().isDisabled(), "nothing applied while a problem remains");
                interact(() -> lookup("#registry-import-path").queryAs(javafx.scene.control.TextField.class)
                        .setText(good.toString()));
                clickOn("#registry-import-read");
                Waits.until("previewed clean", WAIT, () -> !lookup("#registry-import-apply").query().isDisabled());
                clickOn("#registry-import-apply");
                Waits.until("the plan in every console", WAIT, () -> w.state().shifts().size() == 2);
                Waits.until("the roster shows the next shift", WAIT, () -> lookup(".table-cell").queryAll().stream()
                        .anyMatch(n -> n instanceof javafx.scene.control.Labeled l && l.getText() != null
                                && l.getText().startsWith("下一班")));
                assertEquals(2, duty.command().getSnapshot(GetSnapshotRequest.getDefaultInstance()).getPlannedShiftsCount());
                Screenshots.save(this, lookup("#registry-import").query(), "roster-plan-import");
                clickOn(lookup(".button").match(n -> n instanceof javafx.scene.control.Button b
                        && "关闭".equals(b.getText()) && b.getScene() == lookup("#registry-import").query().getScene())
                        .<javafx.scene.Node>query());
                Screenshots.save(this, lookup("#roster-dialog").query(), "roster-plan");
            } finally {
                Consoles.close(w);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<RosterViewModel.Strength> strength() {
        return List.copyOf(lookup("#roster-strength").queryAs(ListView.class).getItems());
    }

    @SuppressWarnings("unchecked")
    private void select(String id) {
        interact(() -> {
            TableView<UnitItem> t = lookup("#roster-table").queryAs(TableView.class);
            t.getItems().stream().filter(u -> u.id().equals(id)).findFirst().ifPresent(u -> t.getSelectionModel().select(u));
        });
    }
}
