package commandroom.app.map.basemap;

import commandroom.app.map.tiles.TileKey;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Writes an MBTiles 1.3 file (SQLite: a metadata table and the tiles, rows counted from the south)
 * in one transaction. Not thread-safe.
 */
final class MbTilesWriter implements AutoCloseable {

    private final Connection connection;
    private final PreparedStatement insert;

    MbTilesWriter(Path file, Map<String, String> metadata) throws IOException {
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE metadata (name TEXT, value TEXT)");
                s.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
                s.execute("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)");
            }
            try (PreparedStatement m = connection.prepareStatement("INSERT INTO metadata VALUES (?, ?)")) {
                for (var e : metadata.entrySet()) {
                    m.setString(1, e.getKey());
                    m.setString(2, e.getValue());
                    m.addBatch();
                }
                m.executeBatch();
            }
            insert = connection.prepareStatement("INSERT INTO tiles VALUES (?, ?, ?, ?)");
        } catch (SQLException e) {
            throw new IOException("cannot write MBTiles " + file, e);
        }
    }

    void add(TileKey key, byte[] image) throws IOException {
        try {
            insert.setInt(1, key.z());
            insert.setInt(2, key.x());
            insert.setInt(3, key.tmsRow());
            insert.setBytes(4, image);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("cannot write tile " + key, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            connection.commit();
            connection.close();
        } catch (SQLException e) {
            throw new IOException("cannot finish MBTiles", e);
        }
    }
}
