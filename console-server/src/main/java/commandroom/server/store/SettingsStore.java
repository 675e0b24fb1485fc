package commandroom.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/** Small tables the hub keeps for itself: settings (the token key) and revoked sessions. */
public final class SettingsStore {

    private final Database database;

    public SettingsStore(Database database) {
        this.database = database;
    }

    /** The value of a setting, created with the supplier the first time it is asked for. */
    public synchronized String getOrCreate(String name, Supplier<String> initial) {
        try (Connection c = database.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM hub_settings WHERE setting_name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getString(1);
                    }
                }
            }
            String value = initial.get();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO hub_settings (setting_name, setting_value) VALUES (?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, value);
                ps.executeUpdate();
            }
            return value;
        } catch (SQLException ex) {
            throw new StoreException("could not read setting " + name, ex);
        }
    }

    public void revokeSession(String sessionId, Instant expiresAt) {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO revoked_sessions (session_id, expires_at) VALUES (?, ?)")) {
            ps.setString(1, sessionId);
            ps.setTimestamp(2, Timestamp.from(expiresAt));
            ps.executeUpdate();
        } catch (SQLException ex) {
            if (!"23505".equals(ex.getSQLState())) {
                throw new StoreException("could not revoke session", ex);
            }
        }
    }

    /** Sessions revoked and not yet expired. */
    public Set<String> revokedSessions(Instant now) {
        Set<String> out = new HashSet<>();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT session_id FROM revoked_sessions WHERE expires_at > ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException ex) {
            throw new StoreException("could not read revoked sessions", ex);
        }
        return out;
    }
}
