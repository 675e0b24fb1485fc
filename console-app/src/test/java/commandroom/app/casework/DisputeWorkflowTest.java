package commandroom.app.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.testing.Choices;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.workspace.Workstation;
import commandroom.server.testing.Backend;
import commandroom.server.testing.FollowUps;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.MutableClock;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.CaseStatus;
import commandroom.v1.DisputeCase;
import commandroom.v1.Incident;
import commandroom.v1.IncidentType;
import commandroom.v1.ListCasesRequest;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.Reporter;
import commandroom.v1.ResultCode;
import commandroom.v1.Task;
import commandroom.v1.TaskKind;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A dispute as the shift leader works it in the console: the call is filed (一事一档) from the
 * dispute files panel with its parties, grade and route; a mediation that fails and one that
 * agrees are recorded; the agreement is saved and the hub schedules three visits. The community
 * officer makes the visits from the terminal and the chief approves each (over gRPC, as they do);
 * the panel shows the file closed with every visit stable. A second file whose first visit finds
 * a relapse shows reopened.
 */
class DisputeWorkflowTest extends FxRobot {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void theLeaderFilesMediatesAndSettlesADisputeAndSeesItClosedAfterItsVisits() throws Exception {
        MutableClock clock = new MutableClock();
        try (TestHub hub = TestHub.start(Backend.H2, c -> c.withClock(clock).withTokens(Duration.ofDays(400), Duration.ofDays(400)));
             HubClient duty = hub.login("duty1"); HubClient chief = hub.login("chief1");
             HubClient officer = hub.login("u-cd-co1")) {
            report(duty, "城东路 12 号", "噪音扰民，双方争吵");
            Workstation w = Consoles.open(hub.port(), hub.certificate(), "leader1", Files.createTempDirectory("layouts"));
            try {
                clickOn("#tab-disputes");
                Waits.until("the call waits to be filed", WAIT, () -> lookup("#disputes-unfiled .list-cell").queryAll()
                        .stream().anyMatch(n -> text(n).contains("城东路 12 号")));
                Node call = lookup("#disputes-unfiled .list-cell").nth(0).query();
                clickOn(call);
                clickOn("#case-file-new");
                clickOn("#case-party-name-1").write("王建国");
                clickOn("#case-party-phone-1").write("13800000001");
                clickOn("#case-party-name-2").write("李红");
                clickOn("#case-party-phone-2").write("13900000002");
                Choices.pick(this, "#case-category", "邻里纠纷");
                Choices.pick(this, "#case-grade", "B 级：较重，当面回访");
                Choices.pick(this, "#case-route", "支援调解（社区民警）");
                clickOn("#case-form-ok");
                Waits.until("the file shown", WAIT, () -> label("#case-status").equals("调解中"));
                Waits.until("a filed call waits no more", WAIT, () -> lookup("#disputes-unfiled .list-cell").queryAll()
                        .stream().noneMatch(n -> text(n).contains("城东路 12 号")));
                assertTrue(lookup("#case-settle").query().isDisabled(), "nothing agreed yet");

                mediate(false, "双方各执一词");
                Waits.until("the failed session", WAIT, () -> lines("#case-sessions").get(0).contains("第 1 次调解：未达成一致"));
                mediate(true, "同意晚 10 点后停止装修，赔偿 500 元");
                Waits.until("the agreed session", WAIT, () -> lines("#case-sessions").size() == 2
                        && !lookup("#case-settle").query().isDisabled());
                clickOn("#case-settle");
                clickOn("#settle-agreement").write("晚 10 点后停止装修；赔偿李红 500 元");
                clickOn("#case-form-ok");
                Waits.until("settled with three visits", WAIT, () -> label("#case-status").equals("已达成协议，回访中")
                        && lines("#case-visits").size() == 3);
                assertTrue(lines("#case-visits").stream().allMatch(l -> l.startsWith("当面回访") && l.contains("待回访")),
                        String.valueOf(lines("#case-visits")));

                DisputeCase kept = duty.cases().listCases(ListCasesRequest.getDefaultInstance()).getCases(0);
                assertEquals(List.of("王建国", "李红"), kept.getPartiesList().stream().map(p -> p.getName()).toList());
                assertEquals(CaseStatus.CASE_STATUS_SETTLED, kept.getStatus());
                assertEquals(2, kept.getSessionsCount());
                assertEquals("晚 10 点后停止装修；赔偿李红 500 元", kept.getAgreement());

                long day = 0;
                for (int k = 0; k < 3; k++) {
                    long due = List.of(3L, 7L, 30L).get(k);
                    clock.advance(Duration.ofDays(due - day).plusMinutes(1));
                    day = due;
                    FollowUps.carryOut(officer, chief, visitTask(duty, kept.getId(), k), ResultCode.RESULT_CODE_RESOLVED);
                }
                Waits.until("closed after three stable visits", WAIT, () -> label("#case-status").equals("已结案")
                        && lines("#case-visits").stream().allMatch(l -> l.contains("稳定")));
                Screenshots.save(this, w.stages().get(0).getScene().getRoot(), "disputes");

                // A second dispute: filed, agreed, and its first visit finds it flared up again.
                Incident second = report(duty, "城东路 40 号", "宅基地边界争执");
                String secondId = fileOverGrpc(duty, chief, second);
                clock.advance(Duration.ofDays(7).plusMinutes(1));
                FollowUps.carryOut(officer, chief, visitTask(duty, secondId, 0), ResultCode.RESULT_CODE_UNRESOLVED);
                Waits.until("the second file listed", WAIT, () -> lookup("#disputes-cases .list-cell").queryAll().stream()
                        .anyMatch(n -> text(n).startsWith(secondId)));
                Node secondRow = lookup("#disputes-cases .list-cell").queryAll().stream()
                        .filter(n -> text(n).startsWith(secondId)).findFirst().orElseThrow();
                clickOn(secondRow);
                Waits.until("reopened", WAIT, () -> label("#case-status").equals("调解中（复发重开 1 次）"));
                assertTrue(lines("#case-visits").get(0).contains("复发"), String.valueOf(lines("#case-visits")));
                assertTrue(lines("#case-visits").get(1).contains("已取消"), String.valueOf(lines("#case-visits")));
                assertTrue(lookup("#case-mediate").tryQuery().isPresent(), "mediation goes on");
            } finally {
                Consoles.close(w);
            }
        }
    }

    private void mediate(boolean agreed, String note) {
        clickOn("#case-mediate");
        clickOn(agreed ? "#mediation-agreed" : "#mediation-not-agreed");
        clickOn("#mediation-note").write(note);
        clickOn("#case-form-ok");
    }

    private static Incident report(HubClient duty, String address, String summary) {
        return duty.command().reportIncident(ReportIncidentRequest.newBuilder()
                .setType(IncidentType.INCIDENT_TYPE_DISPUTE).setPriority(Priority.PRIORITY_NORMAL)
                .setPosition(TestCounty.pos(30.5452, 119.9655)).setAddress(address)
                .setReporter(Reporter.newBuilder().setName("报警人").setPhone("13700000000"))
                .setSummary(summary).setIdempotencyKey(UUID.randomUUID().toString()).build()).getIncident();
    }

    /** Files, mediates and settles a grade-D dispute over gRPC (two visits by telephone). */
    private static String fileOverGrpc(HubClient duty, HubClient chief, Incident incident) {
        String id = duty.cases().openCase(commandroom.v1.OpenCaseRequest.newBuilder().setIncidentId(incident.getId())
                .addParties(commandroom.v1.Party.newBuilder().setName("赵田").setPhone("13600000006"))
                .setCategory(commandroom.v1.DisputeCategory.DISPUTE_CATEGORY_LAND)
                .setRiskGrade(commandroom.v1.RiskGrade.RISK_GRADE_D)
                .setRoute(commandroom.v1.MediationRoute.MEDIATION_ROUTE_ON_SITE)
                .setIdempotencyKey(UUID.randomUUID().toString()).build()).getDisputeCase().getId();
        chief.cases().recordMediation(commandroom.v1.RecordMediationRequest.newBuilder().setCaseId(id)
                .setOutcome(commandroom.v1.MediationOutcome.MEDIATION_OUTCOME_AGREED).setMediator("所长")
                .setIdempotencyKey(UUID.randomUUID().toString()).build());
        chief.cases().settleCase(commandroom.v1.SettleCaseRequest.newBuilder().setCaseId(id).setAgreement("按原界桩")
                .setIdempotencyKey(UUID.randomUUID().toString()).build());
        return id;
    }

    /** Waits for the k-th visit's task, which the hub's follow-up clock hands out when due. */
    private static Task visitTask(HubClient console, String caseId, int k) {
        Task t = FollowUps.visitTask(console, caseId, k);
        assertEquals(TaskKind.TASK_KIND_FOLLOW_UP, t.getKind());
        return t;
    }

    private String label(String id) {
        return lookup(id).tryQueryAs(Label.class).map(Label::getText).orElse("");
    }

    private List<String> lines(String id) {
        return lookup(id).tryQueryAs(VBox.class).map(b -> b.getChildren().stream().map(DisputeWorkflowTest::text).toList())
                .orElse(List.of());
    }

    private static String text(Node n) {
        return n instanceof javafx.scene.control.Labeled l && l.getText() != null ? l.getText() : "";
    }
}
