package commandroom.imports;

import commandroom.v1.ImportProblemCode;
import commandroom.v1.Unit;
import commandroom.v1.UnitKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The station's roster of units (人员/装备台账): id (a police number for an officer, a plate for a
 * car), name, kind (社区民警, 辅警, 网格员, 志愿者, 巡逻车, 无人机), zone (id or name) and call sign.
 * Where a unit is and what it does are the hub's live facts, not the roster's. Stateless.
 */
public final class UnitRoster {

    private static final Map<String, UnitKind> KINDS = Map.ofEntries(
            Map.entry("社区民警", UnitKind.UNIT_KIND_COMMUNITY_OFFICER), Map.entry("民警", UnitKind.UNIT_KIND_COMMUNITY_OFFICER),
            Map.entry("community_officer", UnitKind.UNIT_KIND_COMMUNITY_OFFICER),
            Map.entry("辅警", UnitKind.UNIT_KIND_AUXILIARY_OFFICER), Map.entry("auxiliary_officer", UnitKind.UNIT_KIND_AUXILIARY_OFFICER),
            Map.entry("网格员", UnitKind.UNIT_KIND_GRID_WORKER), Map.entry("grid_worker", UnitKind.UNIT_KIND_GRID_WORKER),
            Map.entry("志愿者", UnitKind.UNIT_KIND_VOLUNTEER), Map.entry("volunteer", UnitKind.UNIT_KIND_VOLUNTEER),
            Map.entry("巡逻车", UnitKind.UNIT_KIND_PATROL_CAR), Map.entry("patrol_car", UnitKind.UNIT_KIND_PATROL_CAR),
            Map.entry("无人机", UnitKind.UNIT_KIND_DRONE), Map.entry("drone", UnitKind.UNIT_KIND_DRONE));

    private UnitRoster() {}

    public static ReadFile<Unit> read(String fileName, byte[] bytes, Function<String, Optional<String>> zoneId) {
        Tables.Table t = Tables.read(fileName, bytes);
        List<FileProblem> problems = new ArrayList<>(t.problems());
        List<Unit> items = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        if (t.header().cells().isEmpty()) {
            return new ReadFile<>(items, lines, problems, Sha256.of(bytes), t.encoding());
        }
        Columns cols = new Columns(t.header(), problems);
        int id = cols.find(true, "编号", "警号", "id");
        int name = cols.find(true, "姓名", "名称", "name");
        int kind = cols.find(true, "类别", "类型", "kind");
        int zone = cols.find(true, "警务区", "所属警务区", "zone", "zone_id");
        int callSign = cols.find(false, "呼号", "call_sign");
        if (id < 0 || name < 0 || kind < 0 || zone < 0) {
            return new ReadFile<>(items, lines, problems, Sha256.of(bytes), t.encoding());
        }
        Map<String, Integer> ids = new HashMap<>();
        for (Row r : t.rows()) {
            int before = problems.size();
            String unitId = cols.text(r, id, 64);
            if (unitId != null && ids.containsKey(unitId)) {
                cols.problem(r, id, ImportProblemCode.IMPORT_PROBLEM_CODE_DUPLICATE, cols.name(id), unitId,
                        Integer.toString(ids.get(unitId)));
            } else if (unitId != null) {
                ids.put(unitId, r.line());
            }
            String unitName = cols.text(r, name, 100);
            UnitKind k = KINDS.get(r.cell(kind).toLowerCase(Locale.ROOT));
            if (k == null) {
                cols.problem(r, kind, ImportProblemCode.IMPORT_PROBLEM_CODE_UNKNOWN_VALUE, cols.name(kind), r.cell(kind));
            }
            String zoneText = cols.text(r, zone, 100);
            String zoneFound = zoneText == null ? null : zoneId.apply(zoneText).orElse(null);
            if (zoneText != null && zoneFound == null) {
                cols.problem(r, zone, ImportProblemCode.IMPORT_PROBLEM_CODE_UNKNOWN_ZONE, zoneText);
            }
            String sign = cols.optional(r, callSign, 50);
            if (problems.size() > before) {
                continue;
            }
            items.add(Unit.newBuilder().setId(unitId).setName(unitName).setKind(k).setZoneId(zoneFound)
                    .setCallSign(sign).build());
            lines.add(r.line());
        }
        return new ReadFile<>(items, lines, problems, Sha256.of(bytes), t.encoding());
    }
}
