package commandroom.app.keyperson;

import commandroom.app.model.KeyPersonItem;
import commandroom.app.ui.FactSheet;
import commandroom.app.ui.Messages;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The register part of the key persons panel: the persons on the left, the one in hand on the right
 * (why registered, where, the plan, the cadence, the units assigned, the next check-in and every
 * check-in so far); 登记 opens {@link RegisterForm}. Shows nothing of the register until it is
 * opened with a reason ({@link KeyPersonsView} asks); while closed, a calm line and a button to
 * give one. Ids: keypersons-list, keyperson-register, keypersons-problem, keypersons-closed,
 * keypersons-open, keyperson-detail, keyperson-plan, keyperson-checkins. Style classes:
 * keyperson-detail, casework-body, section-title, case-fact. FX thread only.
 */
final class RegisterView extends HBox {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final KeyPersonsViewModel model;
    private final VBox detail = new VBox(12);

    RegisterView(KeyPersonsViewModel model, Runnable askReason) {
        super(20);
        this.model = model;
        ListView<KeyPersonItem> list = new ListView<>(model.persons());
        list.setId("keypersons-list");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(KeyPersonItem p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : Messages.get("keyperson.row", p.id(), p.name(),
                        Messages.get("keyperson.category." + p.category()), model.zoneName(p.zoneId())));
            }
        });
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(model.openProperty())
                .then(Messages.get("keyperson.none")).otherwise(Messages.get("keyperson.notOpen")));
        list.setPlaceholder(placeholder);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null) {
                model.select(p);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Label problem = new Label();
        problem.setId("keypersons-problem");
        problem.getStyleClass().add("form-error");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        Button register = new Button(Messages.get("keyperson.register"));
        register.setId("keyperson-register");
        register.disableProperty().bind(model.openProperty().not());
        Label closed = new Label();
        closed.setId("keypersons-closed");
        closed.getStyleClass().add("case-fact");
        closed.setWrapText(true);
        closed.textProperty().bind(model.noticeProperty());
        closed.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        closed.managedProperty().bind(closed.visibleProperty());
        Button open = new Button(Messages.get("keyperson.open"));
        open.setId("keypersons-open");
        open.setOnAction(e -> askReason.run());
        open.visibleProperty().bind(model.openProperty().not());
        open.managedProperty().bind(open.visibleProperty());
        register.setOnAction(e -> RegisterForm.show(model, getScene().getWindow()));
        Label notice = new Label(Messages.get("keyperson.notice"));
        notice.setWrapText(true);
        notice.getStyleClass().add("case-fact");
        VBox left = new VBox(10, notice, closed, new HBox(10, open, register), list, problem);
        left.setPrefWidth(640);
        left.setMinWidth(480);
        detail.getStyleClass().add("casework-body");
        ScrollPane right = new ScrollPane(detail);
        right.setId("keyperson-detail");
        right.getStyleClass().add("keyperson-detail");
        right.setFitToWidth(true);
        HBox.setHgrow(right, Priority.ALWAYS);
        getChildren().addAll(left, right);
        model.selectedProperty().addListener((o, a, p) -> show(p));
        model.openProperty().addListener((o, a, now) -> show(model.selectedProperty().get()));
        show(null);
    }

    private void show(KeyPersonItem p) {
        if (p == null) {
            // Closed: the list says so; the detail stays empty.
            if (model.openProperty().get()) {
                detail.getChildren().setAll(new Label(Messages.get("keyperson.pick")));
            } else {
                detail.getChildren().clear();
            }
            return;
        }
        Label title = new Label(p.name() + " · " + Messages.get("keyperson.category." + p.category()));
        title.getStyleClass().add("section-title");
        GridPane facts = FactSheet.grid();
        FactSheet.row(facts, 0, "keyperson.address", p.address() + "（" + model.zoneName(p.zoneId()) + "）");
        FactSheet.row(facts, 1, "keyperson.every", Messages.get("keyperson.everyDays", p.everyDays()));
        FactSheet.row(facts, 2, "keyperson.assigned", p.assignedUnitIds().stream().map(model::unitName)
                .collect(Collectors.joining("、")));
        FactSheet.row(facts, 3, "keyperson.nextDue", p.nextDue() == null ? "" : DAY.format(p.nextDue()));
        Label plan = new Label(p.plan());
        plan.setId("keyperson-plan");
        plan.setWrapText(true);
        VBox checkIns = new VBox(6);
        checkIns.setId("keyperson-checkins");
        p.checkIns().forEach(c -> checkIns.getChildren().add(new Label(Messages.get("keyperson.checkIn",
                DAY.format(c.at()), c.by(), c.note()))));
        if (p.checkIns().isEmpty()) {
            checkIns.getChildren().add(new Label(Messages.get("keyperson.noCheckIns")));
        }
        detail.getChildren().setAll(title, facts, FactSheet.section("keyperson.plan"), plan,
                FactSheet.section("keyperson.checkIns"), checkIns);
    }
}
