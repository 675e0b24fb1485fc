package commandroom.app.travel;

import commandroom.app.connection.ConsoleState;
import commandroom.app.model.GeoPoint;
import commandroom.app.model.UnitItem;
import commandroom.app.model.ZoneItem;
import commandroom.geo.LatLon;
import commandroom.geo.Mover;
import commandroom.geo.road.Arrival;
import commandroom.geo.road.StraightLine;
import commandroom.geo.road.Traveller;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.MapChangeListener;

/**
 * Travel times for the map's 1-3-5 minute rings, its reach counts and coverage gaps, and the
 * dispatch dialog's ranking, all from the hub (see {@link TravelSource}): asked off the FX thread,
 * kept here when they come back, and announced by {@link #revisionProperty()} so the map redraws.
 * The map asks every frame; each place and kind is asked once, and a place's unit times again at
 * most every two seconds while units move. Without a source (a console with no hub, the bench)
 * units get the straight line, flagged as no road. FX thread only.
 */
public final class TravelModel {

    /** The rings, in seconds: the county's "1-3-5 minute" quick-response circles. */
    public static final int[] RINGS = {60, 180, 300};
    private static final int KEPT = 16;
    private static final long REFRESH_NANOS = 2_000_000_000L;

    private record Key(GeoPoint place, String kind) {}

    /** A place's unit times, when they were asked, and whether units moved since. */
    private static final class Times {
        Map<String, TravelTime> byUnit;
        long askedAt;
        boolean stale;
        boolean inFlight;
    }

    private final ConsoleState state;
    private final TravelSource source;
    private final Executor fx;
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private final Map<Key, TravelRings> rings = lru();
    private final Set<Key> ringsAsked = new HashSet<>();
    private final Map<GeoPoint, Times> times = lru();

    /**
     * @param source where times come from, or null for straight lines only
     * @param fx     runs the answers on the FX thread (Platform::runLater)
     */
    public TravelModel(ConsoleState state, TravelSource source, Executor fx) {
        this.state = state;
        this.source = source;
        this.fx = fx;
        state.units().addListener((MapChangeListener<String, UnitItem>) c -> times.values().forEach(t -> t.stale = true));
    }

    /** Straight lines only, no hub (the bench's maps, tests of the views). */
    public TravelModel(ConsoleState state) {
        this(state, null, Runnable::run);
    }

    /** Goes up whenever an answer arrives: whatever draws travel times draws again. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The rings of a place for a kind, or null until the hub answers (asked now if never asked). */
    public TravelRings rings(GeoPoint place, String kind) {
        Key key = new Key(place, kind);
        TravelRings known = rings.get(key);
        if (known == null && source != null && ringsAsked.add(key)) {
            source.rings(place, kind, RINGS).whenComplete((r, failure) -> fx.execute(() -> {
                ringsAsked.remove(key);
                if (r != null) {
                    rings.put(key, r);
                    revision.set(revision.get() + 1);
                }
            }));
        }
        return known;
    }

    /**
     * Every unit's time to a place as last known, or null until the hub first answers; asked again
     * (the last answer kept meanwhile) when units moved and two seconds passed.
     */
    public Map<String, TravelTime> timesTo(GeoPoint place) {
        if (source == null) {
            return straight(place, state.units().values());
        }
        Times t = times.computeIfAbsent(place, p -> {
            Times fresh = new Times();
            fresh.stale = true;
            return fresh;
        });
        long now = System.nanoTime();
        if (t.stale && !t.inFlight && (t.byUnit == null || now - t.askedAt >= REFRESH_NANOS)) {
            t.inFlight = true;
            t.stale = false;
            t.askedAt = now;
            arrivals(place, List.copyOf(state.units().values())).whenComplete((m, failure) -> {
                t.inFlight = false;
                if (m != null) {
                    t.byUnit = m;
                }
            });
        }
        return t.byUnit;
    }

    /** Every unit's time to a place, asked now; completes on the FX thread. */
    public CompletableFuture<Map<String, TravelTime>> arrivals(GeoPoint place, Collection<UnitItem> units) {
        if (source == null) {
            return CompletableFuture.completedFuture(straight(place, units));
        }
        CompletableFuture<Map<String, TravelTime>> out = new CompletableFuture<>();
        source.arrivals(place, List.copyOf(units)).whenComplete((m, failure) -> fx.execute(() -> {
            if (failure != null) {
                out.completeExceptionally(failure);
            } else {
                // Those waiting keep the answer first; then whatever draws it draws again.
                out.complete(m);
                revision.set(revision.get() + 1);
            }
        }));
        return out;
    }

    /** Coverage gaps from the hub; completes on the FX thread (null without a hub). */
    public CompletableFuture<CoverageGaps> gaps(Collection<UnitItem> units, Collection<ZoneItem> zones,
                                                double cellMetres, int limitSeconds) {
        if (source == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<CoverageGaps> out = new CompletableFuture<>();
        source.gaps(List.copyOf(units), List.copyOf(zones), cellMetres, limitSeconds)
                .whenComplete((g, failure) -> fx.execute(() -> {
                    if (failure != null) {
                        out.completeExceptionally(failure);
                    } else {
                        out.complete(g);
                        revision.set(revision.get() + 1);
                    }
                }));
        return out;
    }

    /** The straight line for every unit, at its off-road pace (a drone's flight), flagged no road. */
    static Map<String, TravelTime> straight(GeoPoint place, Collection<UnitItem> units) {
        Map<String, TravelTime> m = new HashMap<>();
        LatLon p = new LatLon(place.latitude(), place.longitude());
        for (UnitItem u : units) {
            Arrival a = StraightLine.arrival(new Traveller(u.id(), mover(u.kind()),
                    new LatLon(u.latitude(), u.longitude())), p);
            m.put(u.id(), new TravelTime(u.id(), a.seconds(), a.metres(), a.noRoad()));
        }
        return m;
    }

    private static Mover mover(String kind) {
        try {
            return Mover.of(kind);
        } catch (IllegalArgumentException e) {
            return Mover.COMMUNITY_OFFICER;
        }
    }

    private static <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(KEPT, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > KEPT;
            }
        };
    }
}
