package commandroom.app.casework;

import commandroom.app.connection.CaseClient;
import commandroom.app.connection.ConsoleState;
import commandroom.app.model.DisputeItem;
import commandroom.app.model.IncidentItem;
import commandroom.app.model.UserRole;
import commandroom.app.ui.Dialogs;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;

/**
 * The dispute case files (一事一档) of the station: every file from the hub, the reported
 * disputes not filed yet, the file the user is looking at, and the commands of the user's role
 * (file a dispute: duty officer and shift leader; record a mediation and settle: shift leader and
 * station chief). The files are read again whenever the event stream says one may have changed.
 * FX thread only.
 */
public final class DisputesViewModel {

    private final CaseClient client;
    private final ConsoleState state;
    private final UserRole role;
    private final ObservableList<DisputeItem> cases = FXCollections.observableArrayList();
    private final ObservableList<DisputeItem> casesView = FXCollections.unmodifiableObservableList(cases);
    private final ObservableList<IncidentItem> unfiled = FXCollections.observableArrayList();
    private final ObservableList<IncidentItem> unfiledView = FXCollections.unmodifiableObservableList(unfiled);
    private final ReadOnlyObjectWrapper<DisputeItem> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private boolean loading;
    private boolean again;
    private boolean unfiledDue;
    /** A busy stream asks often: the files are read once this long after the first ask, not once per event. */
    private final PauseTransition quiet = new PauseTransition(Duration.millis(400));

    public DisputesViewModel(CaseClient client, ConsoleState state, UserRole role) {
        this.client = client;
        this.state = state;
        this.role = role;
        quiet.setOnFinished(e -> reload());
        state.casesChangedProperty().addListener((o, a, b) -> {
            if (quiet.getStatus() != Animation.Status.RUNNING) {
                quiet.play();
            }
        });
        state.incidents().addListener((MapChangeListener<String, IncidentItem>) c -> unfiledLater());
    }

    /** One recount per batch of incident changes, not one per change (a snapshot puts thousands). */
    private void unfiledLater() {
        if (!unfiledDue) {
            unfiledDue = true;
            Platform.runLater(this::refreshUnfiled);
        }
    }

    /** Reads the files from the hub; a reload asked for while one runs is done once after it. */
    public void reload() {
        if (loading) {
            again = true;
            return;
        }
        loading = true;
        client.list().whenComplete((list, failure) -> Platform.runLater(() -> {
            loading = false;
            if (failure != null) {
                problem.set(Dialogs.describe(failure));
            } else {
                problem.set("");
                show(list);
            }
            if (again) {
                again = false;
                reload();
            }
        }));
    }

    private void show(List<DisputeItem> list) {
        String keep = selected.get() == null ? null : selected.get().id();
        cases.setAll(list.stream().sorted(Comparator.comparing(DisputeItem::openedAt).reversed()).toList());
        selected.set(keep == null ? null : cases.stream().filter(c -> c.id().equals(keep)).findFirst().orElse(null));
        refreshUnfiled();
    }

    private void refreshUnfiled() {
        unfiledDue = false;
        Set<String> filed = new HashSet<>();
        cases.forEach(c -> filed.addAll(c.incidentIds()));
        unfiled.setAll(state.incidents().values().stream()
                .filter(i -> "DISPUTE".equals(i.type()) && !"DISMISSED".equals(i.status()) && !filed.contains(i.id()))
                .sorted(Comparator.comparing(IncidentItem::reportedAt).reversed()).toList());
    }

    public ObservableList<DisputeItem> cases() {
        return casesView;
    }

    /** Reported disputes that no case file holds yet, newest first. */
    public ObservableList<IncidentItem> unfiled() {
        return unfiledView;
    }

    public ReadOnlyObjectProperty<DisputeItem> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public void select(DisputeItem c) {
        selected.set(c);
    }

    /** Why the files could not be read, or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public boolean mayFile() {
        return role == UserRole.DUTY_OFFICER || role == UserRole.SHIFT_LEADER;
    }

    public boolean mayMediate() {
        return role == UserRole.SHIFT_LEADER || role == UserRole.STATION_CHIEF;
    }

    /** Files a dispute; the new file becomes the selected one. */
    public CompletableFuture<DisputeItem> file(IncidentItem incident, List<DisputeItem.Party> parties, String category,
                                               String grade, String route) {
        return client.open(incident.id(), parties, category, grade, route).thenApply(this::adopt);
    }

    public CompletableFuture<DisputeItem> mediate(DisputeItem c, boolean agreed, String mediator, String note) {
        return client.mediate(c, agreed, mediator, note).thenApply(this::adopt);
    }

    public CompletableFuture<DisputeItem> settle(DisputeItem c, String agreement) {
        return client.settle(c, agreement).thenApply(this::adopt);
    }

    /** The hub's answer replaces the file at once (the stream's reload follows). Any thread. */
    private DisputeItem adopt(DisputeItem c) {
        Platform.runLater(() -> {
            int at = -1;
            for (int i = 0; i < cases.size(); i++) {
                if (cases.get(i).id().equals(c.id())) {
                    at = i;
                }
            }
            if (at >= 0) {
                if (cases.get(at).version() <= c.version()) {
                    cases.set(at, c);
                }
            } else {
                cases.add(0, c);
            }
            selected.set(cases.stream().filter(x -> x.id().equals(c.id())).findFirst().orElse(c));
            refreshUnfiled();
        });
        return c;
    }
}
