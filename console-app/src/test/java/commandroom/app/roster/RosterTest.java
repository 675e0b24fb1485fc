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
 * another) and the community officer off duty (his zone then reads short).
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
