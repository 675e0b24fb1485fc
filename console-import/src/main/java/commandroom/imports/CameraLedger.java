package commandroom.imports;

import commandroom.v1.Camera;
import commandroom.v1.CameraKind;
import commandroom.v1.FieldOfView;
import commandroom.v1.ImportProblemCode;
import commandroom.v1.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The camera ledger (点位台账) as a station keeps it in a spreadsheet: national code, name, kind
 * (天网, 雪亮, 社会面, 人脸), longitude, latitude (WGS-84), direction, angle of view, stream addresses
 * and the zone (by id or name; found from the position by the hub when empty). The national code
 * is the camera's id when the ledger has no id column. Stateless.
 */
public final class CameraLedger {

    private static final Pattern NATIONAL_CODE = Pattern.compile("\\d{20}");
    private static final Pattern STREAM = Pattern.compile("(?i)(rtsp|rtsps|rtmp|http|https)://\\S+");
    private static final Map<String, CameraKind> KINDS = Map.ofEntries(
            Map.entry("天网", CameraKind.CAMERA_KIND_SKYNET), Map.entry("skynet", CameraKind.CAMERA_KIND_SKYNET),
            Map.entry("雪亮", CameraKind.CAMERA_KIND_XUELIANG), Map.entry("xueliang", CameraKind.CAMERA_KIND_XUELIANG),
            Map.entry("社会面", CameraKind.CAMERA_KIND_SOCIAL), Map.entry("social", CameraKind.CAMERA_KIND_SOCIAL),
            Map.entry("人脸", CameraKind.CAMERA_KIND_FACE_CAPTURE), Map.entry("人脸抓拍", CameraKind.CAMERA_KIND_FACE_CAPTURE),
            Map.entry("face", CameraKind.CAMERA_KIND_FACE_CAPTURE));

    private CameraLedger() {}

    /**
     * Reads a ledger. zoneId turns the zone column's text (an id or a name) into a zone id, empty
     * if the station has no such zone.
     */
    public static ReadFile<Camera> read(String fileName, byte[] bytes, Function<String, java.util.Optional<String>> zoneId) {
        Tables.Table t = Tables.read(fileName, bytes);
        List<FileProblem> problems = new ArrayList<>(t.problems());
        List<Camera> items = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        if (t.header().cells().isEmpty()) {
            return new ReadFile<>(items, lines, problems, Sha256.of(bytes), t.encoding());
        }
        Columns cols = new Columns(t.header(), problems);
        int code = cols.find(true, "国标编码", "国标编号", "设备编码", "national_code", "code");
        int id = cols.find(false, "编号", "点位编号", "id");
        int name = cols.find(true, "名称", "点位名称", "name");
        int kind = cols.find(true, "类型", "点位类型", "kind");
        int lon = cols.find(true, "经度", "longitude", "lon", "lng");
        int lat = cols.find(true, "纬度", "latitude", "lat");
        int direction = cols.find(false, "方向", "朝向", "direction");
        int angle = cols.find(false, "视角", "angle");
        int range = cols.find(false, "可视距离", "range");
        int main = cols.find(false, "主码流", "主码流地址", "main_stream_url", "rtsp");
        int sub = cols.find(false, "子码流", "子码流地址", "sub_stream_url");
        int zone = cols.find(false, "警务区", "所属警务区", "zone", "zone_id");
        if (code < 0 || name < 0 || kind < 0 || lon < 0 || lat < 0) {
            return new ReadFile<>(items, lines, problems, Sha256.of(bytes), t.encoding());
        }
        Map<String, Integer> codes = new HashMap<>();
        Map<String, Integer> ids = new HashMap<>();
        for (Row r : t.rows()) {
            int before = problems.size();
            String nationalCode = cols.text(r, code, 20);
            if (nationalCode != null && !NATIONAL_CODE.matcher(nationalCode).matches()) {
                cols.problem(r, code, ImportProblemCode.IMPORT_PROBLEM_CODE_BAD_NATIONAL_CODE, nationalCode);
            } else if (nationalCode != null && codes.containsKey(nationalCode)) {
                cols.problem(r, code, ImportProblemCode.IMPORT_PROBLEM_CODE_DUPLICATE, cols.name(code), nationalCode,
                        Integer.toString(codes.get(nationalCode)));
            } else if (nationalCode != null) {
                codes.put(nationalCode, r.line());
            }
            String cameraId = id >= 0 && !r.cell(id).isEmpty() ? cols.optional(r, id, 64) : nationalCode;
            if (cameraId != null && id >= 0 && ids.containsKey(cameraId)) {
                cols.problem(r, id, ImportProblemCode.IMPORT_PROBLEM_CODE_DUPLICATE, cols.name(id), cameraId,
                        Integer.toString(ids.get(cameraId)));
            } else if (cameraId != null) {
                ids.put(cameraId, r.line());
            }
            String cameraName = cols.text(r, name, 100);
            CameraKind k = KINDS.get(r.cell(kind).toLowerCase(Locale.ROOT));
            if (k == null) {
                cols.problem(r, kind, ImportProblemCode.IMPORT_PROBLEM_CODE_UNKNOWN_VALUE, cols.name(kind), r.cell(kind));
            }
            double lo = cols.number(r, lon, 73, 136, null);
            double la = cols.number(r, lat, 3, 54, null);
            double dir = cols.number(r, direction, 0, 360, 0.0);
            double ang = cols.number(r, angle, 0, 360, 0.0);
            double rng = cols.number(r, range, 0, 5000, 0.0);
            String mainUrl = stream(cols, r, main);
            String subUrl = stream(cols, r, sub);
            String zoneText = zone < 0 ? "" : r.cell(zone);
            String zoneFound = zoneText.isEmpty() ? "" : zoneId.apply(zoneText).orElse(null);
            if (zoneFound == null) {
                cols.problem(r, zone, ImportProblemCode.IMPORT_PROBLEM_CODE_UNKNOWN_ZONE, zoneText);
            }
            if (problems.size() > before) {
                continue;
            }
            items.add(Camera.newBuilder().setId(cameraId).setNationalCode(nationalCode).setName(cameraName).setKind(k)
                    .setPosition(Position.newBuilder().setLatitude(la).setLongitude(lo))
                    .setFieldOfView(FieldOfView.newBuilder().setDirectionDegrees(dir).setAngleDegrees(ang)
                            .setRangeMetres(rng))
                    .setMainStreamUrl(mainUrl).setSubStreamUrl(subUrl).setZoneId(zoneFound).build());
            lines.add(r.line());
        }
        return new ReadFile<>(items, lines, problems, Sha256.of(bytes), t.encoding());
    }

    private static String stream(Columns cols, Row r, int column) {
        String v = column < 0 ? "" : r.cell(column);
        if (!v.isEmpty() && !STREAM.matcher(v).matches()) {
            cols.problem(r, column, ImportProblemCode.IMPORT_PROBLEM_CODE_BAD_URL, cols.name(column), v);
            return "";
        }
        return v.length() > 1000 ? "" : v;
    }
}
