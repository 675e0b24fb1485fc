package commandroom.app.model;

import java.util.List;

/** A road: id, name, class ("primary", "secondary", "residential", "path") and centre line. Immutable. */
public record RoadItem(String id, String name, String roadClass, List<GeoPoint> line) {

    public RoadItem {
        line = List.copyOf(line);
    }
}
