package commandroom.server.travel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.geo.Earth;
import commandroom.geo.LatLon;
import commandroom.geo.osm.PolylineRoads;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestHub;
import commandroom.v1.AreaRing;
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
import commandroom.v1.TravelUnit;
import commandroom.v1.UnitArrival;
import commandroom.v1.UnitKind;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's TravelService over a real import: a small town's roads written as OSM (crossing
 * streets drawn by hand, as the demo's), imported by the hub from --roads, then asked as a console
 * and a terminal ask. Bad requests are INVALID_ARGUMENT naming the field; a bad roads file leaves
 * the hub serving, with straight lines flagged and the file's problem told.
 */
class TravelServiceTest {

    static final LatLon O = new LatLon(30.540, 119.950);

    @TempDir
    Path dir;

    /** A town of 7 east-west and 7 north-south streets, 200 m apart, drawn as crossing lines. */
    private Path town() throws Exception {
        List<PolylineRoads.Road> roads = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            roads.add(new PolylineRoads.Road("东西" + i, i == 3 ? "primary" : "residential",
                    List.of(Earth.offset(O, 0, i * 200), Earth.offset(O, 1200, i * 200))));
            roads.add(new PolylineRoads.Road("南北" + i, "residential",
                    List.of(Earth.offset(O, i * 200, 0), Earth.offset(O, i * 200, 1200))));
        }
        Path file = dir.resolve("town.osm");
        PolylineRoads.write(roads, file);
        return file;
    }

    private static Position at(double east, double north) {
        LatLon p = Earth.offset(O, east, north);
        return Position.newBuilder().setLatitude(p.latitude()).setLongitude(p.longitude()).build();
    }

    private static TravelUnit unit(String id, UnitKind kind, Position p) {
        return TravelUnit.newBuilder().setUnitId(id).setKind(kind).setPosition(p).build();
    }

    @Test
    void theHubRanksEveryUnitOverItsImportedRoadsAndRoutesATerminal() throws Exception {
        Path osm = town();
        try (TestHub h = TestHub.start(Backend.H2, c -> c.withRoads(osm))) {
            assertTrue(h.hub().roads().awaitSettled(60, TimeUnit.SECONDS));
            try (HubClient leader = h.login("leader1"); HubClient terminal = h.login("u-cd-co1")) {
                RoadNetworkInfo info = leader.travel().getRoadNetwork(GetRoadNetworkRequest.getDefaultInstance());
                assertTrue(info.getLoaded(), info.getProblem());
                assertEquals("town.osm", info.getSource());
                assertEquals(64, info.getSha256().length());
                // 7 x 7 streets crossing: 7 streets of 6 blocks each way.
                assertEquals(2 * 7 * 6, info.getEdges());

                RankArrivalsReply ranked = leader.travel().rankArrivals(RankArrivalsRequest.newBuilder()
                        .setPlace(at(600, 600))
                        .addUnits(unit("far-car", UnitKind.UNIT_KIND_PATROL_CAR, at(1200, 1200)))
                        .addUnits(unit("near-aux", UnitKind.UNIT_KIND_AUXILIARY_OFFICER, at(600, 400)))
                        .addUnits(unit("fields", UnitKind.UNIT_KIND_VOLUNTEER, at(600, -800)))
                        .addUnits(unit("drone", UnitKind.UNIT_KIND_DRONE, at(0, 0))).build());
                assertTrue(ranked.getRoadsLoaded());
                assertEquals(4, ranked.getArrivalsCount());
                List<String> order = ranked.getArrivalsList().stream().map(UnitArrival::getUnitId).toList();
                assertEquals("near-aux", order.get(0), ranked.toString());
                assertEquals("fields", order.get(3), "the unit with no road comes last: " + ranked);
                for (UnitArrival a : ranked.getArrivalsList()) {
                    assertTrue(a.getSeconds() > 0 && Double.isFinite(a.getSeconds()), a.toString());
                    assertEquals(a.getUnitId().equals("fields"), a.getNoRoad(), a.toString());
                }

                PlanRouteReply route = terminal.travel().planRoute(PlanRouteRequest.newBuilder()
                        .setKind(UnitKind.UNIT_KIND_PATROL_CAR).setFrom(at(0, 0)).setTo(at(1200, 1200)).build());
                assertFalse(route.getNoRoad());
                assertEquals(2400, route.getMetres(), 10);
                assertTrue(route.getLineCount() >= 3, "turns at a corner at least once");

                GetRingsReply rings = leader.travel().getRings(GetRingsRequest.newBuilder().setPlace(at(600, 600))
                        .setKind(UnitKind.UNIT_KIND_PATROL_CAR).addSeconds(60).addSeconds(180).addSeconds(300).build());
                assertEquals(3, rings.getRingsCount());
                assertTrue(rings.getRings(0).getPiecesCount() > 0);

                GetCoverageGapsReply gaps = leader.travel().getCoverageGaps(GetCoverageGapsRequest.newBuilder()
                        .addUnits(unit("u", UnitKind.UNIT_KIND_COMMUNITY_OFFICER, at(100, 100)))
                        .addArea(AreaRing.newBuilder().addPoints(at(0, 0)).addPoints(at(1200, 0)).addPoints(at(1200, 1200))
                                .addPoints(at(0, 1200))).setCellMetres(100).setLimitSeconds(180).build());
                assertEquals(144, gaps.getCells());
                assertTrue(gaps.getCoveredShare() > 0 && gaps.getCoveredShare() < 0.5, gaps.getCoveredShare() + "");
            }
        }
    }

    @Test
    void aMalformedRequestIsRefusedNamingTheFieldNeverInternal() {
        try (TestHub h = TestHub.start(Backend.H2); HubClient leader = h.login("leader1")) {
            assertBad("place", () -> leader.travel().rankArrivals(RankArrivalsRequest.getDefaultInstance()));
            assertBad("units[0].kind", () -> leader.travel().rankArrivals(RankArrivalsRequest.newBuilder()
                    .setPlace(at(0, 0)).addUnits(unit("x", UnitKind.UNIT_KIND_UNSPECIFIED, at(1, 1))).build()));
            assertBad("units[0].position.latitude", () -> leader.travel().rankArrivals(RankArrivalsRequest.newBuilder()
                    .setPlace(at(0, 0)).addUnits(unit("x", UnitKind.UNIT_KIND_DRONE,
                            Position.newBuilder().setLatitude(Double.NaN).build())).build()));
            assertBad("seconds", () -> leader.travel().getRings(GetRingsRequest.newBuilder().setPlace(at(0, 0))
                    .setKind(UnitKind.UNIT_KIND_PATROL_CAR).build()));
            assertBad("cell_metres", () -> leader.travel().getCoverageGaps(GetCoverageGapsRequest.newBuilder()
                    .addArea(AreaRing.newBuilder().addPoints(at(0, 0)).addPoints(at(1, 0)).addPoints(at(1, 1)))
                    .setLimitSeconds(300).build()));
            // A province at 10 m cells would hold the hub for hours: refused before any cell is made.
            assertBad("cell_metres", () -> leader.travel().getCoverageGaps(GetCoverageGapsRequest.newBuilder()
                    .addArea(AreaRing.newBuilder().addPoints(at(0, 0)).addPoints(at(200_000, 0))
                            .addPoints(at(200_000, 200_000))).setCellMetres(10).setLimitSeconds(300).build()));
            assertBad("to", () -> leader.travel().planRoute(PlanRouteRequest.newBuilder()
                    .setKind(UnitKind.UNIT_KIND_PATROL_CAR).setFrom(at(0, 0)).build()));
        }
    }

    @Test
    void aRoadsFileWithoutHighwaysLeavesTheHubServingStraightLinesAndSaysWhy() throws Exception {
        Path bad = dir.resolve("parks.osm");
        Files.writeString(bad, "<?xml version='1.0'?><osm version=\"0.6\"><node id=\"1\" lat=\"30.5\" lon=\"119.9\"/>"
                + "<node id=\"2\" lat=\"30.6\" lon=\"119.9\"/><way id=\"1\"><nd ref=\"1\"/><nd ref=\"2\"/>"
                + "<tag k=\"leisure\" v=\"park\"/></way></osm>");
        try (TestHub h = TestHub.start(Backend.H2, c -> c.withRoads(bad))) {
            assertTrue(h.hub().roads().awaitSettled(60, TimeUnit.SECONDS));
            try (HubClient leader = h.login("leader1")) {
                RoadNetworkInfo info = leader.travel().getRoadNetwork(GetRoadNetworkRequest.getDefaultInstance());
                assertFalse(info.getLoaded());
                assertTrue(info.getProblem().contains("parks.osm") && info.getProblem().contains("highway"),
                        info.getProblem());
                RankArrivalsReply ranked = leader.travel().rankArrivals(RankArrivalsRequest.newBuilder()
                        .setPlace(at(600, 600)).addUnits(unit("car", UnitKind.UNIT_KIND_PATROL_CAR, at(0, 0))).build());
                assertFalse(ranked.getRoadsLoaded());
                assertTrue(ranked.getArrivals(0).getNoRoad());
                assertTrue(ranked.getArrivals(0).getSeconds() > 0);
            }
        }
    }

    private static void assertBad(String field, Runnable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.toString());
        assertTrue(e.getStatus().getDescription().startsWith(field + ":") || e.getStatus().getDescription()
                .contains("; " + field + ":"), e.getStatus().getDescription());
    }
}
