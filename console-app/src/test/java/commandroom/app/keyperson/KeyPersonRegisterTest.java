package commandroom.app.keyperson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.connection.ConsoleState;
import commandroom.app.connection.HubSession;
import commandroom.app.connection.KeyPersonClient;
import commandroom.app.embedded.EmbeddedDefault;
import commandroom.app.testing.Choices;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.ui.Theme;
import commandroom.app.workspace.Workstation;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestHub;
import commandroom.v1.KeyPerson;
import commandroom.v1.KeyPersonCategory;
import commandroom.v1.KeyPersonServiceGrpc;
import commandroom.v1.ListKeyPersonsRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The key persons register as the chief keeps it: opened with a reason, registered through the
 * console's form with a plan, a cadence and the zone's community officer assigned; read back from
 * the hub. A shift
 * leader's console offers no register, and the register's panel opened with a leader's session
 * shows the hub's refusal and no one.
 */
class KeyPersonRegisterTest extends FxRobot {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void theChiefRegistersAPersonAndAnOfficerNotAssignedIsRefused() throws Exception {
        try (TestHub hub = TestHub.start(Backend.H2); HubClient officer = hub.login("u-cd-co1")) {
            Workstation chief = Consoles.open(hub.port(), hub.certificate(), "chief1", Files.createTempDirectory("layouts"));
            try {
                clickOn("#tab-keypersons");
                Waits.until("asked why", WAIT, () -> lookup("#keyperson-reason").tryQuery().isPresent());
                clickOn("#keyperson-reason").write("登记新列管人员");
                clickOn("#keyperson-reason-ok");
                Waits.until("the register read", WAIT, () -> !lookup("#keyperson-register").query().isDisabled());
                clickOn("#keyperson-register");
                clickOn("#keyperson-name").write("张某某");
                Choices.pick(this, "#keyperson-category", "吸毒人员");
                clickOn("#keyperson-address").write("城东路 55 号 2 单元");
                Choices.pick(this, "#keyperson-zone", "城东警务区");
                clickOn("#keyperson-plan-text").write("每周当面见人，每月尿检一次，联系家属掌握动态");
                Waits.until("the zone's officers offered", WAIT, () -> lookup("#keyperson-units .list-cell")
                        .match(n -> n instanceof javafx.scene.control.ListCell<?> c && "城东社区民警 李明".equals(c.getText()))
                        .tryQuery().isPresent());
                clickOn(lookup("#keyperson-units .list-cell").match(n -> n instanceof javafx.scene.control.ListCell<?> c
                        && "城东社区民警 李明".equals(c.getText())).<javafx.scene.Node>query());
                clickOn("#keyperson-form-ok");
                Waits.until("registered and shown", WAIT, () -> text("#keyperson-plan").contains("每月尿检一次"));
                assertEquals(1, lookup("#keypersons-list").queryAs(ListView.class).getItems().size());
                Screenshots.save(this, chief.stages().get(0).getScene().getRoot(), "keypersons");

                // The assigned officer's terminal reads the same entry from the hub.
                List<KeyPerson> assigned = KeyPersonServiceGrpc.newBlockingStub(officer.channel())
                        .withCallCredentials(HubClient.bearer(officer.login().getAccessToken()))
                        .withDeadlineAfter(10, TimeUnit.SECONDS)
                        .listKeyPersons(ListKeyPersonsRequest.newBuilder().setReason("走访前查看").build()).getPersonsList();
                assertEquals(1, assigned.size());
                assertEquals("张某某", assigned.get(0).getName());
                assertEquals(KeyPersonCategory.KEY_PERSON_CATEGORY_DRUG, assigned.get(0).getCategory());
                assertEquals(7 * 86_400L, assigned.get(0).getCheckInEvery().getSeconds());
                assertEquals(List.of("u-cd-co1"), assigned.get(0).getAssignedUnitIdsList());
            } finally {
                Consoles.close(chief);
            }

            Workstation leader = Consoles.open(hub.port(), hub.certificate(), "leader1", Files.createTempDirectory("layouts"));
            try {
                assertTrue(from(leader.stages().get(0).getScene().getRoot()).lookup("#tab-keypersons").tryQuery().isEmpty(),
                        "a shift leader's console offers no register");
            } finally {
                Consoles.close(leader);
            }

            // The register's panel with a leader's session: the hub refuses, the panel says so and shows no one.
            ExecutorService background = Executors.newSingleThreadExecutor();
            try (HubSession session = HubSession.open("127.0.0.1", hub.port(), hub.certificate(), "leader1",
                    EmbeddedDefault.demoPassword())) {
                Stage[] stage = new Stage[1];
                FxToolkit.setupFixture(() -> {
                    stage[0] = new Stage();
                    stage[0].setScene(Theme.style(new Scene(new KeyPersonsView(new KeyPersonsViewModel(
                            new KeyPersonClient(session, background), new ConsoleState())), 1400, 800)));
                    stage[0].show();
                });
                Waits.until("asked why", WAIT, () -> lookup("#keyperson-reason").tryQuery().isPresent());
                clickOn("#keyperson-reason-choice-1");
                clickOn("#keyperson-reason-ok");
                Waits.until("refused", WAIT, () -> text("#keypersons-problem").startsWith("无权执行"));
                assertTrue(lookup("#keypersons-list").queryAs(ListView.class).getItems().isEmpty());
                assertTrue(lookup("#keyperson-register").query().isDisabled());
                FxToolkit.setupFixture(() -> stage[0].close());
            } finally {
                background.shutdownNow();
            }
        }
    }

    private String text(String id) {
        return lookup(id).tryQueryAs(Label.class).map(Label::getText).orElse("");
    }
}
