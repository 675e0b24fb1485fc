package commandroom.app.wall;

import java.util.ArrayList;
import java.util.List;

/**
 * How a wall is cut into tiles: even grids of 1 to 36, and one big tile with small ones around it
 * (1+5, 1+7, 1+12). Tiles are cells of a square grid, listed big one first, then row by row.
 * Saved with the workspace by {@link #id()}.
 */
public enum WallLayout {
    GRID_1("1", 1, 0), GRID_4("4", 2, 0), GRID_9("9", 3, 0), GRID_16("16", 4, 0), GRID_25("25", 5, 0),
    GRID_36("36", 6, 0), BIG_1_5("1+5", 3, 2), BIG_1_7("1+7", 4, 3), BIG_1_12("1+12", 4, 2);

    /** One tile: column, row and span, in cells of the layout's grid. */
    public record Cell(int column, int row, int span) {}

    private final String id;
    private final int grid;
    private final int bigSpan;

    WallLayout(String id, int grid, int bigSpan) {
        this.id = id;
        this.grid = grid;
        this.bigSpan = bigSpan;
    }

    public String id() {
        return id;
    }

    /** Cells per side of the layout's grid. */
    public int grid() {
        return grid;
    }

    /** The tiles, the big one (if any) first. */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        if (bigSpan > 0) {
            cells.add(new Cell(0, 0, bigSpan));
        }
        for (int row = 0; row < grid; row++) {
            for (int column = 0; column < grid; column++) {
                if (column >= bigSpan || row >= bigSpan) {
                    cells.add(new Cell(column, row, 1));
                }
            }
        }
        return cells;
    }

    public int tiles() {
        return cells().size();
    }

    /** The layout saved under an id, or the 4-tile grid for one it does not know. */
    public static WallLayout of(String id) {
        for (WallLayout l : values()) {
            if (l.id.equals(id)) {
                return l;
            }
        }
        return GRID_4;
    }
}
