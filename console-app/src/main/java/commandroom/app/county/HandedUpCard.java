package commandroom.app.county;

import commandroom.app.model.CountyInstructionItem;
import commandroom.app.model.HandedUpItem;
import commandroom.app.ui.Dialogs;
import commandroom.app.ui.Messages;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One incident a station handed up, on the county board: what and where, why it came up, the
 * county's instructions (each 已接收 once the station took it in) and, for the roles that may, a
 * line to send the next one. Kept across the board's reads so that text being typed survives
 * them. Style classes: handed-up-card, card-title, card-line, instruction-line (:received),
 * form-error. FX thread only.
 */
final class HandedUpCard extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final Label title = new Label();
    private final Label why = new Label();
    private final VBox instructions = new VBox(4);
    private HandedUpItem item;

    HandedUpCard(HandedUpItem first, CountyBoardViewModel model) {
        super(8);
        getStyleClass().add("handed-up-card");
        setId("handed-up-" + first.stationId() + "-" + first.incidentId());
        title.getStyleClass().add("card-title");
        why.getStyleClass().add("card-line");
        why.setWrapText(true);
        getChildren().addAll(title, why, instructions);
        if (model.mayInstruct()) {
            TextField text = new TextField();
            text.getStyleClass().add("instruction-text");
            text.setPromptText(Messages.get("county.instructPrompt"));
            HBox.setHgrow(text, Priority.ALWAYS);
            Button send = new Button(Messages.get("county.instruct"));
            send.getStyleClass().addAll("instruct-button", "accent");
            send.disableProperty().bind(text.textProperty().isEmpty());
            Label problem = new Label();
            problem.getStyleClass().add("form-error");
            send.setOnAction(e -> {
                send.disableProperty().unbind();
                send.setDisable(true);
                model.instruct(item, text.getText().strip()).whenComplete((c, failure) -> Platform.runLater(() -> {
                    send.disableProperty().bind(text.textProperty().isEmpty());
                    if (failure != null) {
                        problem.setText(Dialogs.describe(failure));
                    } else {
                        problem.setText("");
                        text.clear();
                    }
                }));
            });
            getChildren().addAll(new HBox(10, text, send), problem);
        }
        update(first);
    }

    void update(HandedUpItem next) {
        item = next;
        title.setText(Messages.get("county.handedUpTitle", next.stationId(), next.incidentId(),
                Messages.get("type." + next.type()), next.address()));
        why.setText(Messages.get("county.handedUpWhy", next.note(), next.by(), TIME.format(next.at()), next.summary()));
        instructions.getChildren().clear();
        for (CountyInstructionItem c : next.instructions()) {
            Label line = new Label(Messages.get(c.received() ? "county.instructionReceived" : "county.instructionSent",
                    c.id(), c.text(), c.issuedBy(), TIME.format(c.issuedAt()),
                    c.received() ? TIME.format(c.receivedAt()) : ""));
            line.setWrapText(true);
            line.getStyleClass().add("instruction-line");
            line.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("received"), c.received());
            instructions.getChildren().add(line);
        }
    }
}
