package commandroom.app.keyperson;

import commandroom.app.connection.ConsoleState;
import commandroom.app.connection.KeyPersonClient;
import commandroom.app.model.KeyPersonItem;
import commandroom.app.model.Reasons;
import commandroom.app.model.UnitItem;
import commandroom.app.model.ZoneItem;
import commandroom.app.ui.Dialogs;
import commandroom.app.ui.Messages;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The key persons register (一人一策) as the chief keeps it: closed until opened with a reason (the
 * hub logs every read with it: the register never travels in the event stream), the persons, the
 * one in hand, registration, and the register's access log. A user the hub refuses sees why and
 * nothing else. FX thread only.
 */
public final class KeyPersonsViewModel {

    /** The quick reasons offered, as message keys. */
    public static final List<String> QUICK_REASONS = List.of("keyperson.reason.visit", "keyperson.reason.assess",
            "keyperson.reason.handover");

    private final KeyPersonClient client;
    private final ConsoleState state;
    private final ObservableList<KeyPersonItem> persons = FXCollections.observableArrayList();
    private final ObservableList<KeyPersonItem> personsView = FXCollections.unmodifiableObservableList(persons);
    private final ReadOnlyObjectWrapper<KeyPersonItem> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(false);
    private final AccessLogViewModel accessLog;
    /** Counts the openings and closings: an answer to an older one is dropped. */
    private long generation;

    public KeyPersonsViewModel(KeyPersonClient client, ConsoleState state) {
        this.client = client;
        this.state = state;
        this.accessLog = new AccessLogViewModel(client, this::personName, this::unitName);
    }

    /** Opens the register: reads it from the hub with the reason, which the hub keeps in its access log. */
    public void open(String reason) {
        if (!Reasons.valid(reason)) {
            throw new IllegalArgumentException("a reason of 2..200 characters");
        }
        long asked = ++generation;
        notice.set("");
        client.list(reason.strip()).whenComplete((list, failure) -> Platform.runLater(() -> {
            if (asked != generation) {
                return;
            }
            if (failure != null) {
                clear();
                problem.set(Dialogs.describe(failure));
            } else {
                problem.set("");
                String keep = selected.get() == null ? null : selected.get().id();
                persons.setAll(list.stream().sorted(Comparator.comparing(KeyPersonItem::id)).toList());
                selected.set(persons.stream().filter(p -> p.id().equals(keep)).findFirst().orElse(null));
                open.set(true);
            }
        }));
    }

    /** The user gave no reason: the register stays closed, and says so calmly. */
    public void decline() {
        close();
        notice.set(Messages.get("keyperson.closed"));
    }

    /** Closes the register (the panel is no longer shown): nothing of it stays on screen. */
    public void close() {
        generation++;
        clear();
        problem.set("");
        notice.set("");
    }

    private void clear() {
        persons.clear();
        selected.set(null);
        open.set(false);
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

    /** True while the register is open (read with a reason). */
    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
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

    /** A calm line while the register stays closed for want of a reason, or "". */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The register's access log (the chief's). */
    public AccessLogViewModel accessLog() {
        return accessLog;
    }

    /** A person's name while the register is open, else the id. */
    public String personName(String id) {
        return persons.stream().filter(p -> p.id().equals(id)).map(KeyPersonItem::name).findFirst().orElse(id);
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
