package commandroom.sim.dispatch;

import commandroom.sim.geo.GeoMath;
import commandroom.v1.Position;
import commandroom.v1.Priority;
import commandroom.v1.UnitKind;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Picks the unit to send: the quickest there by the hub's travel times over the roads (as the
 * console ranks them), or, without them, the nearest in a straight line.
 *
 * <p>Rules, in order: off-duty units and units with no known position are never sent; the
 * drone only goes to urgent incidents; units with fewer open tasks come first (an available
 * unit beats a busy one however near the busy one is, but when all are busy the least loaded
 * still gets the job, as a shift leader would queue it); then the quickest (or nearest); ties go to the
 * smaller id, so that the choice is reproducible. Stateless and thread-safe.
 */
public final class NearestUnitChooser {
    private NearestUnitChooser() {
    }

    /** A unit as the dispatcher sees it. */
    public record Candidate(String unitId, UnitKind kind, Position position, boolean offDuty, int openTasks) {
    }

    /**
     * @param candidates the units of the station
     * @param place where the incident is
     * @param priority the incident's priority
     * @return the unit to send, or empty when no unit may go
     */
    public static Optional<Candidate> choose(Collection<Candidate> candidates, Position place, Priority priority) {
        return choose(candidates, priority, c -> GeoMath.distanceMetres(c.position(), place));
    }

    /**
     * @param cost what "nearest" means: seconds to the place by road, or metres in a straight line
     */
    public static Optional<Candidate> choose(Collection<Candidate> candidates, Priority priority,
                                             java.util.function.ToDoubleFunction<Candidate> cost) {
        return mayGo(candidates, priority).stream()
                .min(Comparator.comparingInt(Candidate::openTasks)
                        .thenComparingDouble(cost)
                        .thenComparing(Candidate::unitId));
    }

    /** The units that may be sent at all: on duty, placed, and a drone only when urgent. */
    public static java.util.List<Candidate> mayGo(Collection<Candidate> candidates, Priority priority) {
        boolean urgent = priority == Priority.PRIORITY_URGENT;
        return candidates.stream()
                .filter(c -> !c.offDuty() && c.position() != null)
                .filter(c -> urgent || c.kind() != UnitKind.UNIT_KIND_DRONE)
                .toList();
    }
}
