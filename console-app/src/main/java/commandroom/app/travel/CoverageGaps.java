package commandroom.app.travel;

import java.util.List;

/**
 * Where no available unit reaches in time, as the hub worked it out over the roads: the county's
 * cells nobody reaches, how many cells there are, and the share reached. Immutable.
 */
public record CoverageGaps(List<Cell> gaps, int cells, double coveredShare) {

    /** A cell's bounds in degrees (WGS-84). */
    public record Cell(double south, double west, double north, double east) {}

    public CoverageGaps {
        gaps = List.copyOf(gaps);
    }
}
