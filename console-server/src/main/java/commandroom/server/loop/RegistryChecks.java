package commandroom.server.loop;

import commandroom.v1.Camera;
import commandroom.v1.ImportProblem;
import commandroom.v1.ImportProblemCode;
import commandroom.v1.Position;
import commandroom.v1.Unit;
import commandroom.v1.Zone;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the registry takes: each item checked on its own (lengths, codes, ranges) and against the
 * registry it would join (its zone exists, its national code is free, its polygon is one and does
 * not overlap a neighbour, its position is in the county). The same checks serve a single save
 * (the first problem refuses it) and an import (every problem is listed). Stateless.
 */
final class RegistryChecks {

    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}._:-]{1,64}");
    private static final Pattern NATIONAL_CODE = Pattern.compile("\\d{20}");
    private static final Pattern STREAM = Pattern.compile("(?i)(rtsp|rtsps|rtmp|http|https)://\\S{1,1000}");
    /** How far outside the zones' envelope a camera may stand (a camera on the county's edge looks in). */
    private static final double COUNTY_MARGIN_DEGREES = 0.05;

    /** The registry as the item would find it: the live zones (with the batch's), and the cameras by national code. */
    record View(Map<String, Zone> zones, Map<String, String> cameraByCode, java.util.Set<String> units) {}

    private RegistryChecks() {}

    static List<ImportProblem> zone(Zone z, int index, View v, Map<String, Unit> units) {
        List<ImportProblem> out = new ArrayList<>();
        id(z.getId(), index, out);
        text("name", z.getName(), 100, index, z.getId(), out);
        ZoneGeometry.problem(z.getPolygonList()).ifPresent(p -> out.add(problem(index, z.getId(), "polygon",
                ImportProblemCode.IMPORT_PROBLEM_CODE_BAD_GEOMETRY, "polygon: " + p, p)));
        for (Position p : z.getPolygonList()) {
            if (!position(p)) {
                out.add(problem(index, z.getId(), "polygon", ImportProblemCode.IMPORT_PROBLEM_CODE_OUT_OF_RANGE,
                        "polygon: a point is not a position", "polygon", p.getLatitude() + "," + p.getLongitude(),
                        "-90,-180", "90,180"));
                break;
            }
        }
        if (out.isEmpty()) {
            for (Zone other : v.zones().values()) {
                if (!other.getId().equals(z.getId())) {
                    double share = ZoneGeometry.overlap(z, other);
                    if (share > ZoneGeometry.OVERLAP_TOLERANCE) {
                        String pct = String.format(Locale.ROOT, "%.0f", share * 100);
                        out.add(problem(index, z.getId(), "polygon", ImportProblemCode.IMPORT_PROBLEM_CODE_ZONES_OVERLAP,
                                "polygon: overlaps zone " + other.getId() + " by " + pct + " %", other.getId(), pct));
                    }
                }
            }
        }
        if (!z.getCommunityOfficerUnitId().isEmpty() && !units.containsKey(z.getCommunityOfficerUnitId())) {
            out.add(problem(index, z.getId(), "community_officer_unit_id", ImportProblemCode.IMPORT_PROBLEM_CODE_UNKNOWN_VALUE,
                    "community_officer_unit_id: unit " + z.getCommunityOfficerUnitId() + " does not exist",
                    "community_officer_unit_id", z.getCommunityOfficerUnitId()));
        }
        var st = z.getStaffing();
        if (st.getCommunityOfficers() < 0 || st.getAuxiliaryOfficers() < 0 || st.getGridWorkers() < 0 || st.getVolunteers() < 0) {
            out.add(problem(index, z.getId(), "staffing", ImportProblemCode.IMPORT_PROBLEM_CODE_OUT_OF_RANGE,
                    "staffing: negative", "staffing", "<0", "0", "1000"));
        }
        return out;
    }

    static List<ImportProblem> unit(Unit u, int index, View v) {
        List<ImportProblem> out = new ArrayList<>();
        id(u.getId(), index, out);
        text("name", u.getName(), 100, index, u.getId(), out);
        if (u.getCallSign().length() > 50) {
            out.add(problem(index, u.getId(), "call_sign", ImportProblemCode.IMPORT_PROBLEM_CODE_TOO_LONG,
                    "call_sign: longer than 50 characters", "call_sign", "50"));
        }
        if (u.getKindValue() == 0 || u.getKind() == commandroom.v1.UnitKind.UNRECOGNIZED) {
            out.add(problem(index, u.getId(), "kind", ImportProblemCode.IMPORT_PROBLEM_CODE_UNKNOWN_VALUE,
                    "kind: required", "kind", Integer.toString(u.getKindValue())));
        }
        if (!v.zones().containsKey(u.getZoneId())) {
            out.add(problem(index, u.getId(), "zone_id", ImportProblemCode.IMPORT_PROBLEM_CODE_UNKNOWN_ZONE,
                    "zone_id: zone " + u.getZoneId() + " does not exist", u.getZoneId()));
        }
        if (u.hasPosition() && !position(u.getPosition())) {
            out.add(problem(index, u.getId(), "position", ImportProblemCode.IMPORT_PROBLEM_CODE_OUT_OF_RANGE,
                    "position: not a position", "position", u.getPosition().toString(), "-90,-180", "90,180"));
        }
        return out;
    }

    /** Checks a camera; returns it with its zone found from its position when it had none. */
    static List<ImportProblem> camera(Camera c, int index, View v, Camera[] withZone) {
        List<ImportProblem> out = new ArrayList<>();
        withZone[0] = c;
        id(c.getId(), index, out);
        text("name", c.getName(), 100, index, c.getId(), out);
        if (c.getKindValue() == 0 || c.getKind() == commandroom.v1.CameraKind.UNRECOGNIZED) {
            out.add(problem(index, c.getId(), "kind", ImportProblemCode.IMPORT_PROBLEM_CODE_UNKNOWN_VALUE,
                    "kind: required", "kind", Integer.toString(c.getKindValue())));
        }
        if (!c.getNationalCode().isEmpty()) {
            if (!NATIONAL_CODE.matcher(c.getNationalCode()).matches()) {
                out.add(problem(index, c.getId(), "national_code", ImportProblemCode.IMPORT_PROBLEM_CODE_BAD_NATIONAL_CODE,
                        "national_code: not 20 digits", c.getNationalCode()));
            } else {
                String holder = v.cameraByCode().get(c.getNationalCode());
                if (holder != null && !holder.equals(c.getId())) {
                    out.add(problem(index, c.getId(), "national_code", ImportProblemCode.IMPORT_PROBLEM_CODE_TAKEN,
                            "national_code: camera " + holder + " has it", c.getNationalCode(), holder));
                }
            }
        }
        if (!c.getUnitId().isEmpty() && !v.units().contains(c.getUnitId())) {
            out.add(problem(index, c.getId(), "unit_id", ImportProblemCode.IMPORT_PROBLEM_CODE_UNKNOWN_VALUE,
                    "unit_id: unit " + c.getUnitId() + " does not exist", "unit_id", c.getUnitId()));
        }
        for (String[] url : new String[][] {{"main_stream_url", c.getMainStreamUrl()}, {"sub_stream_url", c.getSubStreamUrl()}}) {
            if (!url[1].isEmpty() && !STREAM.matcher(url[1]).matches()) {
                out.add(problem(index, c.getId(), url[0], ImportProblemCode.IMPORT_PROBLEM_CODE_BAD_URL,
                        url[0] + ": not an rtsp, rtmp or http address", url[0], url[1]));
            }
        }
        var fov = c.getFieldOfView();
        if (!(fov.getDirectionDegrees() >= 0 && fov.getDirectionDegrees() <= 360 && fov.getAngleDegrees() >= 0
                && fov.getAngleDegrees() <= 360 && fov.getRangeMetres() >= 0 && fov.getRangeMetres() <= 5000)) {
            out.add(problem(index, c.getId(), "field_of_view", ImportProblemCode.IMPORT_PROBLEM_CODE_OUT_OF_RANGE,
                    "field_of_view: direction and angle 0..360, range 0..5000 m", "field_of_view", fov.toString(), "0", "360"));
        }
        if (!c.hasPosition() || !position(c.getPosition())) {
            out.add(problem(index, c.getId(), "position", ImportProblemCode.IMPORT_PROBLEM_CODE_MISSING,
                    "position: required", "position"));
            return out;
        }
        if (!inCounty(c.getPosition(), v.zones().values())) {
            out.add(problem(index, c.getId(), "position", ImportProblemCode.IMPORT_PROBLEM_CODE_OUTSIDE_COUNTY,
                    "position: far outside the county's zones"));
        } else if (c.getZoneId().isEmpty()) {
            Optional<Zone> z = Geo.zoneAt(v.zones().values(), c.getPosition());
            if (z.isEmpty()) {
                out.add(problem(index, c.getId(), "zone_id", ImportProblemCode.IMPORT_PROBLEM_CODE_NOT_IN_ANY_ZONE,
                        "zone_id: empty, and the position is in no zone"));
            } else {
                withZone[0] = c.toBuilder().setZoneId(z.get().getId()).build();
            }
        } else if (!v.zones().containsKey(c.getZoneId())) {
            out.add(problem(index, c.getId(), "zone_id", ImportProblemCode.IMPORT_PROBLEM_CODE_UNKNOWN_ZONE,
                    "zone_id: zone " + c.getZoneId() + " does not exist", c.getZoneId()));
        }
        return out;
    }

    private static boolean inCounty(Position p, Collection<Zone> zones) {
        if (zones.isEmpty()) {
            return true;
        }
        double minLat = 90;
        double maxLat = -90;
        double minLon = 180;
        double maxLon = -180;
        for (Zone z : zones) {
            for (Position q : z.getPolygonList()) {
                minLat = Math.min(minLat, q.getLatitude());
                maxLat = Math.max(maxLat, q.getLatitude());
                minLon = Math.min(minLon, q.getLongitude());
                maxLon = Math.max(maxLon, q.getLongitude());
            }
        }
        return p.getLatitude() >= minLat - COUNTY_MARGIN_DEGREES && p.getLatitude() <= maxLat + COUNTY_MARGIN_DEGREES
                && p.getLongitude() >= minLon - COUNTY_MARGIN_DEGREES && p.getLongitude() <= maxLon + COUNTY_MARGIN_DEGREES;
    }

    private static boolean position(Position p) {
        return p.getLatitude() >= -90 && p.getLatitude() <= 90 && p.getLongitude() >= -180 && p.getLongitude() <= 180
                && !(p.getLatitude() == 0 && p.getLongitude() == 0);
    }

    private static void id(String id, int index, List<ImportProblem> out) {
        if (!ID.matcher(id).matches()) {
            out.add(problem(index, id, "id", ImportProblemCode.IMPORT_PROBLEM_CODE_UNKNOWN_VALUE,
                    "id: 1..64 letters, digits or . _ : -", "id", id));
        }
    }

    private static void text(String field, String value, int max, int index, String id, List<ImportProblem> out) {
        if (value.isBlank()) {
            out.add(problem(index, id, field, ImportProblemCode.IMPORT_PROBLEM_CODE_MISSING, field + ": required", field));
        } else if (value.codePointCount(0, value.length()) > max) {
            out.add(problem(index, id, field, ImportProblemCode.IMPORT_PROBLEM_CODE_TOO_LONG,
                    field + ": longer than " + max + " characters", field, Integer.toString(max)));
        }
    }

    static ImportProblem problem(int index, String id, String field, ImportProblemCode code, String reason,
                                 String... args) {
        return ImportProblem.newBuilder().setIndex(index).setId(id).setField(field).setCode(code).setReason(reason)
                .addAllArgs(List.of(args)).build();
    }
}
