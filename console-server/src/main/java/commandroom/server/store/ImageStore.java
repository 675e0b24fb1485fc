package commandroom.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Image bytes (feedback photos, evidence), kept apart from the event log and keyed by their
 * SHA-256: the events name an image by hash, and a reader fetches the bytes when it shows them.
 * Written before the event that names the image, so an acknowledged event's image is always here.
 * Thread-safe.
 */
public final class ImageStore {

    private static final String UNIQUE_VIOLATION = "23505";

    private final Database database;

    public ImageStore(Database database) {
        this.database = database;
    }

    /** Keeps an image; the same bytes kept before are left as they are. */
    public void put(byte[] sha256, String contentType, byte[] data, Instant now) {
        String key = HexFormat.of().formatHex(sha256);
        try (Connection c = database.dataSource().getConnection()) {
            if (exists(c, key)) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO images (sha256, content_type, size_bytes, stored_at, data) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, key);
                ps.setString(2, contentType);
                ps.setInt(3, data.length);
                ps.setTimestamp(4, Timestamp.from(now));
                ps.setBytes(5, data);
                ps.executeUpdate();
            } catch (SQLException ex) {
                // Two requests with the same picture at once: the other one kept it.
                if (!UNIQUE_VIOLATION.equals(ex.getSQLState()) && !exists(c, key)) {
                    throw ex;
                }
            }
        } catch (SQLException ex) {
            throw new StoreException("could not keep image " + key, ex);
        }
    }

    /** The bytes of an image kept here, if it is. */
    public Optional<byte[]> get(byte[] sha256) {
        String key = HexFormat.of().formatHex(sha256);
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT data FROM images WHERE sha256 = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException ex) {
            throw new StoreException("could not read image " + key, ex);
        }
    }

    /** One image as kept: for backups. */
    public record Kept(String sha256Hex, String contentType, byte[] data, Instant storedAt) {}

    /** Every image, one at a time in hash order (a backup must not hold them all in memory). */
    public void forEach(java.util.function.Consumer<Kept> consumer) {
        String after = "";
        while (true) {
            Kept next;
            try (Connection c = database.dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT sha256, content_type, data, stored_at FROM images"
                         + " WHERE sha256 > ? ORDER BY sha256 LIMIT 1")) {
                ps.setString(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                    next = new Kept(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getTimestamp(4).toInstant());
                }
            } catch (SQLException ex) {
                throw new StoreException("could not read images", ex);
            }
            consumer.accept(next);
            after = next.sha256Hex();
        }
    }

    private static boolean exists(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM images WHERE sha256 = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
