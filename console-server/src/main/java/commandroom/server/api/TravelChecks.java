package commandroom.server.api;

import commandroom.v1.AreaRing;
import commandroom.v1.Position;
import commandroom.v1.TravelUnit;
import commandroom.v1.UnitKind;
import java.util.List;

/**
 * What a travel request must be before any search runs: positions on the earth, known kinds,
 * bounded lists (counted before they are walked), times and cell sizes in range. Each problem is
 * INVALID_ARGUMENT naming the field. One instance per request; not thread-safe.
 */
final class TravelChecks {

    private final Violations v = new Violations();

    TravelChecks position(String field, boolean present, Position p) {
        if (!present) {
            v.add(field, "is required");
        } else if (!(p.getLatitude() >= -90 && p.getLatitude() <= 90)) {
            v.add(field + ".latitude", "must be within -90..90");
        } else if (!(p.getLongitude() >= -180 && p.getLongitude() <= 180)) {
            v.add(field + ".longitude", "must be within -180..180");
        }
        return this;
    }

    TravelChecks kind(String field, UnitKind kind) {
        v.known(field, kind);
        return this;
    }

    TravelChecks units(String field, List<TravelUnit> units) {
        if (units.size() > TravelGrpcService.MOST_UNITS) {
            v.add(field, "may have at most " + TravelGrpcService.MOST_UNITS + ", has " + units.size());
            return this;
        }
        for (int i = 0; i < units.size(); i++) {
            TravelUnit u = units.get(i);
            String f = field + "[" + i + "]";
            v.text(f + ".unit_id", u.getUnitId(), 1, 64);
            kind(f + ".kind", u.getKind());
            position(f + ".position", u.hasPosition(), u.getPosition());
        }
        return this;
    }

    TravelChecks times(String field, List<Integer> seconds) {
        if (seconds.isEmpty() || seconds.size() > 5) {
            v.add(field, "must name 1 to 5 times, has " + seconds.size());
            return this;
        }
        for (int i = 0; i < seconds.size(); i++) {
            range(field + "[" + i + "]", seconds.get(i), 1, 3600);
        }
        return this;
    }

    TravelChecks area(String field, List<AreaRing> area) {
        if (area.isEmpty()) {
            v.add(field, "is required: at least one polygon");
            return this;
        }
        long points = area.stream().mapToLong(AreaRing::getPointsCount).sum();
        if (points > TravelGrpcService.MOST_AREA_POINTS) {
            v.add(field, "may have at most " + TravelGrpcService.MOST_AREA_POINTS + " points, has " + points);
            return this;
        }
        for (int i = 0; i < area.size(); i++) {
            List<Position> ring = area.get(i).getPointsList();
            if (ring.size() < 3) {
                v.add(field + "[" + i + "].points", "needs at least 3 corners, has " + ring.size());
            }
            for (int k = 0; k < ring.size(); k++) {
                position(field + "[" + i + "].points[" + k + "]", true, ring.get(k));
            }
        }
        return this;
    }

    /**
     * The cells an area cut at cellMetres would have, at most mostCells: a whole province at 10 m
     * would be billions of cells and hold the hub for hours (counted from the area's bounds before
     * any cell is made).
     */
    TravelChecks cells(String field, List<AreaRing> area, double cellMetres, long mostCells) {
        if (!v.isEmpty() || area.isEmpty() || !(cellMetres >= 10)) {
            return this;
        }
        double s = 90;
        double w = 180;
        double n = -90;
        double e = -180;
        for (AreaRing ring : area) {
            for (Position p : ring.getPointsList()) {
                s = Math.min(s, p.getLatitude());
                n = Math.max(n, p.getLatitude());
                w = Math.min(w, p.getLongitude());
                e = Math.max(e, p.getLongitude());
            }
        }
        double metresPerDegree = 111_195;
        double height = (n - s) * metresPerDegree;
        double width = (e - w) * metresPerDegree * Math.cos(Math.toRadians((s + n) / 2));
        double cells = Math.ceil(height / cellMetres) * Math.ceil(Math.abs(width) / cellMetres);
        if (cells > mostCells) {
            v.add(field, String.format(java.util.Locale.ROOT, "the area at %.0f m cells makes %.0f cells, at most %d:"
                    + " a larger cell or a smaller area", cellMetres, cells, mostCells));
        }
        return this;
    }

    TravelChecks range(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            v.add(field, "must be within " + fmt(min) + ".." + fmt(max) + ", is " + value);
        }
        return this;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    void throwIfAny() {
        v.throwIfAny();
    }
}
