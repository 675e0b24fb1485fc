package commandroom.imports;

import commandroom.v1.ImportProblemCode;
import commandroom.v1.Position;
import commandroom.v1.StandardAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The standard addresses (一标三实's 标准地址) as a station exports them from its system, CSV or
 * .xlsx: the address code, the address, longitude and latitude (WGS-84), and the zone (by id or
 * name; found from the position by the hub when empty). Tens or hundreds of thousands of rows.
 * Stateless.
 */
public final class AddressBookFile {

    private AddressBookFile() {}

    public static ReadFile<StandardAddress> read(String fileName, byte[] bytes,
                                                 Function<String, Optional<String>> zoneId) {
        Tables.Table t = Tables.read(fileName, bytes);
        List<FileProblem> problems = new ArrayList<>(t.problems());
        List<StandardAddress> items = new ArrayList<>(t.rows().size());
        List<Integer> lines = new ArrayList<>(t.rows().size());
        if (t.header().cells().isEmpty()) {
            return new ReadFile<>(items, lines, problems, Sha256.of(bytes), t.encoding());
        }
        Columns cols = new Columns(t.header(), problems);
        int id = cols.find(true, "地址编码", "编码", "id", "code");
        int text = cols.find(true, "标准地址", "地址", "address", "text");
        int lon = cols.find(true, "经度", "longitude", "lon", "lng");
        int lat = cols.find(true, "纬度", "latitude", "lat");
        int zone = cols.find(false, "警务区", "所属警务区", "zone", "zone_id");
        if (id < 0 || text < 0 || lon < 0 || lat < 0) {
            return new ReadFile<>(items, lines, problems, Sha256.of(bytes), t.encoding());
        }
        Map<String, Integer> ids = new HashMap<>();
        for (Row r : t.rows()) {
            int before = problems.size();
            String code = cols.text(r, id, 64);
            if (code != null && ids.containsKey(code)) {
                cols.problem(r, id, ImportProblemCode.IMPORT_PROBLEM_CODE_DUPLICATE, cols.name(id), code,
                        Integer.toString(ids.get(code)));
            } else if (code != null) {
                ids.put(code, r.line());
            }
            String address = cols.text(r, text, 200);
            double lo = cols.number(r, lon, 73, 136, null);
            double la = cols.number(r, lat, 3, 54, null);
            String zoneText = zone < 0 ? "" : r.cell(zone);
            String zoneFound = zoneText.isEmpty() ? "" : zoneId.apply(zoneText).orElse(null);
            if (zoneFound == null) {
                cols.problem(r, zone, ImportProblemCode.IMPORT_PROBLEM_CODE_UNKNOWN_ZONE, zoneText);
            }
            if (problems.size() > before) {
                continue;
            }
            items.add(StandardAddress.newBuilder().setId(code).setText(address)
                    .setPosition(Position.newBuilder().setLatitude(la).setLongitude(lo)).setZoneId(zoneFound).build());
            lines.add(r.line());
        }
        return new ReadFile<>(items, lines, problems, Sha256.of(bytes), t.encoding());
    }
}
