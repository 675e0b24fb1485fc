package commandroom.app.map.tiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Tiles from an MBTiles file (an SQLite database, rows counted from the south as TMS does), opened
 * read-only. The zoom range comes from the tiles actually present. Thread-safe (one connection,
 * reads serialised).
 */
public final class MbTilesSource implements TileSource {

    private final Path file;
    private final Connection connection;
    private final PreparedStatement tile;
    private final int minZoom;
    private final int maxZoom;
    private final boolean gcj02;

    /** Opens a file; gcj02 when its tiles are drawn in GCJ-02. Fails clearly if it is not MBTiles. */
    public MbTilesSource(Path file, boolean gcj02) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no MBTiles file at " + file);
        }
        this.file = file;
        this.gcj02 = gcj02;
        try {
            org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
            config.setReadOnly(true);
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            try (PreparedStatement range = connection.prepareStatement(
                    "SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles");
                 ResultSet rs = range.executeQuery()) {
                rs.next();
                minZoom = rs.getInt(1);
                maxZoom = rs.getInt(2);
                if (rs.wasNull()) {
                    throw new IOException(file + " holds no tiles");
                }
            }
            tile = connection.prepareStatement(
                    "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?");
        } catch (SQLException e) {
            throw new IOException(file + " is not an MBTiles file: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized byte[] read(TileKey key) throws IOException {
        try {
            tile.setInt(1, key.z());
            tile.setInt(2, key.x());
            tile.setInt(3, key.tmsRow());
            try (ResultSet rs = tile.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new IOException("could not read tile " + key + " from " + file, e);
        }
    }

    @Override
    public int minZoom() {
        return minZoom;
    }

    @Override
    public int maxZoom() {
        return maxZoom;
    }

    @Override
    public boolean gcj02() {
        return gcj02;
    }

    @Override
    public String describe() {
        return "MBTiles " + file;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Read-only: nothing to lose.
        }
    }
}
