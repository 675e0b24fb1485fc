package commandroom.server.store;

import commandroom.v1.Position;
import commandroom.v1.StandardAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The standard addresses' book, a table of its own: read whole (the hub keeps it in memory for
 * type-ahead), and changed by an import in one transaction (rows added, changed, removed). Thread-safe.
 */
public final class AddressStore {

    private static final int BATCH = 1000;

    private final Database database;

    public AddressStore(Database database) {
        this.database = database;
    }

    /** Every address, in id order. */
    public List<StandardAddress> all() {
        List<StandardAddress> out = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT id, text, latitude, longitude, zone_id FROM addresses ORDER BY id")) {
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(StandardAddress.newBuilder().setId(rs.getString(1)).setText(rs.getString(2))
                            .setPosition(Position.newBuilder().setLatitude(rs.getDouble(3)).setLongitude(rs.getDouble(4)))
                            .setZoneId(rs.getString(5)).build());
                }
            }
        } catch (SQLException ex) {
            throw new StoreException("could not read the addresses", ex);
        }
        return out;
    }

    /** Writes an import: the new rows, the changed ones, and removes the ids given; all or nothing. */
    public void apply(Collection<StandardAddress> added, Collection<StandardAddress> changed, Collection<String> removed) {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                write(c, "INSERT INTO addresses (text, latitude, longitude, zone_id, id) VALUES (?, ?, ?, ?, ?)", added);
                write(c, "UPDATE addresses SET text = ?, latitude = ?, longitude = ?, zone_id = ? WHERE id = ?", changed);
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM addresses WHERE id = ?")) {
                    int n = 0;
                    for (String id : removed) {
                        ps.setString(1, id);
                        ps.addBatch();
                        if (++n % BATCH == 0) {
                            ps.executeBatch();
                        }
                    }
                    ps.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException ex) {
                c.rollback();
                throw ex;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException ex) {
            throw new StoreException("could not write the addresses", ex);
        }
    }

    private static void write(Connection c, String sql, Collection<StandardAddress> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = 0;
            for (StandardAddress a : rows) {
                ps.setString(1, a.getText());
                ps.setDouble(2, a.getPosition().getLatitude());
                ps.setDouble(3, a.getPosition().getLongitude());
                ps.setString(4, a.getZoneId());
                ps.setString(5, a.getId());
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }
}
