package commandroom.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.geo.Gcj02;
import commandroom.v1.ImportProblemCode;
import commandroom.v1.Zone;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Zones from GeoJSON as QGIS exports them: Polygon and MultiPolygon features, ids and names in
 * the properties, GCJ-02 turned into WGS-84 when the file says so, and broken files named.
 */
class ZoneFileTest {

    @Test
    void polygonsAndMultiPolygonsBecomeZones() {
        String json = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"id":"z-cd","name":"城东警务区"},
                  "geometry":{"type":"Polygon","coordinates":[[[119.96,30.54],[119.97,30.54],[119.97,30.55],[119.96,30.55],[119.96,30.54]]]}},
                 {"type":"Feature","properties":{"编号":7,"名称":"城西警务区"},
                  "geometry":{"type":"MultiPolygon","coordinates":[
                    [[[119.95,30.54],[119.951,30.54],[119.951,30.541],[119.95,30.54]]],
                    [[[119.95,30.54],[119.96,30.54],[119.96,30.55],[119.95,30.55],[119.95,30.54]]]]}}]}""";
        ReadFile<Zone> read = ZoneFile.read("zones.geojson", json.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), read.problems());
        assertEquals(List.of("z-cd", "7"), read.items().stream().map(Zone::getId).toList());
        assertEquals(4, read.items().get(0).getPolygonCount(), "the closing point dropped");
        assertEquals(119.96, read.items().get(1).getPolygon(1).getLongitude(), 1e-9, "the larger part of the MultiPolygon");
    }

    @Test
    void gcj02IsTurnedIntoWgs84() {
        double[] gcj = Gcj02.fromWgs84(30.545, 119.965);
        assertTrue(Math.abs(gcj[1] - 119.965) > 0.003, "GCJ-02 is offset by hundreds of metres");
        String json = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"GCJ-02\"}},"
                + "\"features\":[{\"type\":\"Feature\",\"properties\":{\"id\":\"z\",\"name\":\"区\"},\"geometry\":{\"type\":"
                + "\"Polygon\",\"coordinates\":[[[" + gcj[1] + "," + gcj[0] + "],[" + (gcj[1] + 0.01) + "," + gcj[0] + "],["
                + gcj[1] + "," + (gcj[0] + 0.01) + "]]]}}]}";
        Zone z = ZoneFile.read("gcj.geojson", json.getBytes(StandardCharsets.UTF_8)).items().get(0);
        assertEquals(30.545, z.getPolygon(0).getLatitude(), 1e-5);
        assertEquals(119.965, z.getPolygon(0).getLongitude(), 1e-5, "back to WGS-84 within a metre");
    }

    @Test
    void brokenFilesAndFeaturesAreNamed() {
        assertEquals(ImportProblemCode.IMPORT_PROBLEM_CODE_BAD_FILE,
                ZoneFile.read("x.geojson", "{\"type\":\"Feature".getBytes(StandardCharsets.UTF_8)).problems().get(0).code());
        assertEquals(ImportProblemCode.IMPORT_PROBLEM_CODE_BAD_FILE,
                ZoneFile.read("x.geojson", "{\"type\":\"Point\"}".getBytes(StandardCharsets.UTF_8)).problems().get(0).code());
        String json = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"name":"无编号"},"geometry":{"type":"Polygon","coordinates":[[[1,1],[2,1],[2,2],[1,1]]]}},
                 {"type":"Feature","properties":{"id":"p","name":"点"},"geometry":{"type":"Point","coordinates":[1,1]}},
                 {"type":"Feature","properties":{"id":"t","name":"两点"},"geometry":{"type":"Polygon","coordinates":[[[1,1],[2,1],[1,1]]]}}]}""";
        ReadFile<Zone> read = ZoneFile.read("x.geojson", json.getBytes(StandardCharsets.UTF_8));
        assertTrue(read.items().isEmpty());
        assertEquals(List.of("1 IMPORT_PROBLEM_CODE_MISSING", "2 IMPORT_PROBLEM_CODE_BAD_GEOMETRY",
                "3 IMPORT_PROBLEM_CODE_BAD_GEOMETRY"), read.problems().stream().map(p -> p.where() + " " + p.code().name()).toList());
    }
}
