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

/** Small tables the hub keeps for itself: settings (e.g. that the demo made it) and revoked sessions. */
public final class SettingsStore {

    /** The PostgreSQL channel on which a replica says a session was logged out (payload: its id). */
    public static final String SESSIONS_CHANNEL = "commandroom_sessions";
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database database;

    public SettingsStore(Database database) {
        this.database = database;
    }

    /**
     * The value of a setting, created with the supplier the first time it is asked for. Replicas
     * starting together on an empty database may race to create it: the loser takes the winner's.
     */
    public synchronized String getOrCreate(String name, Supplier<String> initial) {
        try (Connection c = database.dataSource().getConnection()) {
            String existing = get(c, name);
            if (existing != null) {
                return existing;
            }
            String value = initial.get();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO hub_settings (setting_name, setting_value) VALUES (?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, value);
                ps.executeUpdate();
            } catch (SQLException ex) {
                if (UNIQUE_VIOLATION.equals(ex.getSQLState()) && get(c, name) != null) {
                    return get(c, name);
                }
                throw ex;
            }
            return value;
        } catch (SQLException ex) {
            throw new StoreException("could not read setting " + name, ex);
        }
    }

    /** Removes a setting (a secret that moved out of the database). */
    public void remove(String name) {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM hub_settings WHERE setting_name = ?")) {
            ps.setString(1, name);
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new StoreException("could not remove setting " + name, ex);
        }
    }

    /** The value of a setting, if it was ever made. */
    public java.util.Optional<String> find(String name) {
        try (Connection c = database.dataSource().getConnection()) {
            return java.util.Optional.ofNullable(get(c, name));
        } catch (SQLException ex) {
            throw new StoreException("could not read setting " + name, ex);
        }
    }

    private static String get(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM hub_settings WHERE setting_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Records a log-out; on PostgreSQL the other replicas are told at once (NOTIFY). */
    public void revokeSession(String sessionId, Instant expiresAt) {
        try (Connection c = database.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO revoked_sessions (session_id, expires_at) VALUES (?, ?)")) {
                ps.setString(1, sessionId);
                ps.setTimestamp(2, Timestamp.from(expiresAt));
                ps.executeUpdate();
            } catch (SQLException ex) {
                if (!UNIQUE_VIOLATION.equals(ex.getSQLState())) {
                    throw ex;
                }
            }
            if (database.isPostgres()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                    ps.setString(1, SESSIONS_CHANNEL);
                    ps.setString(2, sessionId);
                    ps.executeQuery().close();
                }
            }
        } catch (SQLException ex) {
            throw new StoreException("could not revoke session", ex);
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
