package commandroom.app.model;

import java.util.List;

/** One station as the county hub last heard it. problem is "" while it is connected. */
public record StationBoardItem(String stationId, boolean connected, String problem, long lastSequence,
                               int openIncidents, int openTasks, int overdueTasks, List<HandedUpItem> handedUp) {

    public StationBoardItem {
        handedUp = List.copyOf(handedUp);
    }
}
