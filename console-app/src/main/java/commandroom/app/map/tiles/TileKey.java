package commandroom.app.map.tiles;

/**
 * One tile of the Web Mercator pyramid, as XYZ sources name them: x east and y south from the
 * world's north-west corner, 2^z tiles a side.
 */
public record TileKey(int z, int x, int y) {

    public TileKey {
        int side = 1 << z;
        if (z < 0 || z > 24 || x < 0 || x >= side || y < 0 || y >= side) {
            throw new IllegalArgumentException("no tile " + z + "/" + x + "/" + y);
        }
    }

    /** The tile one level up that holds this one. */
    public TileKey parent() {
        return new TileKey(z - 1, x >> 1, y >> 1);
    }

    /** The row as MBTiles (TMS) counts it: from the south. */
    public int tmsRow() {
        return (1 << z) - 1 - y;
    }
}
