package commandroom.server.address;

import commandroom.v1.ImportProblem;
import commandroom.v1.ImportProblemCode;
import commandroom.v1.Position;
import commandroom.v1.StandardAddress;
import commandroom.v1.Zone;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An import of the standard addresses compared with the book: which rows are new, changed, as
 * they are, and (for the whole book) which addresses it leaves out; every row checked (its code,
 * its text, a position in the county, its zone, or the zone its position is in). Stateless.
 */
public final class AddressImport {

    /** Most problems listed (the count says how many there are). */
    static final int PROBLEMS_LISTED = 1000;

    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}._:-]{1,64}");
    private static final double COUNTY_MARGIN_DEGREES = 0.05;

    /** What an import changes; problems listed up to {@link #PROBLEMS_LISTED}, counted in problemCount. */
    public record Plan(List<StandardAddress> added, List<StandardAddress> changed, List<String> removed, int unchanged,
                       List<ImportProblem> problems, int problemCount) {}

    private AddressImport() {}

    public static Plan plan(List<StandardAddress> rows, List<StandardAddress> book, Collection<Zone> zones,
                            boolean wholeBook) {
        Map<String, StandardAddress> current = new HashMap<>();
        book.forEach(a -> current.put(a.getId(), a));
        ZoneFinder finder = new ZoneFinder(zones);
        List<StandardAddress> added = new ArrayList<>();
        List<StandardAddress> changed = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        int[] problemCount = {0};
        int unchanged = 0;
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            StandardAddress a = rows.get(i);
            int before = problemCount[0];
            if (!ID.matcher(a.getId()).matches()) {
                add(problems, problemCount, i, a, "id", ImportProblemCode.IMPORT_PROBLEM_CODE_UNKNOWN_VALUE, "id: 1..64 letters, digits or . _ : -", "id", a.getId());
            } else if (seen.containsKey(a.getId())) {
                add(problems, problemCount, i, a, "id", ImportProblemCode.IMPORT_PROBLEM_CODE_DUPLICATE,
                        "id: repeated (as item " + seen.get(a.getId()) + ")", "id", a.getId(), Integer.toString(seen.get(a.getId())));
            } else {
                seen.put(a.getId(), i);
            }
            if (a.getText().isBlank()) {
                add(problems, problemCount, i, a, "text", ImportProblemCode.IMPORT_PROBLEM_CODE_MISSING, "text: required", "text");
            } else if (a.getText().codePointCount(0, a.getText().length()) > 200) {
                add(problems, problemCount, i, a, "text", ImportProblemCode.IMPORT_PROBLEM_CODE_TOO_LONG, "text: longer than 200", "text", "200");
            }
            Position p = a.getPosition();
            String zone = a.getZoneId();
            if (!finder.inCounty(p)) {
                add(problems, problemCount, i, a, "position", ImportProblemCode.IMPORT_PROBLEM_CODE_OUTSIDE_COUNTY,
                        "position: far outside the county's zones");
            } else if (zone.isEmpty()) {
                zone = finder.zoneAt(p);
                if (zone.isEmpty()) {
                    add(problems, problemCount, i, a, "zone_id", ImportProblemCode.IMPORT_PROBLEM_CODE_NOT_IN_ANY_ZONE,
                            "zone_id: empty, and the position is in no zone");
                }
            } else if (!finder.has(zone)) {
                add(problems, problemCount, i, a, "zone_id", ImportProblemCode.IMPORT_PROBLEM_CODE_UNKNOWN_ZONE,
                        "zone_id: zone " + zone + " does not exist", zone);
            }
            if (problemCount[0] > before) {
                continue;
            }
            StandardAddress row = a.toBuilder().setZoneId(zone).build();
            StandardAddress old = current.get(row.getId());
            if (old == null) {
                added.add(row);
            } else if (old.equals(row)) {
                unchanged++;
            } else {
                changed.add(row);
            }
        }
        List<String> removed = new ArrayList<>();
        if (wholeBook) {
            Set<String> listed = new HashSet<>(seen.keySet());
            book.stream().map(StandardAddress::getId).filter(id -> !listed.contains(id)).forEach(removed::add);
        }
        return new Plan(added, changed, removed, unchanged, problems, problemCount[0]);
    }

    private static void add(List<ImportProblem> out, int[] count, int index, StandardAddress a, String field,
                            ImportProblemCode code, String reason, String... args) {
        count[0]++;
        if (out.size() < PROBLEMS_LISTED) {
            out.add(ImportProblem.newBuilder().setIndex(index).setId(a.getId()).setField(field).setCode(code)
                    .setReason(reason).addAllArgs(List.of(args)).build());
        }
    }

    /** Zones by their bounding boxes first: 200,000 addresses against the zones in a fraction of a second. */
    private static final class ZoneFinder {
        private final List<Zone> zones;
        private final double[][] boxes;
        private final double[] county = {90, 180, -90, -180};

        ZoneFinder(Collection<Zone> zones) {
            this.zones = List.copyOf(zones);
            boxes = new double[this.zones.size()][];
            for (int i = 0; i < this.zones.size(); i++) {
                double[] b = {90, 180, -90, -180};
                for (Position p : this.zones.get(i).getPolygonList()) {
                    b[0] = Math.min(b[0], p.getLatitude());
                    b[1] = Math.min(b[1], p.getLongitude());
                    b[2] = Math.max(b[2], p.getLatitude());
                    b[3] = Math.max(b[3], p.getLongitude());
                }
                boxes[i] = b;
                county[0] = Math.min(county[0], b[0]);
                county[1] = Math.min(county[1], b[1]);
                county[2] = Math.max(county[2], b[2]);
                county[3] = Math.max(county[3], b[3]);
            }
        }

        boolean has(String id) {
            return zones.stream().anyMatch(z -> z.getId().equals(id));
        }

        boolean inCounty(Position p) {
            if (zones.isEmpty()) {
                return p.getLatitude() != 0 || p.getLongitude() != 0;
            }
            return p.getLatitude() >= county[0] - COUNTY_MARGIN_DEGREES && p.getLatitude() <= county[2] + COUNTY_MARGIN_DEGREES
                    && p.getLongitude() >= county[1] - COUNTY_MARGIN_DEGREES
                    && p.getLongitude() <= county[3] + COUNTY_MARGIN_DEGREES;
        }

        String zoneAt(Position p) {
            for (int i = 0; i < zones.size(); i++) {
                double[] b = boxes[i];
                if (p.getLatitude() >= b[0] && p.getLatitude() <= b[2] && p.getLongitude() >= b[1] && p.getLongitude() <= b[3]
                        && commandroom.server.loop.Geo.zoneAt(List.of(zones.get(i)), p).isPresent()) {
                    return zones.get(i).getId();
                }
            }
            return "";
        }
    }
}
