package commandroom.app.county;

import commandroom.app.connection.LinkageClient;
import commandroom.app.model.CountyInstructionItem;
import commandroom.app.model.HandedUpItem;
import commandroom.app.model.StationBoardItem;
import commandroom.app.ui.Dialogs;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The county board (全县态势) as a county hub's console shows it: each followed station — whether
 * the county hears it, its open work — and the incidents stations handed up, with the county's
 * instructions and whether each station took them in. The county's own stream does not carry the
 * stations' events, so the board is read again every few seconds while it is shown. FX thread only.
 */
public final class CountyBoardViewModel {

    private final LinkageClient client;
    private final boolean mayInstruct;
    private final ObservableList<StationBoardItem> stations = FXCollections.observableArrayList();
    private final ObservableList<HandedUpItem> handedUp = FXCollections.observableArrayList();
    // Read-only views made once: an unmodifiable list follows its source through a weak listener,
    // so a view made per call could be collected with the listeners the panel put on it.
    private final ObservableList<StationBoardItem> stationsView = FXCollections.unmodifiableObservableList(stations);
    private final ObservableList<HandedUpItem> handedUpView = FXCollections.unmodifiableObservableList(handedUp);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private boolean reading;

    /** @param mayInstruct true for the roles the hub lets instruct a station (leader, chief) */
    public CountyBoardViewModel(LinkageClient client, boolean mayInstruct) {
        this.client = client;
        this.mayInstruct = mayInstruct;
    }

    /** Reads the board from the hub, unless a read is still under way. */
    public void refresh() {
        if (reading) {
            return;
        }
        reading = true;
        client.board().whenComplete((list, failure) -> Platform.runLater(() -> {
            reading = false;
            if (failure != null) {
                problem.set(Dialogs.describe(failure));
                return;
            }
            problem.set("");
            stations.setAll(list);
            handedUp.setAll(list.stream().flatMap(s -> s.handedUp().stream())
                    .sorted((a, b) -> b.at().compareTo(a.at())).toList());
        }));
    }

    /** Sends an instruction about a handed-up incident down to its station; reads the board again. */
    public CompletableFuture<CountyInstructionItem> instruct(HandedUpItem item, String text) {
        return client.instruct(item.stationId(), item.incidentId(), text).thenApply(c -> {
            Platform.runLater(this::refresh);
            return c;
        });
    }

    public boolean mayInstruct() {
        return mayInstruct;
    }

    public ObservableList<StationBoardItem> stations() {
        return stationsView;
    }

    /** Every station's handed-up incidents, newest first. */
    public ObservableList<HandedUpItem> handedUp() {
        return handedUpView;
    }

    /** Why the board could not be read, or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
