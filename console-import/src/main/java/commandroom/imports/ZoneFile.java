package commandroom.imports;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import commandroom.geo.Gcj02;
import commandroom.v1.ImportProblemCode;
import commandroom.v1.Position;
import commandroom.v1.Zone;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Police zones from GeoJSON as QGIS or ArcGIS export them: a FeatureCollection of Polygon or
 * MultiPolygon features with an id and a name among their properties. Coordinates are WGS-84,
 * or GCJ-02 when the file says so (a "crs" naming GCJ-02, as Chinese tools write it), then turned
 * into WGS-84. A MultiPolygon becomes its largest part (a zone is one area); holes are dropped.
 * Whether polygons cross themselves or each other is the hub's check (with the zones it has).
 * Stateless.
 */
public final class ZoneFile {

    private ZoneFile() {}

    public static ReadFile<Zone> read(String fileName, byte[] bytes) {
        TextDecoding.Decoded text = TextDecoding.decode(bytes);
        List<FileProblem> problems = new ArrayList<>();
        List<Zone> items = new ArrayList<>();
        List<Integer> features = new ArrayList<>();
        Struct root;
        try {
            Struct.Builder b = Struct.newBuilder();
            JsonFormat.parser().ignoringUnknownFields().merge(text.text(), b);
            root = b.build();
        } catch (InvalidProtocolBufferException | RuntimeException notJson) {
            problems.add(FileProblem.of(0, "", ImportProblemCode.IMPORT_PROBLEM_CODE_BAD_FILE,
                    "not GeoJSON: " + notJson.getMessage()));
            return new ReadFile<>(items, features, problems, Sha256.of(bytes), text.encoding());
        }
        if (!"FeatureCollection".equals(string(root, "type"))) {
            problems.add(FileProblem.of(0, "type", ImportProblemCode.IMPORT_PROBLEM_CODE_BAD_FILE,
                    "not a GeoJSON FeatureCollection"));
            return new ReadFile<>(items, features, problems, Sha256.of(bytes), text.encoding());
        }
        boolean gcj = root.getFieldsMap().toString().toUpperCase(Locale.ROOT).contains("GCJ");
        List<Value> list = root.getFieldsOrDefault("features", Value.getDefaultInstance()).getListValue().getValuesList();
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            int n = i + 1;
            Struct f = list.get(i).getStructValue();
            Struct props = f.getFieldsOrDefault("properties", Value.getDefaultInstance()).getStructValue();
            String id = property(props, "id", "zone_id", "编号", "code", "ID");
            String name = property(props, "name", "名称", "NAME", "zone_name");
            int before = problems.size();
            if (id.isEmpty()) {
                problems.add(FileProblem.of(n, "id", ImportProblemCode.IMPORT_PROBLEM_CODE_MISSING, "id"));
            } else if (id.length() > 64) {
                problems.add(FileProblem.of(n, "id", ImportProblemCode.IMPORT_PROBLEM_CODE_TOO_LONG, "id", "64"));
            } else if (ids.containsKey(id)) {
                problems.add(FileProblem.of(n, "id", ImportProblemCode.IMPORT_PROBLEM_CODE_DUPLICATE, "id", id,
                        Integer.toString(ids.get(id))));
            } else {
                ids.put(id, n);
            }
            if (name.isEmpty()) {
                problems.add(FileProblem.of(n, "name", ImportProblemCode.IMPORT_PROBLEM_CODE_MISSING, "name"));
            } else if (name.length() > 100) {
                problems.add(FileProblem.of(n, "name", ImportProblemCode.IMPORT_PROBLEM_CODE_TOO_LONG, "name", "100"));
            }
            List<Position> ring = ring(f.getFieldsOrDefault("geometry", Value.getDefaultInstance()).getStructValue(),
                    gcj, n, problems);
            if (problems.size() > before) {
                continue;
            }
            items.add(Zone.newBuilder().setId(id).setName(name).addAllPolygon(ring).build());
            features.add(n);
        }
        if (list.isEmpty()) {
            problems.add(FileProblem.of(0, "features", ImportProblemCode.IMPORT_PROBLEM_CODE_BAD_FILE, "no features"));
        }
        return new ReadFile<>(items, features, problems, Sha256.of(bytes), text.encoding());
    }

    /** The outer ring (of the largest part), without the closing point; empty with a problem if none. */
    private static List<Position> ring(Struct geometry, boolean gcj, int n, List<FileProblem> problems) {
        String type = string(geometry, "type");
        List<Value> coordinates = geometry.getFieldsOrDefault("coordinates", Value.getDefaultInstance())
                .getListValue().getValuesList();
        List<List<Value>> outers = new ArrayList<>();
        if ("Polygon".equals(type) && !coordinates.isEmpty()) {
            outers.add(coordinates.get(0).getListValue().getValuesList());
        } else if ("MultiPolygon".equals(type)) {
            for (Value part : coordinates) {
                List<Value> rings = part.getListValue().getValuesList();
                if (!rings.isEmpty()) {
                    outers.add(rings.get(0).getListValue().getValuesList());
                }
            }
        } else {
            problems.add(FileProblem.of(n, "geometry", ImportProblemCode.IMPORT_PROBLEM_CODE_BAD_GEOMETRY,
                    "a " + (type.isEmpty() ? "missing geometry" : type) + ", not a Polygon or MultiPolygon"));
            return List.of();
        }
        List<Position> best = List.of();
        double bestArea = -1;
        for (List<Value> outer : outers) {
            List<Position> ring = new ArrayList<>();
            for (Value point : outer) {
                List<Value> xy = point.getListValue().getValuesList();
                if (xy.size() < 2 || !xy.get(0).hasNumberValue() || !xy.get(1).hasNumberValue()) {
                    problems.add(FileProblem.of(n, "geometry", ImportProblemCode.IMPORT_PROBLEM_CODE_BAD_GEOMETRY,
                            "a point without two numbers"));
                    return List.of();
                }
                double lon = xy.get(0).getNumberValue();
                double lat = xy.get(1).getNumberValue();
                if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
                    problems.add(FileProblem.of(n, "geometry", ImportProblemCode.IMPORT_PROBLEM_CODE_OUT_OF_RANGE,
                            "coordinates", lon + "," + lat, "-180,-90", "180,90"));
                    return List.of();
                }
                double[] w = gcj ? Gcj02.toWgs84(lat, lon) : new double[] {lat, lon};
                ring.add(Position.newBuilder().setLatitude(w[0]).setLongitude(w[1]).build());
            }
            if (ring.size() > 1 && ring.get(0).equals(ring.get(ring.size() - 1))) {
                ring.remove(ring.size() - 1);
            }
            double area = Math.abs(area(ring));
            if (area > bestArea) {
                best = ring;
                bestArea = area;
            }
        }
        if (best.size() < 3) {
            problems.add(FileProblem.of(n, "geometry", ImportProblemCode.IMPORT_PROBLEM_CODE_BAD_GEOMETRY,
                    "fewer than 3 points"));
            return List.of();
        }
        return best;
    }

    private static double area(List<Position> ring) {
        double a = 0;
        for (int i = 0; i < ring.size(); i++) {
            Position p = ring.get(i);
            Position q = ring.get((i + 1) % ring.size());
            a += p.getLongitude() * q.getLatitude() - q.getLongitude() * p.getLatitude();
        }
        return a / 2;
    }

    private static String property(Struct props, String... names) {
        for (String n : names) {
            Value v = props.getFieldsOrDefault(n, null);
            if (v != null) {
                String s = v.hasNumberValue() ? numberText(v.getNumberValue()) : v.getStringValue();
                if (!s.isBlank()) {
                    return Tables.clean(s);
                }
            }
        }
        return "";
    }

    private static String numberText(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String string(Struct s, String field) {
        return s.getFieldsOrDefault(field, Value.getDefaultInstance()).getStringValue();
    }
}
