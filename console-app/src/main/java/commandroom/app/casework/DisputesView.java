package commandroom.app.casework;

import commandroom.app.model.DisputeItem;
import commandroom.app.model.IncidentItem;
import commandroom.app.ui.FactSheet;
import commandroom.app.ui.Messages;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The dispute files panel (纠纷档案): on the left the reported disputes not filed yet (with 建档
 * for the roles that file) and the station's files; on the right the file in hand
 * ({@link DisputeDetail}). Ids: disputes-unfiled, disputes-cases, case-file-new, disputes-problem.
 * Style classes: disputes, section-title, case-row. FX thread only.
 */
public final class DisputesView extends HBox {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.systemDefault());

    /** @param me the user's display name, offered as the mediator */
    public DisputesView(DisputesViewModel model, String me) {
        super(20);
        getStyleClass().add("disputes");
        ListView<IncidentItem> unfiled = new ListView<>(model.unfiled());
        unfiled.setId("disputes-unfiled");
        unfiled.setPrefHeight(220);
        unfiled.setCellFactory(l -> cell(i -> Messages.get("disputes.unfiledRow", DAY.format(i.reportedAt()),
                i.address(), i.summary())));
        unfiled.setPlaceholder(new Label(Messages.get("disputes.noneUnfiled")));
        ListView<DisputeItem> cases = new ListView<>(model.cases());
        cases.setId("disputes-cases");
        cases.setCellFactory(l -> cell(DisputesView::row));
        cases.setPlaceholder(new Label(Messages.get("disputes.noCases")));
        cases.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> {
            if (c != null) {
                model.select(c);
            }
        });
        model.selectedProperty().addListener((o, a, c) -> {
            if (c != null && cases.getSelectionModel().getSelectedItem() != c) {
                cases.getSelectionModel().select(c);
            }
        });
        VBox.setVgrow(cases, Priority.ALWAYS);
        Label problem = new Label();
        problem.setId("disputes-problem");
        problem.getStyleClass().add("form-error");
        problem.textProperty().bind(model.problemProperty());
        VBox left = new VBox(10, FactSheet.section("disputes.unfiled"), unfiled);
        if (model.mayFile()) {
            Button file = new Button(Messages.get("disputes.file"));
            file.setId("case-file-new");
            file.disableProperty().bind(unfiled.getSelectionModel().selectedItemProperty().isNull());
            file.setOnAction(e -> {
                IncidentItem i = unfiled.getSelectionModel().getSelectedItem();
                CaseForms.file(model, i, getScene().getWindow());
            });
            left.getChildren().add(file);
        }
        left.getChildren().addAll(FactSheet.section("disputes.cases"), cases, problem);
        left.setPrefWidth(760);
        left.setMinWidth(520);
        DisputeDetail detail = new DisputeDetail(model, me);
        HBox.setHgrow(detail, Priority.ALWAYS);
        getChildren().addAll(left, detail);
        model.reload();
    }

    /** One line of the list: id · status · grade · category · address · next visit. */
    static String row(DisputeItem c) {
        String next = c.nextVisit().map(v -> Messages.get("disputes.nextVisit", DAY.format(v.due()))).orElse("");
        return Messages.get("disputes.row", c.id(), Messages.get("case.status." + c.status()), c.grade(),
                Messages.get("dispute.category." + c.category()), c.address(), next);
    }

    private static <T> ListCell<T> cell(Function<T, String> text) {
        ListCell<T> cell = new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
        cell.getStyleClass().add("case-row");
        return cell;
    }
}
