package commandroom.app.casework;

import commandroom.app.model.DisputeItem;
import commandroom.app.model.IncidentItem;
import commandroom.app.ui.Dialogs;
import commandroom.app.ui.Labels;
import commandroom.app.ui.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/**
 * The three forms of a dispute file: file a reported dispute (parties, category, risk grade,
 * route), record a mediation session, record the agreement. Each stays open with the hub's reason
 * when refused. Ids: case-form, case-party-name-N, case-party-phone-N (N = 1, 2), case-category,
 * case-grade, case-route, mediation-agreed, mediation-not-agreed, mediation-mediator, mediation-note,
 * settle-agreement, case-form-ok. FX thread only.
 */
final class CaseForms {

    static final List<String> CATEGORIES = List.of("NEIGHBOUR", "FAMILY", "LAND", "LABOUR", "DEBT", "TRAFFIC",
            "CONSUMER", "OTHER");
    static final List<String> GRADES = List.of("A", "B", "C", "D");
    static final List<String> ROUTES = List.of("ON_SITE", "SUPPORT", "KEY", "PEOPLES_COMMITTEE", "LAWYER");

    private CaseForms() {}

    /** Files the dispute: up to two parties here (the hub takes ten; more come with the next call). */
    static void file(DisputesViewModel model, IncidentItem incident, Window owner) {
        GridPane grid = grid();
        List<TextField> names = new ArrayList<>();
        List<TextField> phones = new ArrayList<>();
        for (int n = 1; n <= 2; n++) {
            TextField name = field("case-party-name-" + n, Messages.get("case.partyName", n));
            TextField phone = field("case-party-phone-" + n, Messages.get("case.partyPhone", n));
            names.add(name);
            phones.add(phone);
            grid.addRow(n - 1, new Label(Messages.get("case.party", n)), new HBox(10, name, phone));
        }
        ComboBox<String> category = choice("case-category", "dispute.category", CATEGORIES);
        ComboBox<String> grade = choice("case-grade", "dispute.grade", GRADES);
        ComboBox<String> route = choice("case-route", "dispute.route", ROUTES);
        grid.addRow(2, new Label(Messages.get("case.category")), category);
        grid.addRow(3, new Label(Messages.get("case.grade")), grade);
        grid.addRow(4, new Label(Messages.get("case.route")), route);
        BooleanBinding complete = names.get(0).textProperty().isEmpty().or(category.valueProperty().isNull())
                .or(grade.valueProperty().isNull()).or(route.valueProperty().isNull()).not();
        show(Messages.get("case.fileTitle", incident.address()), grid, complete, () -> {
            List<DisputeItem.Party> parties = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (!names.get(i).getText().isBlank()) {
                    parties.add(new DisputeItem.Party(names.get(i).getText().trim(), phones.get(i).getText().trim()));
                }
            }
            return model.file(incident, parties, category.getValue(), grade.getValue(), route.getValue());
        }, owner);
    }

    /** Records one session: agreed or not, who mediated, what was said. */
    static void mediate(DisputesViewModel model, DisputeItem c, String me, Window owner) {
        GridPane grid = grid();
        ToggleGroup outcome = new ToggleGroup();
        ToggleButton agreed = toggle("mediation-agreed", Messages.get("mediation.AGREED"), outcome);
        ToggleButton notAgreed = toggle("mediation-not-agreed", Messages.get("mediation.NOT_AGREED"), outcome);
        TextField mediator = field("mediation-mediator", "");
        mediator.setText(me);
        TextArea note = area("mediation-note");
        grid.addRow(0, new Label(Messages.get("mediation.outcome")), new HBox(10, agreed, notAgreed));
        grid.addRow(1, new Label(Messages.get("mediation.mediator")), mediator);
        grid.addRow(2, new Label(Messages.get("mediation.note")), note);
        BooleanBinding complete = outcome.selectedToggleProperty().isNotNull()
                .and(mediator.textProperty().isNotEmpty());
        show(Messages.get("mediation.title", c.id(), c.sessions().size() + 1), grid, complete,
                () -> model.mediate(c, agreed.isSelected(), mediator.getText().trim(), note.getText().trim()), owner);
    }

    /** Records the agreement the last session reached. */
    static void settle(DisputesViewModel model, DisputeItem c, Window owner) {
        GridPane grid = grid();
        TextArea agreement = area("settle-agreement");
        Label visits = new Label(Messages.get("settle.visits", Messages.get("dispute.grade." + c.grade())));
        visits.setWrapText(true);
        grid.addRow(0, new Label(Messages.get("settle.agreement")), agreement);
        grid.add(visits, 1, 1);
        show(Messages.get("settle.title", c.id()), grid, Bindings.isNotEmpty(agreement.textProperty()),
                () -> model.settle(c, agreement.getText().trim()), owner);
    }

    private static void show(String title, GridPane form, BooleanBinding complete,
                             Supplier<CompletableFuture<DisputeItem>> submit, Window owner) {
        Dialog<DisputeItem> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        Label error = new Label();
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        form.add(error, 1, form.getRowCount());
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().setId("case-form");
        dialog.getDialogPane().getStyleClass().add("case-form");
        ButtonType ok = new ButtonType(Messages.get("action.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok,
                new ButtonType(Messages.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        Node okButton = dialog.getDialogPane().lookupButton(ok);
        okButton.setId("case-form-ok");
        okButton.disableProperty().bind(complete.not());
        Dialogs.submitOnOk(dialog, okButton, submit, error);
        dialog.show();
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(12);
        grid.setPrefWidth(820);
        return grid;
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(14);
        return f;
    }

    private static TextArea area(String id) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setPrefRowCount(4);
        a.setWrapText(true);
        return a;
    }

    private static ToggleButton toggle(String id, String text, ToggleGroup group) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setToggleGroup(group);
        return b;
    }

    private static ComboBox<String> choice(String id, String prefix, List<String> values) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        Labels.codes(box, prefix, values);
        box.setPrefWidth(360);
        return box;
    }
}
