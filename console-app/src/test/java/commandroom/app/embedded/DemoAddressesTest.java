package commandroom.app.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.sim.county.DemoCounty;
import commandroom.v1.StandardAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo county's standard addresses: door numbers along every demo road, each its own code. */
class DemoAddressesTest {

    @Test
    void everyDemoRoadHasNumberedAddressesWithDistinctCodes() {
        var county = DemoCounty.load();
        List<StandardAddress> book = DemoAddresses.of(county);
        assertTrue(book.size() > 500, "a town's worth: " + book.size());
        assertEquals(book.size(), book.stream().map(StandardAddress::getId).distinct().count());
        for (StandardAddress a : book) {
            assertTrue(county.getZonesList().stream().anyMatch(z -> commandroom.sim.geo.Polygons.contains(
                    z.getPolygonList(), a.getPosition())), a.getText() + " is in a zone of the station");
        }
        assertTrue(book.stream().anyMatch(a -> a.getText().startsWith("清溪县人民路")), "人民路 has addresses");
    }
}
