package commandroom.app.casework;

import commandroom.app.model.DisputeItem;
import commandroom.app.ui.FactSheet;
import commandroom.app.ui.Messages;
import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The file in hand: what, where, who, how it is graded and routed, every mediation session, the
 * agreement, the follow-up visits and what they found, the calls filed in it (repeats marked).
 * Record a mediation and settle for the roles that mediate, while the file is open. Ids:
 * dispute-detail, case-title, case-status, case-sessions, case-agreement, case-visits, case-calls,
 * case-mediate, case-settle. Style classes: dispute-detail, casework-body, case-fact, visit-STABLE,
 * visit-RELAPSED, visit-PENDING, visit-CANCELLED. FX thread only.
 */
final class DisputeDetail extends ScrollPane {

    private final VBox body = new VBox(14);
    private final DisputesViewModel model;
    private final String me;

    DisputeDetail(DisputesViewModel model, String me) {
        this.model = model;
        this.me = me;
        setId("dispute-detail");
        getStyleClass().add("dispute-detail");
        setFitToWidth(true);
        body.getStyleClass().add("casework-body");
        setContent(body);
        model.selectedProperty().addListener((o, a, c) -> show(c));
        show(null);
    }

    private void show(DisputeItem c) {
        if (c == null) {
            body.getChildren().setAll(new Label(Messages.get("disputes.pick")));
            return;
        }
        Label title = label("case-title", Messages.get("disputes.title", c.id(), c.address()));
        title.getStyleClass().add("section-title");
        String reopened = c.reopenedCount() == 0 ? "" : Messages.get("case.reopened", c.reopenedCount());
        Label status = label("case-status", Messages.get("case.status." + c.status()) + reopened);
        status.getStyleClass().add("case-status-" + c.status());
        GridPane facts = FactSheet.grid();
        FactSheet.row(facts, 0, "case.category", Messages.get("dispute.category." + c.category()));
        FactSheet.row(facts, 1, "case.grade", Messages.get("dispute.grade." + c.grade()));
        FactSheet.row(facts, 2, "case.route", Messages.get("dispute.route." + c.route()));
        FactSheet.row(facts, 3, "case.parties", c.parties().stream()
                .map(p -> p.phone().isEmpty() ? p.name() : p.name() + " " + p.phone()).collect(Collectors.joining("；")));
        FactSheet.row(facts, 4, "case.opened", DisputesView.DAY.format(c.openedAt()));
        VBox sessions = list("case-sessions", c.sessions().stream().map(s -> Messages.get("case.session", s.number(),
                Messages.get("mediation." + s.outcome()), s.mediator(), DisputesView.DAY.format(s.recordedAt()),
                s.note())).toList(), "case.noSessions");
        Label agreement = label("case-agreement", c.agreement().isEmpty() ? Messages.get("case.noAgreement") : c.agreement());
        agreement.setWrapText(true);
        VBox visits = new VBox(6);
        visits.setId("case-visits");
        for (DisputeItem.Visit v : c.visits()) {
            Label line = new Label(Messages.get("case.visit", Messages.get("visit.mode." + v.mode()),
                    DisputesView.DAY.format(v.due()), Messages.get("visit.result." + v.result()),
                    v.taskId().isEmpty() ? "" : v.taskId()));
            line.getStyleClass().add("visit-" + v.result());
            visits.getChildren().add(line);
        }
        if (c.visits().isEmpty()) {
            visits.getChildren().add(new Label(Messages.get("case.noVisits")));
        }
        VBox calls = list("case-calls", c.incidentIds().stream().map(id -> c.repeatIncidentIds().contains(id)
                ? Messages.get("case.repeatCall", id) : id).toList(), "case.noSessions");
        body.getChildren().setAll(title, status, facts, FactSheet.section("case.sessions"), sessions,
                FactSheet.section("case.agreementTitle"), agreement, FactSheet.section("case.visits"), visits,
                FactSheet.section("case.calls"), calls);
        if (model.mayMediate() && c.isOpen()) {
            Button mediate = new Button(Messages.get("case.mediate"));
            mediate.setId("case-mediate");
            mediate.setOnAction(e -> CaseForms.mediate(model, c, me, getScene().getWindow()));
            Button settle = new Button(Messages.get("case.settle"));
            settle.setId("case-settle");
            settle.setDisable(!c.maySettle());
            settle.setOnAction(e -> CaseForms.settle(model, c, getScene().getWindow()));
            body.getChildren().add(1, new HBox(12, mediate, settle));
        }
    }

    private static VBox list(String id, java.util.List<String> lines, String emptyKey) {
        VBox box = new VBox(6);
        box.setId(id);
        lines.forEach(l -> {
            Label label = new Label(l);
            label.setWrapText(true);
            box.getChildren().add(label);
        });
        if (lines.isEmpty()) {
            box.getChildren().add(new Label(Messages.get(emptyKey)));
        }
        return box;
    }

    private static Label label(String id, String text) {
        Label l = new Label(text);
        l.setId(id);
        return l;
    }
}
