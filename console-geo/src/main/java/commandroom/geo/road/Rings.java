package commandroom.geo.road;

import commandroom.geo.LatLon;
import java.util.List;

/**
 * The 1-3-5 minute rings of a place for one kind: per time, the pieces of road from which the
 * place is reached in that time (a drone: no pieces, a circle of straightMetres). Immutable.
 */
public record Rings(List<Ring> rings) {

    /** One time's ring: the road pieces (polylines) within it, or a drone's radius. */
    public record Ring(int seconds, List<List<LatLon>> pieces, double straightMetres) {
        public Ring {
            pieces = List.copyOf(pieces);
        }

        /** Total length of the pieces, metres. */
        public double metres() {
            double m = 0;
            for (List<LatLon> p : pieces) {
                for (int i = 0; i + 1 < p.size(); i++) {
                    m += commandroom.geo.Earth.metres(p.get(i), p.get(i + 1));
                }
            }
            return m;
        }
    }

    public Rings {
        rings = List.copyOf(rings);
    }
}
