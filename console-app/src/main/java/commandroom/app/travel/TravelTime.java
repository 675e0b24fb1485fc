package commandroom.app.travel;

/**
 * A unit's time to a place, as the hub worked it out over the roads: seconds, the straight-line
 * distance beside it, and whether no road leads from the unit (then the time is the straight line
 * at a walking pace, and says so). Immutable.
 */
public record TravelTime(String unitId, double seconds, double straightMetres, boolean noRoad, boolean beyond) {

    public TravelTime(String unitId, double seconds, double straightMetres, boolean noRoad) {
        this(unitId, seconds, straightMetres, noRoad, false);
    }
}
