package commandroom.sim.terminal;

import commandroom.sim.geo.GeoMath;
import commandroom.v1.Position;
import commandroom.v1.UnitKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A unit's journey to a place: a route of waypoints walked at a constant speed, advanced one
 * tick at a time. Normally the hub's route over the roads at the pace of its time ({@link #along});
 * without one, ground units take an L-shaped route (east-west first, then north-south) at their
 * street speed, and the drone flies straight.
 *
 * <p>Not thread-safe: a terminal confines its journey to its serial executor.
 */
public final class Travel {
    private final List<Position> waypoints;
    private final double nominalSpeedMps;
    private final double simulatedSpeedMps;
    private Position position;
    private int next;
    private double heading;

    /** Where a unit is after one tick, and how it moves. */
    public record Step(Position position, double headingDegrees, double speedMps, boolean arrived) {
    }

    /**
     * @param from the start
     * @param waypoints the places to pass, the last being the destination
     * @param nominalSpeedMps the unit's real-world speed, as reported to the hub
     * @param speedFactor how much faster than real time the simulation runs (1 = real time)
     */
    public Travel(Position from, List<Position> waypoints, double nominalSpeedMps, double speedFactor) {
        if (waypoints.isEmpty() || nominalSpeedMps <= 0 || speedFactor <= 0) {
            throw new IllegalArgumentException("need a destination and positive speeds");
        }
        this.position = from;
        this.waypoints = List.copyOf(waypoints);
        this.nominalSpeedMps = nominalSpeedMps;
        this.simulatedSpeedMps = nominalSpeedMps * speedFactor;
        this.heading = GeoMath.bearingDegrees(from, waypoints.get(0));
    }

    /**
     * A journey along the hub's route: its line (the start left out), at the pace that makes it
     * take the route's time, so the unit arrives when the console said it would.
     */
    public static Travel along(commandroom.v1.PlanRouteReply route, Position from, double speedFactor) {
        List<Position> line = route.getLineList();
        List<Position> waypoints = new ArrayList<>(line.subList(line.isEmpty() ? 0 : 1, line.size()));
        if (waypoints.isEmpty()) {
            waypoints.add(from);
        }
        double pace = route.getSeconds() > 0 && route.getMetres() > 0 ? route.getMetres() / route.getSeconds() : 1;
        return new Travel(from, waypoints, pace, speedFactor);
    }

    /** Plans a journey for a kind of unit from one place to another without the hub's roads. */
    public static Travel plan(UnitKind kind, Position from, Position to, double speedFactor) {
        return new Travel(from, route(kind, from, to), UnitSpeeds.metresPerSecond(kind), speedFactor);
    }

    /** The waypoints from one place to another for a kind of unit (the start not included). */
    public static List<Position> route(UnitKind kind, Position from, Position to) {
        List<Position> route = new ArrayList<>(2);
        if (!UnitSpeeds.fliesStraight(kind)) {
            Position corner = GeoMath.position(from.getLatitude(), to.getLongitude());
            if (GeoMath.distanceMetres(from, corner) > 1 && GeoMath.distanceMetres(corner, to) > 1) {
                route.add(corner);
            }
        }
        route.add(to);
        return route;
    }

    /** Length of the rest of the route, in metres. */
    public double remainingMetres() {
        double metres = 0;
        Position at = position;
        for (int i = next; i < waypoints.size(); i++) {
            metres += GeoMath.distanceMetres(at, waypoints.get(i));
            at = waypoints.get(i);
        }
        return metres;
    }

    /** The destination. */
    public Position destination() {
        return waypoints.get(waypoints.size() - 1);
    }

    /**
     * Moves on for a span of (real) time.
     *
     * @param seconds real seconds since the last tick
     * @return where the unit is now; {@code arrived} once it reached the destination
     */
    public Step advance(double seconds) {
        double budget = simulatedSpeedMps * Math.max(0, seconds);
        while (next < waypoints.size()) {
            Position target = waypoints.get(next);
            double toTarget = GeoMath.distanceMetres(position, target);
            if (toTarget > 0.01) {
                heading = GeoMath.bearingDegrees(position, target);
            }
            if (toTarget > budget) {
                position = GeoMath.moveToward(position, target, budget);
                return new Step(position, heading, nominalSpeedMps, false);
            }
            budget -= toTarget;
            position = target;
            next++;
        }
        return new Step(position, heading, 0, true);
    }
}
