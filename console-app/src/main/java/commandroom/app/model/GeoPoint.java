package commandroom.app.model;

/** A position on the ground, WGS-84 degrees. Immutable. */
public record GeoPoint(double latitude, double longitude) {}
