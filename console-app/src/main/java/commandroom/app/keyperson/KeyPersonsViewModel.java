package commandroom.app.keyperson;

import commandroom.app.connection.ConsoleState;
import commandroom.app.connection.KeyPersonClient;
import commandroom.app.model.KeyPersonItem;
import commandroom.app.model.UnitItem;
import commandroom.app.model.ZoneItem;
import commandroom.app.ui.Dialogs;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The key persons register (一人一策) as the chief keeps it: the persons (read from the hub, which
 * logs every read: the register never travels in the event stream), the one in hand, and
 * registration. A user the hub refuses sees why and nothing else. FX thread only.
 */
public final class KeyPersonsViewModel {

    private final KeyPersonClient client;
    private final ConsoleState state;
    private final ObservableList<KeyPersonItem> persons = FXCollections.observableArrayList();
    private final ObservableList<KeyPersonItem> personsView = FXCollections.unmodifiableObservableList(persons);
    private final ReadOnlyObjectWrapper<KeyPersonItem> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public KeyPersonsViewModel(KeyPersonClient client, ConsoleState state) {
        this.client = client;
        this.state = state;
    }

    /** Reads the register from the hub (a logged access). */
    public void reload() {
        client.list().whenComplete((list, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                persons.clear();
                selected.set(null);
                problem.set(Dialogs.describe(failure));
            } else {
                problem.set("");
                String keep = selected.get() == null ? null : selected.get().id();
                persons.setAll(list.stream().sorted(Comparator.comparing(KeyPersonItem::id)).toList());
                selected.set(persons.stream().filter(p -> p.id().equals(keep)).findFirst().orElse(null));
            }
        }));
    }

    /** Registers a person; the new entry becomes the one in hand. */
    public CompletableFuture<KeyPersonItem> register(String name, String category, String address, String zoneId,
                                                     String plan, int everyDays, List<String> unitIds) {
        return client.register(name, category, address, zoneId, plan, everyDays, unitIds).thenApply(p -> {
            Platform.runLater(() -> {
                persons.removeIf(x -> x.id().equals(p.id()));
                persons.add(p);
                selected.set(p);
            });
            return p;
        });
    }

    public ObservableList<KeyPersonItem> persons() {
        return personsView;
    }

    public ReadOnlyObjectProperty<KeyPersonItem> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public void select(KeyPersonItem p) {
        selected.set(p);
    }

    /** Why the register could not be read (e.g. refused), or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The zones of the station, by name. */
    public List<ZoneItem> zones() {
        return state.zones().values().stream().sorted(Comparator.comparing(ZoneItem::id)).toList();
    }

    /** The units of a zone, which may be assigned to a person there. */
    public List<UnitItem> unitsOf(String zoneId) {
        return state.units().values().stream().filter(u -> u.zoneId().equals(zoneId))
                .sorted(Comparator.comparing(UnitItem::id)).toList();
    }

    /** A unit's name for display, or its id. */
    public String unitName(String id) {
        return state.unitName(id);
    }

    /** A zone's name for display, or its id. */
    public String zoneName(String id) {
        return state.zoneName(id);
    }
}
