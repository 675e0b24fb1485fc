package commandroom.geo.road;

import commandroom.geo.LatLon;
import commandroom.geo.Mover;

/** A unit to time: its id, its kind and where it is. Immutable. */
public record Traveller(String id, Mover kind, LatLon at) {}
