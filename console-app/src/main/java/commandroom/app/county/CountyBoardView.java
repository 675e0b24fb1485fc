package commandroom.app.county;

import commandroom.app.model.HandedUpItem;
import commandroom.app.model.StationBoardItem;
import commandroom.app.ui.FactSheet;
import commandroom.app.ui.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The county board panel (全县态势), on a county hub's consoles: a tile per followed station (heard
 * or not, and why not; open incidents, tasks in hand, overdue tasks) and the incidents stations
 * handed up, newest first, each with the county's instructions ({@link HandedUpCard}). Read again
 * every 3 s while shown. Ids: county-stations, station-&lt;id&gt;, county-handed-up,
 * handed-up-&lt;station&gt;-&lt;incident&gt;, county-problem. Style classes: county-board, station-tile
 * (:offline), station-name, station-state, stat-value, stat-label. FX thread only.
 */
public final class CountyBoardView extends VBox {

    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");

    private final FlowPane stationTiles = new FlowPane(16, 16);
    private final VBox cards = new VBox(12);
    private final Map<String, HandedUpCard> cardsByKey = new HashMap<>();
    private final CountyBoardViewModel model;
    private List<StationBoardItem> shownStations = List.of();

    public CountyBoardView(CountyBoardViewModel model) {
        super(14);
        this.model = model;
        getStyleClass().add("county-board");
        stationTiles.setId("county-stations");
        cards.setId("county-handed-up");
        Label problem = new Label();
        problem.setId("county-problem");
        problem.getStyleClass().add("form-error");
        problem.textProperty().bind(model.problemProperty());
        Label none = new Label(Messages.get("county.noneHandedUp"));
        none.getStyleClass().add("case-fact");
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(FactSheet.section("panel.county"), problem, stationTiles,
                FactSheet.section("county.handedUp"), none, scroll);
        model.stations().addListener((ListChangeListener<StationBoardItem>) c -> showStations());
        model.handedUp().addListener((ListChangeListener<HandedUpItem>) c -> {
            showHandedUp();
            none.setVisible(model.handedUp().isEmpty());
            none.setManaged(model.handedUp().isEmpty());
        });
        Timeline poll = new Timeline(new KeyFrame(Duration.seconds(3), e -> model.refresh()));
        poll.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                model.refresh();
                poll.play();
            } else {
                poll.stop();
            }
        });
    }

    private void showStations() {
        // Read every 3 s: rebuilding unchanged tiles would only make the board flicker.
        if (model.stations().equals(shownStations)) {
            return;
        }
        shownStations = List.copyOf(model.stations());
        stationTiles.getChildren().clear();
        for (StationBoardItem s : model.stations()) {
            Label name = new Label(Messages.get("county.station", s.stationId()));
            name.getStyleClass().add("station-name");
            Label state = new Label(s.connected() ? Messages.get("county.connected", s.lastSequence())
                    : Messages.get("county.disconnected", s.problem()));
            state.getStyleClass().add("station-state");
            state.setWrapText(true);
            HBox figures = new HBox(24, figure(s.openIncidents(), "county.openIncidents"),
                    figure(s.openTasks(), "county.openTasks"), figure(s.overdueTasks(), "county.overdueTasks"));
            VBox tile = new VBox(8, name, state, figures);
            tile.setId("station-" + s.stationId());
            tile.getStyleClass().add("station-tile");
            tile.pseudoClassStateChanged(OFFLINE, !s.connected());
            stationTiles.getChildren().add(tile);
        }
    }

    private static VBox figure(int value, String labelKey) {
        Label v = new Label(Integer.toString(value));
        v.getStyleClass().add("stat-value");
        Label l = new Label(Messages.get(labelKey));
        l.getStyleClass().add("stat-label");
        return new VBox(2, v, l);
    }

    private void showHandedUp() {
        Map<String, HandedUpCard> keep = new HashMap<>();
        List<HandedUpCard> order = new ArrayList<>();
        for (HandedUpItem item : model.handedUp()) {
            String key = item.stationId() + "/" + item.incidentId();
            HandedUpCard card = cardsByKey.get(key);
            if (card == null) {
                card = new HandedUpCard(item, model);
            } else {
                card.update(item);
            }
            keep.put(key, card);
            order.add(card);
        }
        // Only when the cards changed: taking a card out of the scene, even to put it straight
        // back, takes the focus from the instruction a leader is typing in it.
        if (!cards.getChildren().equals(order)) {
            cards.getChildren().setAll(order);
        }
        cardsByKey.clear();
        cardsByKey.putAll(keep);
    }
}
