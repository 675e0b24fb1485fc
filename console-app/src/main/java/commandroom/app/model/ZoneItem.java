package commandroom.app.model;

/** A police zone: id, name and the station it belongs to (the map issue adds its polygon). Immutable. */
public record ZoneItem(String id, String name, String stationId) {}
