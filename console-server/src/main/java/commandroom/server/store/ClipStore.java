package commandroom.server.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Video clips (evidence), kept apart from the event log in chunks and keyed by their SHA-256, like
 * {@link ImageStore} keeps pictures: an upload writes each chunk as it arrives, so neither the hub
 * nor the database holds a clip whole; it becomes a clip only once its size and hash are checked,
 * before the event that names it. A reader gets the chunks one at a time. In the database, so the
 * hub's replicas and backups see the same clips. Thread-safe; an {@link Upload} is one caller's.
 */
public final class ClipStore {

    private static final String UNIQUE_VIOLATION = "23505";

    private final Database database;

    public ClipStore(Database database) {
        this.database = database;
    }

    /** Starts an upload; its chunks are kept under a key of their own until {@link Upload#finish}. */
    public Upload begin() {
        return new Upload("upload-" + UUID.randomUUID());
    }

    /** One clip being uploaded. Not thread-safe: one caller's, chunks in order. */
    public final class Upload {
        private final String key;
        private final MessageDigest digest;
        private long size;
        private int chunks;

        private Upload(String key) {
            this.key = key;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }

        public long size() {
            return size;
        }

        /** Keeps the next chunk. */
        public void append(byte[] data) {
            try (Connection c = database.dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("INSERT INTO clip_chunks (clip_key, seq, data) VALUES (?, ?, ?)")) {
                ps.setString(1, key);
                ps.setInt(2, chunks);
                ps.setBytes(3, data);
                ps.executeUpdate();
            } catch (SQLException ex) {
                throw new StoreException("could not keep a chunk of " + key, ex);
            }
            digest.update(data);
            size += data.length;
            chunks++;
        }

        /** The SHA-256 of what was appended; call once, after the last chunk. */
        public byte[] sha256() {
            return digest.digest();
        }

        /** Makes the chunks the clip of this hash (checked by the caller); a clip kept before stays as it is. */
        public void finish(byte[] sha256, String contentType, Instant now) {
            String hash = HexFormat.of().formatHex(sha256);
            try (Connection c = database.dataSource().getConnection()) {
                c.setAutoCommit(false);
                try {
                    if (exists(c, hash)) {
                        delete(c, key);
                    } else {
                        try (PreparedStatement ps = c.prepareStatement(
                                "INSERT INTO clips (sha256, content_type, size_bytes, chunks, stored_at) VALUES (?, ?, ?, ?, ?)")) {
                            ps.setString(1, hash);
                            ps.setString(2, contentType);
                            ps.setLong(3, size);
                            ps.setInt(4, chunks);
                            ps.setTimestamp(5, Timestamp.from(now));
                            ps.executeUpdate();
                        }
                        try (PreparedStatement ps = c.prepareStatement("UPDATE clip_chunks SET clip_key = ? WHERE clip_key = ?")) {
                            ps.setString(1, hash);
                            ps.setString(2, key);
                            ps.executeUpdate();
                        }
                    }
                    c.commit();
                } catch (SQLException ex) {
                    c.rollback();
                    // The same clip from two consoles at once: the other one kept it.
                    if (!UNIQUE_VIOLATION.equals(ex.getSQLState())) {
                        throw ex;
                    }
                    abort();
                }
            } catch (SQLException ex) {
                throw new StoreException("could not keep clip " + hash, ex);
            }
        }

        /** Drops what was appended (the upload failed or was refused). */
        public void abort() {
            try (Connection c = database.dataSource().getConnection()) {
                delete(c, key);
            } catch (SQLException ex) {
                throw new StoreException("could not drop upload " + key, ex);
            }
        }
    }

    /** Whether a clip of this hash is kept. */
    public boolean has(byte[] sha256) {
        try (Connection c = database.dataSource().getConnection()) {
            return exists(c, HexFormat.of().formatHex(sha256));
        } catch (SQLException ex) {
            throw new StoreException("could not look up a clip", ex);
        }
    }

    /** A kept clip as the backup lists it. */
    public record Kept(String sha256Hex, String contentType, long size, int chunks, Instant storedAt) {}

    /** Every kept clip (its description, not its bytes), in hash order. */
    public java.util.List<Kept> list() {
        java.util.List<Kept> out = new java.util.ArrayList<>();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT sha256, content_type, size_bytes, chunks, stored_at FROM clips ORDER BY sha256");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Kept(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                        rs.getTimestamp(5).toInstant()));
            }
        } catch (SQLException ex) {
            throw new StoreException("could not list clips", ex);
        }
        return out;
    }

    /** How many chunks a kept clip has; empty when it is not kept. */
    public java.util.OptionalInt chunks(byte[] sha256) {
        String hash = HexFormat.of().formatHex(sha256);
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT chunks FROM clips WHERE sha256 = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.OptionalInt.of(rs.getInt(1)) : java.util.OptionalInt.empty();
            }
        } catch (SQLException ex) {
            throw new StoreException("could not read clip " + hash, ex);
        }
    }

    /** One chunk of a kept clip: a reader takes them one at a time, as its caller can take them. */
    public byte[] chunk(byte[] sha256, int seq) {
        String hash = HexFormat.of().formatHex(sha256);
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT data FROM clip_chunks WHERE clip_key = ? AND seq = ?")) {
            ps.setString(1, hash);
            ps.setInt(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("clip " + hash + " lacks chunk " + seq, null);
                }
                return rs.getBytes(1);
            }
        } catch (SQLException ex) {
            throw new StoreException("could not read clip " + hash, ex);
        }
    }

    private static boolean exists(Connection c, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM clips WHERE sha256 = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void delete(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM clip_chunks WHERE clip_key = ?")) {
            ps.setString(1, key);
            ps.executeUpdate();
        }
    }
}
