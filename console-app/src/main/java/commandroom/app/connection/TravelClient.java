package commandroom.app.connection;

import commandroom.app.model.GeoPoint;
import commandroom.app.model.UnitItem;
import commandroom.app.model.ZoneItem;
import commandroom.app.travel.CoverageGaps;
import commandroom.app.travel.TravelRings;
import commandroom.app.travel.TravelSource;
import commandroom.app.travel.TravelTime;
import commandroom.v1.AreaRing;
import commandroom.v1.GetCoverageGapsReply;
import commandroom.v1.GetCoverageGapsRequest;
import commandroom.v1.GetRingsReply;
import commandroom.v1.GetRingsRequest;
import commandroom.v1.Position;
import commandroom.v1.RankArrivalsReply;
import commandroom.v1.RankArrivalsRequest;
import commandroom.v1.TravelServiceGrpc;
import commandroom.v1.TravelUnit;
import commandroom.v1.UnitArrival;
import commandroom.v1.UnitKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The hub's TravelService for the console: every unit's time to an incident, the rings of a place,
 * the coverage gaps of the zones, mapped to the travel package's own records. Calls run off the FX
 * thread with a deadline. Thread-safe.
 */
public final class TravelClient implements TravelSource {

    private final HubSession session;
    private final Executor executor;

    public TravelClient(HubSession session, Executor executor) {
        this.session = session;
        this.executor = executor;
    }

    @Override
    public CompletableFuture<Map<String, TravelTime>> arrivals(GeoPoint place, Collection<UnitItem> units) {
        RankArrivalsRequest.Builder r = RankArrivalsRequest.newBuilder().setPlace(position(place));
        units.forEach(u -> r.addUnits(unit(u)));
        return HubCalls.async(executor, () -> {
            RankArrivalsReply reply = stub().rankArrivals(r.build());
            Map<String, TravelTime> m = new LinkedHashMap<>();
            for (UnitArrival a : reply.getArrivalsList()) {
                m.put(a.getUnitId(), new TravelTime(a.getUnitId(), a.getSeconds(), a.getStraightMetres(), a.getNoRoad(),
                        a.getBeyond()));
            }
            return m;
        });
    }

    @Override
    public CompletableFuture<TravelRings> rings(GeoPoint place, String kind, int[] seconds) {
        GetRingsRequest.Builder r = GetRingsRequest.newBuilder().setPlace(position(place)).setKind(kind(kind));
        for (int s : seconds) {
            r.addSeconds(s);
        }
        return HubCalls.async(executor, () -> {
            GetRingsReply reply = stub().getRings(r.build());
            List<TravelRings.Ring> rings = new ArrayList<>();
            for (var ring : reply.getRingsList()) {
                List<List<GeoPoint>> pieces = new ArrayList<>();
                for (var piece : ring.getPiecesList()) {
                    pieces.add(piece.getPointsList().stream().map(p -> new GeoPoint(p.getLatitude(), p.getLongitude()))
                            .toList());
                }
                rings.add(new TravelRings.Ring(ring.getSeconds(), pieces, ring.getStraightMetres()));
            }
            return new TravelRings(place, kind, rings);
        });
    }

    @Override
    public CompletableFuture<CoverageGaps> gaps(Collection<UnitItem> units, Collection<ZoneItem> zones,
                                                double cellMetres, int limitSeconds) {
        GetCoverageGapsRequest.Builder r = GetCoverageGapsRequest.newBuilder().setCellMetres(cellMetres)
                .setLimitSeconds(limitSeconds);
        units.forEach(u -> r.addUnits(unit(u)));
        for (ZoneItem z : zones) {
            if (z.polygon().size() >= 3) {
                AreaRing.Builder ring = AreaRing.newBuilder();
                z.polygon().forEach(p -> ring.addPoints(position(p)));
                r.addArea(ring);
            }
        }
        return HubCalls.async(executor, () -> {
            GetCoverageGapsReply reply = stub().getCoverageGaps(r.build());
            return new CoverageGaps(reply.getGapsList().stream()
                    .map(c -> new CoverageGaps.Cell(c.getSouth(), c.getWest(), c.getNorth(), c.getEast())).toList(),
                    reply.getCells(), reply.getCoveredShare());
        });
    }

    private TravelServiceGrpc.TravelServiceBlockingStub stub() {
        return TravelServiceGrpc.newBlockingStub(session.channel()).withCallCredentials(session.credentials())
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static TravelUnit unit(UnitItem u) {
        return TravelUnit.newBuilder().setUnitId(u.id()).setKind(kind(u.kind()))
                .setPosition(Position.newBuilder().setLatitude(u.latitude()).setLongitude(u.longitude())).build();
    }

    /** The hub's kind of a unit kind name (unknown names walk, as a community officer does). */
    static UnitKind kind(String name) {
        try {
            UnitKind k = UnitKind.valueOf("UNIT_KIND_" + name);
            return k == UnitKind.UNIT_KIND_UNSPECIFIED ? UnitKind.UNIT_KIND_COMMUNITY_OFFICER : k;
        } catch (IllegalArgumentException e) {
            return UnitKind.UNIT_KIND_COMMUNITY_OFFICER;
        }
    }

    private static Position position(GeoPoint p) {
        return Position.newBuilder().setLatitude(p.latitude()).setLongitude(p.longitude()).build();
    }
}
