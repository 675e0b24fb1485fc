package commandroom.server.store;

import commandroom.v1.Role;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The users table. Thread-safe. */
public final class UserStore {

    private final Database database;

    public UserStore(Database database) {
        this.database = database;
    }

    public Optional<UserRecord> find(String username) {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT username, display_name, role, unit_id, station_id, password_hash, disabled, sessions_valid_after"
                             + " FROM users WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(read(rs));
            }
        } catch (SQLException ex) {
            throw new StoreException("could not read user " + username, ex);
        }
    }

    /** Adds a user; the name must be free (callers look it up first, before hashing a password). */
    public void add(UserRecord user) {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO users (username, display_name, role, unit_id, station_id, password_hash,"
                             + " disabled) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, user.username());
            ps.setString(2, user.displayName());
            ps.setString(3, user.role().name());
            ps.setString(4, user.unitId());
            ps.setString(5, user.stationId());
            ps.setString(6, user.passwordHash());
            ps.setBoolean(7, user.disabled());
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new StoreException("could not add user " + user.username(), ex);
        }
    }

    /** Every user, by name. */
    public List<UserRecord> list() {
        List<UserRecord> out = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT username, display_name, role, unit_id, station_id, password_hash, disabled, sessions_valid_after"
                             + " FROM users ORDER BY username");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        } catch (SQLException ex) {
            throw new StoreException("could not list users", ex);
        }
        return out;
    }

    /*
     * Each change below also ends every session the user has (sessions_valid_after = now): tokens
     * issued before a role change carry no role, but a console built for the old role must log in
     * again; after a password change or a disable, a stolen refresh token must not work, and
     * re-enabling the account must not bring the old ones back.
     */

    /** Sets a user's role, ending the user's sessions; false if there is no such user. */
    public boolean setRole(String username, Role role, Instant now) {
        return update("UPDATE users SET role = ?, sessions_valid_after = ? WHERE username = ?", role.name(), now, username);
    }

    /** Sets a user's password hash, ending the user's sessions; false if there is no such user. */
    public boolean setPasswordHash(String username, String hash, Instant now) {
        return update("UPDATE users SET password_hash = ?, sessions_valid_after = ? WHERE username = ?", hash, now,
                username);
    }

    /** Disables (ending the user's sessions) or enables a user; false if there is no such user. */
    public boolean setDisabled(String username, boolean disabled, Instant now) {
        String sql = disabled ? "UPDATE users SET disabled = ?, sessions_valid_after = ? WHERE username = ?"
                : "UPDATE users SET disabled = ? WHERE username = ?";
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBoolean(1, disabled);
            if (disabled) {
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setString(3, username);
            } else {
                ps.setString(2, username);
            }
            return ps.executeUpdate() == 1;
        } catch (SQLException ex) {
            throw new StoreException("could not change user " + username, ex);
        }
    }

    /** True when no user exists (a restore goes only into an empty hub). */
    public boolean isEmpty() {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM users");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) == 0;
        } catch (SQLException ex) {
            throw new StoreException("could not count users", ex);
        }
    }

    private boolean update(String sql, String value, Instant now, String username) {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, username);
            return ps.executeUpdate() == 1;
        } catch (SQLException ex) {
            throw new StoreException("could not change user " + username, ex);
        }
    }

    private static UserRecord read(ResultSet rs) throws SQLException {
        return new UserRecord(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                nullToEmpty(rs.getString(4)), nullToEmpty(rs.getString(5)), rs.getString(6), rs.getBoolean(7),
                rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
