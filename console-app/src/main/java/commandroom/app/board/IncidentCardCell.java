package commandroom.app.board;

import commandroom.app.ui.PriorityMark;
import commandroom.app.model.IncidentItem;
import commandroom.app.ui.Messages;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A new incident waiting for a unit, as a card (same style classes as a task card). */
final class IncidentCardCell extends ListCell<IncidentItem> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final BoardViewModel model;
    private final VBox card = new VBox();
    private final Label title = new Label();
    private final Label priority = new Label();
    private final Label summary = new Label();
    private final Label where = new Label();

    IncidentCardCell(BoardViewModel model) {
        this.model = model;
        card.getStyleClass().add("task-card");
        title.getStyleClass().add("card-title");
        summary.getStyleClass().add("card-line");
        summary.setWrapText(true);
        where.getStyleClass().add("card-line");
        PriorityMark.style(priority);
        priority.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        card.getChildren().addAll(new HBox(8, title, gap, priority), summary, where);
        setPrefWidth(0);
        setGraphic(card);
        card.setVisible(false);
    }

    @Override
    protected void updateItem(IncidentItem i, boolean empty) {
        super.updateItem(i, empty);
        card.setVisible(!empty && i != null);
        if (empty || i == null) {
            return;
        }
        title.setText(Messages.get("type." + i.type()));
        PriorityMark.show(priority, i.priority());
        summary.setText(i.summary());
        where.setText(model.zoneName(i.zoneId()) + "  ·  " + i.address() + "  ·  " + TIME.format(i.reportedAt()));
    }
}
