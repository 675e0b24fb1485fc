package commandroom.app.board.dispatch;

import commandroom.app.connection.CommandClient;
import commandroom.app.model.GeoPoint;
import commandroom.app.model.IncidentItem;
import commandroom.app.travel.TravelModel;
import commandroom.app.travel.TravelTime;
import commandroom.app.model.UnitItem;
import commandroom.app.ui.Messages;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The shift leader's dispatch of one incident: available units before busy ones, each group by
 * travel time over the roads as the hub works it out (every unit gets minutes; one with no road
 * near it the straight line at a walking pace, and its label says so); the task kind, the
 * instruction and the minutes allowed per step. The list first shows the units by straight-line
 * distance and is re-ranked when the hub's times come, within a moment. Holds no Node; FX thread only.
 */
public final class DispatchDialogViewModel {

    /**
     * A unit the leader may pick: its straight-line distance, its travel time to the incident (NaN
     * until the hub's times came) and whether that time is a straight line for want of a road.
     */
    public record Candidate(UnitItem unit, double metres, double seconds, boolean noRoad, boolean beyond) {

        public Candidate(UnitItem unit, double metres, double seconds, boolean noRoad) {
            this(unit, metres, seconds, noRoad, false);
        }

        public String label() {
            String status = Messages.get("unitstatus." + unit.status());
            if (Double.isNaN(seconds)) {
                return Messages.get("dispatch.distance", unit.name(), Math.round(metres), status);
            }
            if (beyond) {
                return Messages.get("dispatch.travelBeyond", unit.name(), Math.round(seconds / 60.0), Math.round(metres),
                        status);
            }
            return Messages.get(noRoad ? "dispatch.travelNoRoad" : "dispatch.travel", unit.name(),
                    Math.max(1, Math.round(seconds / 60.0)), Math.round(metres), status);
        }

        /** Whether the hub's travel time is known. */
        public boolean timed() {
            return !Double.isNaN(seconds);
        }
    }

    private final IncidentItem incident;
    private final CommandClient client;
    private final ObservableList<Candidate> candidates;
    private final ObservableSet<String> selected = FXCollections.observableSet();
    private final StringProperty kind = new SimpleStringProperty();
    private final StringProperty instruction = new SimpleStringProperty();
    private final IntegerProperty signForMinutes = new SimpleIntegerProperty();
    private final IntegerProperty arriveMinutes = new SimpleIntegerProperty();
    private final IntegerProperty feedbackMinutes = new SimpleIntegerProperty();

    public DispatchDialogViewModel(IncidentItem incident, Collection<UnitItem> units, TravelModel travel,
                                   CommandClient client) {
        this.incident = incident;
        this.client = client;
        List<UnitItem> all = List.copyOf(units);
        this.candidates = FXCollections.observableArrayList(rank(incident, all, null));
        if (travel != null) {
            travel.arrivals(new GeoPoint(incident.latitude(), incident.longitude()), all)
                    .thenAccept(times -> candidates.setAll(rank(incident, all, times)));
        }
        kind.set("DISPUTE".equals(incident.type()) ? "MEDIATE" : "RESPOND");
        instruction.set(Messages.get("dispatch.default", incident.address(), incident.summary()));
    }

    /**
     * Available first, then people before drones (a drone is there first but cannot take a case in
     * hand: it is offered after the units that can), then the quickest there; for equal times a
     * unit with a road before one without. times null (not come yet): by straight-line distance.
     */
    public static List<Candidate> rank(IncidentItem incident, Collection<UnitItem> units,
                                       Map<String, TravelTime> times) {
        return units.stream().filter(u -> !"OFF_DUTY".equals(u.status()) && !"OUT_OF_SERVICE".equals(u.status()))
                .map(u -> {
                    double m = metres(incident.latitude(), incident.longitude(), u.latitude(), u.longitude());
                    TravelTime t = times == null ? null : times.get(u.id());
                    return new Candidate(u, m, t == null ? Double.NaN : t.seconds(), t != null && t.noRoad(),
                            t != null && t.beyond());
                })
                .sorted(Comparator.comparing((Candidate c) -> !c.unit().isAvailable())
                        .thenComparing(c -> "DRONE".equals(c.unit().kind()))
                        .thenComparing(c -> !c.timed())
                        .thenComparingDouble(c -> c.timed() ? c.seconds() : c.metres())
                        .thenComparing(Candidate::noRoad))
                .toList();
    }

    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    public IncidentItem incident() {
        return incident;
    }

    public ObservableList<Candidate> candidates() {
        return candidates;
    }

    public ObservableSet<String> selected() {
        return selected;
    }

    public StringProperty kindProperty() {
        return kind;
    }

    public StringProperty instructionProperty() {
        return instruction;
    }

    public IntegerProperty signForMinutesProperty() {
        return signForMinutes;
    }

    public IntegerProperty arriveMinutesProperty() {
        return arriveMinutes;
    }

    public IntegerProperty feedbackMinutesProperty() {
        return feedbackMinutes;
    }

    public BooleanBinding canSendProperty() {
        return Bindings.createBooleanBinding(() -> !selected.isEmpty() && instruction.get() != null
                && !instruction.get().isBlank(), selected, instruction);
    }

    /** Sends the dispatch; completes with the new task's id or a CommandFailure. */
    public CompletableFuture<String> send() {
        Map<String, Integer> minutes = new LinkedHashMap<>();
        minutes.put("SIGN_FOR", signForMinutes.get());
        minutes.put("ARRIVE", arriveMinutes.get());
        minutes.put("FEEDBACK", feedbackMinutes.get());
        List<String> ids = candidates.stream().map(c -> c.unit().id()).filter(selected::contains).toList();
        return client.dispatch(new CommandClient.DispatchDraft(incident.id(), incident.version(), kind.get(), ids,
                instruction.get().trim(), minutes));
    }
}
