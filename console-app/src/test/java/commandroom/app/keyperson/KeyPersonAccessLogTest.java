package commandroom.app.keyperson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.model.KeyPersonAccessItem;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.workspace.Workstation;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestHub;
import commandroom.v1.GetKeyPersonRequest;
import commandroom.v1.KeyPerson;
import commandroom.v1.KeyPersonAccess;
import commandroom.v1.KeyPersonCategory;
import commandroom.v1.KeyPersonServiceGrpc;
import commandroom.v1.ListKeyPersonAccessRequest;
import commandroom.v1.ListKeyPersonsRequest;
import commandroom.v1.RegisterKeyPersonRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Opening the register asks why: Cancel keeps it closed (and the hub's log shows no read), a
 * reason opens it and the hub's access log has that reason. A duty officer's attempt to read a
 * person straight through gRPC is refused by the hub and shows in the chief's access log table,
 * tagged 拒绝, with the person named. Leaving the panel closes the register; coming back asks again.
 */
class KeyPersonAccessLogTest extends FxRobot {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void theRegisterOpensOnlyWithAReasonAndTheChiefSeesRefusedAttempts() throws Exception {
        try (TestHub hub = TestHub.start(Backend.H2); HubClient chiefHub = hub.login("chief1");
             HubClient duty = hub.login("duty1"); HubClient officer = hub.login("u-cd-co1")) {
            KeyPerson person = stub(chiefHub).registerKeyPerson(RegisterKeyPersonRequest.newBuilder()
                    .setPerson(KeyPerson.newBuilder().setName("张某某").setCategory(KeyPersonCategory.KEY_PERSON_CATEGORY_DRUG)
                            .setAddress("城东路 55 号 2 单元").setZoneId("z-cd").setPlan("每周当面见人")
                            .setCheckInEvery(com.google.protobuf.Duration.newBuilder().setSeconds(7 * 86_400L))
                            .addAssignedUnitIds("u-cd-co1"))
                    .setIdempotencyKey("kp-access-1").build()).getPerson();
            stub(officer).listKeyPersons(ListKeyPersonsRequest.newBuilder().setReason("走访前查看").build());

            Workstation chief = Consoles.open(hub.port(), hub.certificate(), "chief1", Files.createTempDirectory("layouts"));
            try {
                clickOn("#tab-keypersons");
                awaitReasonDialog();
                assertTrue(lookup("#keyperson-reason-ok").queryAs(Button.class).isDisabled(), "no reason, no OK");
                clickOn("#keyperson-reason").write("查");
                assertTrue(lookup("#keyperson-reason-ok").queryAs(Button.class).isDisabled(), "one character is not a reason");
                clickOn("#keyperson-reason-cancel");
                Waits.until("closed, calmly", WAIT, () -> text("#keypersons-closed").contains("保持关闭"));
                assertTrue(lookup("#keypersons-list").queryAs(ListView.class).getItems().isEmpty());
                assertTrue(lookup("#keyperson-register").query().isDisabled());
                assertFalse(accessLog(chiefHub).stream().anyMatch(a -> a.getActor().getUserId().equals("chief1")),
                        "Cancel reads nothing");

                clickOn("#keypersons-open");
                awaitReasonDialog();
                clickOn("#keyperson-reason-choice-1");
                assertEquals("研判", lookup("#keyperson-reason").queryAs(TextField.class).getText(), "a quick choice fills it");
                clickOn("#keyperson-reason").write("：城东片区");
                clickOn("#keyperson-reason-ok");
                Waits.until("the register open", WAIT, () -> !lookup("#keyperson-register").query().isDisabled());
                assertEquals(1, lookup("#keypersons-list").queryAs(ListView.class).getItems().size());
                assertTrue(text("#keypersons-closed").isEmpty());
                KeyPersonAccess read = accessLog(chiefHub).get(0);
                assertEquals("chief1", read.getActor().getUserId());
                assertEquals("list", read.getHow());
                assertEquals("研判：城东片区", read.getReason(), "the reason went with the read");
                assertFalse(read.getRefused());

                // A duty officer tries to read the person straight through gRPC: refused, and logged.
                StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> stub(duty).getKeyPerson(
                        GetKeyPersonRequest.newBuilder().setPersonId(person.getId()).setReason("好奇看看").build()));
                assertEquals(Status.Code.PERMISSION_DENIED, refused.getStatus().getCode());
                KeyPersonAccess attempt = accessLog(chiefHub).get(0);
                assertTrue(attempt.getRefused() && attempt.getActor().getUserId().equals("duty1"), attempt.toString());

                clickOn("#keypersons-show-access");
                Waits.until("the attempt in the chief's table", WAIT, () -> rows().stream().anyMatch(KeyPersonAccessItem::refused));
                TableView<KeyPersonAccessItem> table = lookup("#keyperson-access-table").queryAs(TableView.class);
                KeyPersonAccessItem top = table.getItems().get(0);
                assertTrue(top.refused() && top.userId().equals("duty1"), "newest first: " + top);
                assertEquals(attempt.getActor().getDisplayName() + "（值班民警）", table.getColumns().get(1).getCellData(0));
                assertEquals("查看", table.getColumns().get(2).getCellData(0));
                assertEquals("张某某", table.getColumns().get(4).getCellData(0), "named, since the chief can see the person");
                assertEquals("好奇看看", table.getColumns().get(5).getCellData(0));
                assertEquals(List.of("拒绝"), lookup(".access-refused").queryAllAs(Label.class).stream()
                        .filter(Label::isVisible).map(Label::getText).distinct().toList(), "tagged 拒绝");
                assertTrue(rows().stream().anyMatch(e -> !e.refused() && e.reason().equals("研判：城东片区")));
                assertTrue(rows().stream().anyMatch(e -> !e.refused() && e.reason().equals("走访前查看")
                        && e.userId().equals("u-cd-co1")));
                int unitRow = rows().indexOf(rows().stream().filter(e -> e.userId().equals("u-cd-co1")).findFirst().orElseThrow());
                assertEquals("城东社区民警 李明（一线单元）", table.getColumns().get(1).getCellData(unitRow), "a terminal by its unit's name");

                // Refresh picks up what happened since.
                assertThrows(StatusRuntimeException.class, () -> stub(duty).listKeyPersons(
                        ListKeyPersonsRequest.newBuilder().setReason("交接班核对").build()));
                clickOn("#keyperson-access-refresh");
                Waits.until("refreshed", WAIT, () -> rows().get(0).how().equals("list") && rows().get(0).refused());
                Screenshots.save(this, chief.stages().get(0).getScene().getRoot(), "keypersons-access");

                // Turning to the access log and back keeps the register open: no question, the person still there.
                clickOn("#keypersons-show-register");
                sleep(300);
                assertTrue(lookup("#keyperson-reason").tryQuery().isEmpty(), "not asked again while open");
                assertEquals(1, lookup("#keypersons-list").queryAs(ListView.class).getItems().size());

                // Leaving the panel closes the register; coming back to it asks again.
                clickOn("#tab-board");
                clickOn("#tab-keypersons");
                awaitReasonDialog();
                assertTrue(lookup("#keypersons-list").queryAs(ListView.class).getItems().isEmpty(), "nothing kept on screen");
                clickOn("#keyperson-reason-cancel");
                Waits.until("closed again", WAIT, () -> text("#keypersons-closed").contains("保持关闭"));
            } finally {
                Consoles.close(chief);
            }
        }
    }

    private void awaitReasonDialog() {
        Waits.until("asked why", WAIT, () -> lookup("#keyperson-reason").tryQuery().map(n -> n.getScene().getWindow().isShowing())
                .orElse(false));
    }

    @SuppressWarnings("unchecked")
    private List<KeyPersonAccessItem> rows() {
        return lookup("#keyperson-access-table").tryQueryAs(TableView.class).map(t -> List.copyOf(t.getItems()))
                .orElse(List.of());
    }

    private static List<KeyPersonAccess> accessLog(HubClient chief) {
        return stub(chief).listKeyPersonAccess(ListKeyPersonAccessRequest.getDefaultInstance()).getEntriesList();
    }

    private static KeyPersonServiceGrpc.KeyPersonServiceBlockingStub stub(HubClient c) {
        return KeyPersonServiceGrpc.newBlockingStub(c.channel())
                .withCallCredentials(HubClient.bearer(c.login().getAccessToken()))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private String text(String id) {
        return lookup(id).tryQueryAs(Label.class).map(Label::getText).orElse("");
    }
}
