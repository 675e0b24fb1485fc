package commandroom.sim.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.sim.county.CountyIndex;
import commandroom.sim.county.DemoCounty;
import commandroom.sim.geo.GeoMath;
import commandroom.sim.geo.Polygons;
import commandroom.v1.Camera;
import commandroom.v1.IncidentType;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.Zone;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IncidentComposerTest {
    private static final CountyIndex COUNTY = new CountyIndex(DemoCounty.load());

    @Test
    void composedIncidentsLieInTheZoneTheyNameWithAChineseAddressAndSummary() {
        IncidentComposer composer = new IncidentComposer(COUNTY, new Random(21));
        for (IncidentType type : PoissonArrivals.defaultRatesPerHour().keySet()) {
            for (int i = 0; i < 50; i++) {
                ReportIncidentRequest request = composer.compose(type);
                Zone zone = COUNTY.zone(request.getZoneId()).orElseThrow();
                assertTrue(Polygons.contains(zone.getPolygonList(), request.getPosition()));
                assertTrue(request.getAddress().startsWith("清溪县"), request.getAddress());
                assertTrue(request.getAddress().length() > 4 && request.getAddress().length() <= 500);
                assertFalse(request.getSummary().isBlank());
                assertTrue(request.getSummary().length() <= 2000);
                assertFalse(request.getReporter().getName().isBlank());
                assertEquals(type, request.getType());
                assertTrue(request.getPriority() != Priority.PRIORITY_UNSPECIFIED);
            }
        }
    }

    @Test
    void linkedCamerasAreFixedCamerasNearThePlace() {
        IncidentComposer composer = new IncidentComposer(COUNTY, new Random(22));
        int linked = 0;
        for (int i = 0; i < 300; i++) {
            ReportIncidentRequest request = composer.compose(IncidentType.INCIDENT_TYPE_CALL_110);
            assertTrue(request.getCameraIdsCount() <= 3);
            for (String id : request.getCameraIdsList()) {
                Camera camera = COUNTY.seed().getCamerasList().stream().filter(c -> c.getId().equals(id)).findFirst()
                        .orElseThrow();
                assertTrue(camera.hasFieldOfView());
                assertTrue(GeoMath.distanceMetres(camera.getPosition(), request.getPosition()) <= 250);
                linked++;
            }
        }
        assertTrue(linked > 0, "no incident ever had a camera near it");
    }

    @Test
    void callsAreMoreOftenUrgentThanDisputesAndInformationCollectionNeverIs() {
        Map<Priority, Integer> calls = new EnumMap<>(Priority.class);
        Map<Priority, Integer> disputes = new EnumMap<>(Priority.class);
        Map<Priority, Integer> info = new EnumMap<>(Priority.class);
        for (int i = 0; i < 1000; i++) {
            double u = (i + 0.5) / 1000;
            calls.merge(IncidentComposer.priority(IncidentType.INCIDENT_TYPE_CALL_110, u), 1, Integer::sum);
            disputes.merge(IncidentComposer.priority(IncidentType.INCIDENT_TYPE_DISPUTE, u), 1, Integer::sum);
            info.merge(IncidentComposer.priority(IncidentType.INCIDENT_TYPE_INFO_COLLECTION, u), 1, Integer::sum);
        }
        assertEquals(150, calls.get(Priority.PRIORITY_URGENT));
        assertEquals(20, disputes.get(Priority.PRIORITY_URGENT));
        assertEquals(650, disputes.get(Priority.PRIORITY_NORMAL));
        assertEquals(null, info.get(Priority.PRIORITY_URGENT));
        assertEquals(700, info.get(Priority.PRIORITY_LOW));
    }
}
