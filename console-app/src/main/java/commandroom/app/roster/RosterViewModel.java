package commandroom.app.roster;

import commandroom.app.connection.CommandFailure;
import commandroom.app.connection.ConsoleState;
import commandroom.app.connection.RegistryClient;
import commandroom.app.model.ShiftItem;
import commandroom.app.model.UnitItem;
import commandroom.app.model.ZoneItem;
import commandroom.app.ui.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;

/**
 * The duty roster (排班) as the shift leader keeps it: the station's units with their status,
 * live; putting one on or off duty, on a break or out of service; and each zone's strength against
 * its staffing rule (网格 + 警格), the zones short of it first. Holds no Node; FX thread only.
 */
public final class RosterViewModel {

    /** What a zone has on duty of one kind against what its rule wants. */
    public record Strength(String zoneId, String zoneName, String kind, int onDuty, int wanted) {
        public boolean short_() {
            return onDuty < wanted;
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final ConsoleState state;
    private final RegistryClient client;
    private final ObservableList<UnitItem> units = FXCollections.observableArrayList();
    private final ObservableList<Strength> strength = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public RosterViewModel(ConsoleState state, RegistryClient client) {
        this.state = state;
        this.client = client;
        state.units().addListener((MapChangeListener<String, UnitItem>) c -> {
            // Positions move all the time; the roster changes when a status does.
            if (c.wasAdded() && c.wasRemoved() && c.getValueAdded().status().equals(c.getValueRemoved().status())) {
                return;
            }
            refresh();
        });
        // A plan imported on any console shows in the roster's shift column at once.
        state.shifts().addListener((MapChangeListener<String, ShiftItem>) c -> refresh());
        refresh();
    }

    /** The shift plan's import, through the registry's import dialog. */
    public ShiftPlanImporter importer() {
        return new ShiftPlanImporter(client, state);
    }

    /**
     * The unit's shift under way now, or its next one ("12-08 08:00–18:00", the console's time);
     * empty when the plan has none.
     */
    public String shiftOf(UnitItem u, Instant now) {
        return state.shifts().values().stream().filter(s -> s.unitId().equals(u.id()) && s.end().isAfter(now))
                .min(Comparator.comparing(ShiftItem::start))
                .map(s -> Messages.get(s.start().isAfter(now) ? "roster.shift.next" : "roster.shift.now",
                        DAY.format(s.start()), TIME.format(s.end())))
                .orElse("");
    }

    public ObservableList<UnitItem> units() {
        return units;
    }

    public ObservableList<Strength> strength() {
        return strength;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    private void refresh() {
        units.setAll(state.units().values().stream().sorted(Comparator.comparing(UnitItem::zoneId)
                .thenComparing(UnitItem::kind).thenComparing(UnitItem::name)).toList());
        List<Strength> out = new ArrayList<>();
        for (ZoneItem z : state.zones().values().stream().sorted(Comparator.comparing(ZoneItem::name)).toList()) {
            for (String kind : ZoneItem.Staffing.KINDS) {
                int wanted = z.staffing().wanted(kind);
                if (wanted > 0) {
                    int on = (int) state.units().values().stream().filter(u -> u.zoneId().equals(z.id())
                            && u.kind().equals(kind) && u.onDuty()).count();
                    out.add(new Strength(z.id(), z.name(), kind, on, wanted));
                }
            }
        }
        out.sort(Comparator.comparing((Strength s) -> !s.short_()));
        strength.setAll(out);
    }

    static boolean onDuty(UnitItem u) {
        return u.onDuty();
    }

    public String zoneName(String id) {
        ZoneItem z = state.zones().get(id);
        return z == null ? id : z.name();
    }

    /** Sets a unit's duty; says what happened (the stream brings the change to every console). */
    public CompletableFuture<Void> setDuty(UnitItem u, String duty, String reason) {
        return client.setDuty(u.id(), duty, reason.strip()).whenComplete((v, failure) -> Platform.runLater(() -> {
            if (failure == null) {
                status.set(Messages.get("roster.set", u.name(), Messages.get("unitstatus." + statusOf(duty))));
            } else {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                status.set(cause instanceof CommandFailure f ? Messages.get("failure." + f.kind().name(), f.getMessage())
                        : Messages.get("failure.OTHER", String.valueOf(cause.getMessage())));
            }
        }));
    }

    private static String statusOf(String duty) {
        return duty.equals("ON_DUTY") ? "AVAILABLE" : duty;
    }
}
