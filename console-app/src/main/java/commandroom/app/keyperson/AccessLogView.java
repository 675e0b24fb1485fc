package commandroom.app.keyperson;

import commandroom.app.model.KeyPersonAccessItem;
import commandroom.app.ui.FactSheet;
import commandroom.app.ui.Messages;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The access log part of the key persons panel: every read of the register and every refused
 * attempt, newest first — when, who, what, which persons, why, and the outcome (a refused attempt
 * carries a red 拒绝 tag and its row a red edge). Read when shown and on 刷新. Ids:
 * keyperson-access-table, keyperson-access-refresh, keyperson-access-problem. Style classes:
 * access-log, access-refused (tag), access-shown (tag), access-refused-row. FX thread only.
 */
final class AccessLogView extends VBox {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    AccessLogView(AccessLogViewModel model) {
        super(10);
        getStyleClass().add("access-log");
        Label note = new Label(Messages.get("keyperson.access.note"));
        note.getStyleClass().add("case-fact");
        note.setWrapText(true);
        Button refresh = new Button(Messages.get("keyperson.access.refresh"));
        refresh.setId("keyperson-access-refresh");
        refresh.disableProperty().bind(model.loadingProperty());
        refresh.setOnAction(e -> model.refresh());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(12, FactSheet.section("keyperson.access.title"), gap, refresh);
        top.setAlignment(Pos.CENTER_LEFT);

        TableView<KeyPersonAccessItem> table = new TableView<>(model.entries());
        table.setId("keyperson-access-table");
        table.setPlaceholder(new Label(Messages.get("keyperson.access.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<KeyPersonAccessItem, KeyPersonAccessItem> outcome = new TableColumn<>(Messages.get("keyperson.access.outcome"));
        outcome.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        outcome.setCellFactory(c -> new OutcomeCell());
        outcome.setPrefWidth(100);
        outcome.setMinWidth(90);
        table.getColumns().add(column("keyperson.access.when", 200, e -> WHEN.format(e.at())));
        table.getColumns().add(column("keyperson.access.whoColumn", 220, model::who));
        table.getColumns().add(column("keyperson.access.what", 90, model::what));
        table.getColumns().add(outcome);
        table.getColumns().add(column("keyperson.access.persons", 220, model::persons));
        table.getColumns().add(column("keyperson.access.why", 260, KeyPersonAccessItem::reason));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(KeyPersonAccessItem e, boolean empty) {
                super.updateItem(e, empty);
                getStyleClass().remove("access-refused-row");
                if (!empty && e != null && e.refused()) {
                    getStyleClass().add("access-refused-row");
                }
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        Label problem = new Label();
        problem.setId("keyperson-access-problem");
        problem.getStyleClass().add("form-error");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        getChildren().addAll(top, note, table, problem);
    }

    private static TableColumn<KeyPersonAccessItem, String> column(String key, double width,
                                                                   Function<KeyPersonAccessItem, String> text) {
        TableColumn<KeyPersonAccessItem, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(text.apply(f.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 90));
        return c;
    }

    /** The outcome as a tag: 拒绝 in red, 已查看 muted. */
    private static final class OutcomeCell extends TableCell<KeyPersonAccessItem, KeyPersonAccessItem> {
        @Override
        protected void updateItem(KeyPersonAccessItem e, boolean empty) {
            super.updateItem(e, empty);
            setText(null);
            if (empty || e == null) {
                setGraphic(null);
                return;
            }
            Label tag = new Label(Messages.get(e.refused() ? "keyperson.access.refused" : "keyperson.access.shown"));
            tag.getStyleClass().add(e.refused() ? "access-refused" : "access-shown");
            tag.setMinWidth(Region.USE_PREF_SIZE);
            setGraphic(tag);
        }
    }
}
