package commandroom.sim.dispatch;

import commandroom.sim.geo.GeoMath;
import commandroom.v1.Position;
import commandroom.v1.Priority;
import commandroom.v1.UnitKind;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Picks the unit to send: the nearest available one, in a straight line.
 *
 * <p>Rules, in order: off-duty units and units with no known position are never sent; the
 * drone only goes to urgent incidents; units with fewer open tasks come first (an available
 * unit beats a busy one however near the busy one is, but when all are busy the least loaded
 * still gets the job, as a shift leader would queue it); then the nearest; ties go to the
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
        boolean urgent = priority == Priority.PRIORITY_URGENT;
        return candidates.stream()
                .filter(c -> !c.offDuty() && c.position() != null)
                .filter(c -> urgent || c.kind() != UnitKind.UNIT_KIND_DRONE)
                .min(Comparator.comparingInt(Candidate::openTasks)
                        .thenComparingDouble(c -> GeoMath.distanceMetres(c.position(), place))
                        .thenComparing(Candidate::unitId));
    }
}
