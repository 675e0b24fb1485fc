package commandroom.server.store;

import commandroom.v1.Role;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
                     "SELECT username, display_name, role, unit_id, station_id, password_hash, disabled"
                             + " FROM users WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new UserRecord(rs.getString(1), rs.getString(2),
                        Role.valueOf(rs.getString(3)), nullToEmpty(rs.getString(4)),
                        nullToEmpty(rs.getString(5)), rs.getString(6), rs.getBoolean(7)));
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


    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
