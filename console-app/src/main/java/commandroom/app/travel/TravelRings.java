package commandroom.app.travel;

import commandroom.app.model.GeoPoint;
import java.util.List;

/**
 * The 1-3-5 minute rings of a place for one kind of unit: per time, the pieces of road from which
 * the place is reached in that time; a drone's are circles (straightMetres). Immutable.
 */
public record TravelRings(GeoPoint place, String kind, List<Ring> rings) {

    /** One time's ring. */
    public record Ring(int seconds, List<List<GeoPoint>> pieces, double straightMetres) {
        public Ring {
            pieces = List.copyOf(pieces);
        }
    }

    public TravelRings {
        rings = List.copyOf(rings);
    }

    /** Whether these are a drone's circles rather than roads. */
    public boolean flies() {
        return "DRONE".equals(kind);
    }
}
