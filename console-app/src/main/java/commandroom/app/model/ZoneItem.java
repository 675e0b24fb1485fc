package commandroom.app.model;

import java.util.List;

/** A police zone: id, name, the station it belongs to, and its outline (not closed). Immutable. */
public record ZoneItem(String id, String name, String stationId, List<GeoPoint> polygon) {

    public ZoneItem {
        polygon = List.copyOf(polygon);
    }
}
