package commandroom.app.model;

/** A police zone: id and name (the map issue adds its polygon). Immutable. */
public record ZoneItem(String id, String name) {}
