package commandroom.server.api;

import commandroom.geo.LatLon;
import commandroom.geo.Mover;
import commandroom.geo.road.Arrival;
import commandroom.geo.road.Gaps;
import commandroom.geo.road.RoadNetwork;
import commandroom.geo.road.Rings;
import commandroom.geo.road.Route;
import commandroom.geo.road.StraightLine;
import commandroom.geo.road.Traveller;
import commandroom.server.roads.HubRoads;
import commandroom.v1.AreaRing;
import commandroom.v1.GapCell;
import commandroom.v1.GetCoverageGapsReply;
import commandroom.v1.GetCoverageGapsRequest;
import commandroom.v1.GetRingsReply;
import commandroom.v1.GetRingsRequest;
import commandroom.v1.GetRoadNetworkRequest;
import commandroom.v1.PlanRouteReply;
import commandroom.v1.PlanRouteRequest;
import commandroom.v1.Position;
import commandroom.v1.RankArrivalsReply;
import commandroom.v1.RankArrivalsRequest;
import commandroom.v1.RoadNetworkInfo;
import commandroom.v1.RoadPiece;
import commandroom.v1.TravelRing;
import commandroom.v1.TravelServiceGrpc;
import commandroom.v1.TravelUnit;
import commandroom.v1.UnitArrival;
import commandroom.v1.UnitKind;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * TravelService: travel times over the hub's one road network, for every console's rings, ranking
 * and gaps and for the simulator's routes. Routing runs here, not in each console: the OSM extract
 * of a province is hundreds of megabytes that a console on a duty officer's desk should not hold,
 * the hub imports it once, and an ETA on a console is then the very time the simulator's unit (or
 * the next console's ranking) uses. Requests carry the units to time, so the service reads no
 * projection. Thread-safe.
 */
public final class TravelGrpcService extends TravelServiceGrpc.TravelServiceImplBase {

    static final int MOST_UNITS = 5000;
    static final int MOST_AREA_POINTS = 20_000;
    /** A county of 1,000 km² at 50 m cells; the console asks at 100 m. */
    static final long MOST_CELLS = 400_000;

    private final HubRoads roads;

    public TravelGrpcService(HubRoads roads) {
        this.roads = roads;
    }

    @Override
    public void rankArrivals(RankArrivalsRequest r, StreamObserver<RankArrivalsReply> out) {
        if (CommandGrpcService.checked(() -> new TravelChecks().position("place", r.hasPlace(), r.getPlace())
                .units("units", r.getUnitsList()).throwIfAny(), out)) {
            Replies.call(() -> {
                LatLon place = latLon(r.getPlace());
                List<Traveller> units = travellers(r.getUnitsList());
                RoadNetwork net = roads.network();
                List<Arrival> times = net == null ? units.stream().map(u -> StraightLine.arrival(u, place)).toList()
                        : net.arrivals(place, units);
                RankArrivalsReply.Builder b = RankArrivalsReply.newBuilder().setRoadsLoaded(net != null);
                times.stream().sorted(Comparator.comparingDouble(Arrival::seconds).thenComparing(Arrival::noRoad))
                        .forEach(a -> b.addArrivals(UnitArrival.newBuilder().setUnitId(a.id()).setSeconds(a.seconds())
                                .setStraightMetres(a.metres()).setNoRoad(a.noRoad()).setBeyond(a.beyond())));
                return b.build();
            }, out);
        }
    }

    @Override
    public void planRoute(PlanRouteRequest r, StreamObserver<PlanRouteReply> out) {
        if (CommandGrpcService.checked(() -> new TravelChecks().kind("kind", r.getKind())
                .position("from", r.hasFrom(), r.getFrom()).position("to", r.hasTo(), r.getTo()).throwIfAny(), out)) {
            Replies.call(() -> {
                Mover kind = mover(r.getKind());
                RoadNetwork net = roads.network();
                Route route = net == null ? StraightLine.route(kind, latLon(r.getFrom()), latLon(r.getTo()))
                        : net.route(latLon(r.getFrom()), latLon(r.getTo()), kind);
                PlanRouteReply.Builder b = PlanRouteReply.newBuilder().setSeconds(route.seconds())
                        .setMetres(route.metres()).setNoRoad(route.noRoad());
                route.line().forEach(p -> b.addLine(position(p)));
                return b.build();
            }, out);
        }
    }

    @Override
    public void getRings(GetRingsRequest r, StreamObserver<GetRingsReply> out) {
        if (CommandGrpcService.checked(() -> new TravelChecks().position("place", r.hasPlace(), r.getPlace())
                .kind("kind", r.getKind()).times("seconds", r.getSecondsList()).throwIfAny(), out)) {
            Replies.call(() -> {
                Mover kind = mover(r.getKind());
                int[] seconds = r.getSecondsList().stream().mapToInt(Integer::intValue).toArray();
                RoadNetwork net = roads.network();
                GetRingsReply.Builder b = GetRingsReply.newBuilder();
                if (net == null) {
                    // No roads: a drone's circles are still its circles; a ground unit has no rings.
                    java.util.Arrays.sort(seconds);
                    for (int s : seconds) {
                        b.addRings(TravelRing.newBuilder().setSeconds(s).setStraightMetres(kind.flies()
                                ? s * commandroom.geo.SpeedProfiles.metresPerSecond(commandroom.geo.SpeedProfiles.DRONE_KMH) : 0));
                    }
                    return b.build();
                }
                for (Rings.Ring ring : net.rings(latLon(r.getPlace()), kind, seconds).rings()) {
                    TravelRing.Builder t = TravelRing.newBuilder().setSeconds(ring.seconds())
                            .setStraightMetres(ring.straightMetres());
                    for (List<LatLon> piece : ring.pieces()) {
                        RoadPiece.Builder p = RoadPiece.newBuilder();
                        piece.forEach(x -> p.addPoints(position(x)));
                        t.addPieces(p);
                    }
                    b.addRings(t);
                }
                return b.build();
            }, out);
        }
    }

    @Override
    public void getCoverageGaps(GetCoverageGapsRequest r, StreamObserver<GetCoverageGapsReply> out) {
        if (CommandGrpcService.checked(() -> new TravelChecks().units("units", r.getUnitsList())
                .area("area", r.getAreaList()).range("cell_metres", r.getCellMetres(), 10, 2000)
                .range("limit_seconds", r.getLimitSeconds(), 1, 3600)
                .cells("cell_metres", r.getAreaList(), r.getCellMetres(), MOST_CELLS).throwIfAny(), out)) {
            Replies.call(() -> {
                List<List<LatLon>> area = new ArrayList<>();
                for (AreaRing ring : r.getAreaList()) {
                    area.add(ring.getPointsList().stream().map(TravelGrpcService::latLon).toList());
                }
                RoadNetwork net = roads.network();
                if (net == null) {
                    // Without roads there is nothing honest to say about 5 minutes over them.
                    return GetCoverageGapsReply.newBuilder().setCoveredShare(Double.NaN).build();
                }
                Gaps g = net.gaps(travellers(r.getUnitsList()), area, r.getCellMetres(), r.getLimitSeconds());
                GetCoverageGapsReply.Builder b = GetCoverageGapsReply.newBuilder().setCells(g.cells())
                        .setCoveredShare(g.coveredShare());
                for (Gaps.Cell c : g.gaps()) {
                    b.addGaps(GapCell.newBuilder().setSouth(c.south()).setWest(c.west()).setNorth(c.north())
                            .setEast(c.east()));
                }
                return b.build();
            }, out);
        }
    }

    @Override
    public void getRoadNetwork(GetRoadNetworkRequest r, StreamObserver<RoadNetworkInfo> out) {
        Replies.call(() -> {
            RoadNetwork net = roads.network();
            return net == null ? RoadNetworkInfo.newBuilder().setProblem(roads.problem()).build()
                    : RoadNetworkInfo.newBuilder().setLoaded(true).setSource(net.source()).setSha256(net.sha256())
                    .setEdges(net.edgeCount()).build();
        }, out);
    }

    static List<Traveller> travellers(List<TravelUnit> units) {
        return units.stream().map(u -> new Traveller(u.getUnitId(), mover(u.getKind()), latLon(u.getPosition())))
                .toList();
    }

    static Mover mover(UnitKind kind) {
        return Mover.of(kind.name());
    }

    static LatLon latLon(Position p) {
        return new LatLon(p.getLatitude(), p.getLongitude());
    }

    static Position position(LatLon p) {
        return Position.newBuilder().setLatitude(p.latitude()).setLongitude(p.longitude()).build();
    }
}
