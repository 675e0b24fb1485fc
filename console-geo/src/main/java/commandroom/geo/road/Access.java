package commandroom.geo.road;

import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import commandroom.geo.Earth;

/**
 * Where a place meets the road network for one kind of unit: the nearest edge it may use, how far
 * along it (0 at the edge's base node, 1 at its adjacent node), how far off it, in metres, and the
 * point of the road it meets.
 * Immutable.
 */
record Access(int edge, double along, double offMetres, double roadLat, double roadLon) {

    /** The access of a GraphHopper snap; null if it found no edge. */
    static Access of(Snap snap, double lat, double lon, int[] storedBase) {
        if (!snap.isValid()) {
            return null;
        }
        EdgeIteratorState e = snap.getClosestEdge();
        // The snap's edge may be oriented either way; measure along the stored direction.
        PointList pts = e.fetchWayGeometry(FetchMode.ALL);
        double total = 0;
        double upTo = 0;
        int wayIndex = snap.getWayIndex();
        double sLat = snap.getSnappedPoint().getLat();
        double sLon = snap.getSnappedPoint().getLon();
        for (int i = 0; i + 1 < pts.size(); i++) {
            double seg = Earth.metres(pts.getLat(i), pts.getLon(i), pts.getLat(i + 1), pts.getLon(i + 1));
            if (i < wayIndex) {
                upTo += seg;
            }
            total += seg;
        }
        if (wayIndex < pts.size()) {
            upTo += Earth.metres(pts.getLat(wayIndex), pts.getLon(wayIndex), sLat, sLon);
        }
        double along = total <= 0 ? 0 : Math.max(0, Math.min(1, upTo / total));
        if (e.getBaseNode() != storedBase[e.getEdge()]) {
            along = 1 - along;
        }
        return new Access(e.getEdge(), along, Earth.metres(lat, lon, sLat, sLon), sLat, sLon);
    }
}
