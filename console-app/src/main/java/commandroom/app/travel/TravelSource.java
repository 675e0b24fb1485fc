package commandroom.app.travel;

import commandroom.app.model.GeoPoint;
import commandroom.app.model.UnitItem;
import commandroom.app.model.ZoneItem;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Where travel times come from: the hub's TravelService (connection's TravelClient), which routes
 * every console and the simulator over the one road network it imported. Futures complete off the
 * FX thread; a failure completes them exceptionally. Thread-safe.
 */
public interface TravelSource {

    /** Each unit's time to a place, by unit id. */
    CompletableFuture<Map<String, TravelTime>> arrivals(GeoPoint place, Collection<UnitItem> units);

    /** The rings of a place for a kind of unit (the hub's kind name without prefix), at these times. */
    CompletableFuture<TravelRings> rings(GeoPoint place, String kind, int[] seconds);

    /** Where none of the units reaches within limitSeconds, over the zones, in cells of cellMetres. */
    CompletableFuture<CoverageGaps> gaps(Collection<UnitItem> units, Collection<ZoneItem> zones, double cellMetres,
                                         int limitSeconds);
}
