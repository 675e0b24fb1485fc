package commandroom.geo.road;

import java.util.List;

/**
 * Where nobody reaches in time: the area's cells that no unit reaches, and how many cells the
 * area has. Immutable.
 */
public record Gaps(List<Cell> gaps, int cells) {

    /** A cell's bounds in degrees (WGS-84). */
    public record Cell(double south, double west, double north, double east) {}

    public Gaps {
        gaps = List.copyOf(gaps);
    }

    /** Share of the area's cells some unit reaches in time, 0–1 (1 with no cells). */
    public double coveredShare() {
        return cells == 0 ? 1 : 1 - (double) gaps.size() / cells;
    }
}
