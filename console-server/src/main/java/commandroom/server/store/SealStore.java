package commandroom.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The chain_seals table: signed heads of the audit chain. Thread-safe. */
public final class SealStore {

    private static final String UNIQUE_VIOLATION = "23505";

    /** One signed head. */
    public record Seal(long sequence, byte[] hash, byte[] mac, Instant sealedAt) {}

    private final Database database;

    public SealStore(Database database) {
        this.database = database;
    }

    /** Keeps a seal; one for the same sequence kept before (another replica's) is left. */
    public void add(Seal s) {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO chain_seals (seq, hash, mac, sealed_at) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, s.sequence());
            ps.setBytes(2, s.hash());
            ps.setBytes(3, s.mac());
            ps.setTimestamp(4, Timestamp.from(s.sealedAt()));
            ps.executeUpdate();
        } catch (SQLException ex) {
            if (!UNIQUE_VIOLATION.equals(ex.getSQLState())) {
                throw new StoreException("could not keep a seal", ex);
            }
        }
    }

    /** Every seal, by sequence. */
    public List<Seal> all() {
        List<Seal> out = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT seq, hash, mac, sealed_at FROM chain_seals ORDER BY seq");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Seal(rs.getLong(1), rs.getBytes(2), rs.getBytes(3), rs.getTimestamp(4).toInstant()));
            }
        } catch (SQLException ex) {
            throw new StoreException("could not read seals", ex);
        }
        return out;
    }

    /** The highest sequence sealed, 0 if none. */
    public long lastSealed() {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM chain_seals");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException ex) {
            throw new StoreException("could not read seals", ex);
        }
    }
}
