package commandroom.app.testing;

import commandroom.app.model.GeoPoint;
import commandroom.app.model.RoadItem;
import commandroom.app.model.UnitItem;
import commandroom.app.model.ZoneItem;
import commandroom.app.travel.CoverageGaps;
import commandroom.app.travel.TravelRings;
import commandroom.app.travel.TravelSource;
import commandroom.app.travel.TravelTime;
import commandroom.geo.LatLon;
import commandroom.geo.Mover;
import commandroom.geo.osm.PolylineRoads;
import commandroom.geo.road.Arrival;
import commandroom.geo.road.RoadNetwork;
import commandroom.geo.road.Traveller;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The hub's routing without a hub, for view-model tests: the given roads written as OSM and
 * imported with GraphHopper exactly as the hub does (console-geo's RoadNetwork), answering at once.
 */
public final class LocalTravel implements TravelSource, AutoCloseable {

    private final RoadNetwork net;

    public LocalTravel(Collection<RoadItem> roads) throws Exception {
        Path dir = Files.createTempDirectory("local-travel");
        Path osm = dir.resolve("roads.osm");
        PolylineRoads.write(roads.stream().map(r -> new PolylineRoads.Road(r.name(),
                "path".equals(r.roadClass()) ? "footway" : r.roadClass(),
                r.line().stream().map(p -> new LatLon(p.latitude(), p.longitude())).toList())).toList(), osm);
        net = RoadNetwork.open(osm, dir.resolve("graphs"));
    }

    @Override
    public CompletableFuture<Map<String, TravelTime>> arrivals(GeoPoint place, Collection<UnitItem> units) {
        List<Traveller> ts = units.stream().map(u -> new Traveller(u.id(), Mover.of(u.kind()),
                new LatLon(u.latitude(), u.longitude()))).toList();
        Map<String, TravelTime> m = new LinkedHashMap<>();
        for (Arrival a : net.arrivals(new LatLon(place.latitude(), place.longitude()), ts)) {
            m.put(a.id(), new TravelTime(a.id(), a.seconds(), a.metres(), a.noRoad(), a.beyond()));
        }
        return CompletableFuture.completedFuture(m);
    }

    @Override
    public CompletableFuture<TravelRings> rings(GeoPoint place, String kind, int[] seconds) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("not needed here"));
    }

    @Override
    public CompletableFuture<CoverageGaps> gaps(Collection<UnitItem> units, Collection<ZoneItem> zones,
                                                double cellMetres, int limitSeconds) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("not needed here"));
    }

    @Override
    public void close() {
        net.close();
    }
}
