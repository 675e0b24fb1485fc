package commandroom.server.store;

import commandroom.v1.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The event log table. Appends a batch of events in one transaction (group commit) and reads
 * them back in order. Thread-safe: appends come from the log's single writer, reads from anyone.
 */
public final class EventStore {

    private static final String INSERT =
            "INSERT INTO events (seq, recorded_at, kind, actor, hash, body) VALUES (?, ?, ?, ?, ?, ?)";

    private final Database database;

    public EventStore(Database database) {
        this.database = database;
    }

    /** Writes the events and commits; when this returns, they are durable. */
    public void append(List<Event> events) {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (Event e : events) {
                    ps.setLong(1, e.getSequence());
                    ps.setTimestamp(2, Timestamp.from(
                            Instant.ofEpochSecond(e.getTime().getSeconds(), e.getTime().getNanos())));
                    ps.setString(3, e.getKindCase().name());
                    ps.setString(4, e.getActor().getUserId());
                    ps.setBytes(5, e.getHash().toByteArray());
                    ps.setBytes(6, e.toByteArray());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException ex) {
                c.rollback();
                throw ex;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException ex) {
            throw new StoreException("could not append " + events.size() + " events", ex);
        }
    }

    /** Reads events with sequence in [from, to] in order, at most limit of them. */
    public List<StoredEvent> read(long from, long to, int limit) {
        List<StoredEvent> out = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT seq, hash, body FROM events WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredEvent(rs.getLong(1), rs.getBytes(2), rs.getBytes(3)));
                }
            }
        } catch (SQLException ex) {
            throw new StoreException("could not read events from " + from, ex);
        }
        return out;
    }

    /** Streams every event from the start, in pages, to the consumer (start-up rebuild). */
    public void forEach(Consumer<StoredEvent> consumer) {
        long next = 1;
        while (true) {
            List<StoredEvent> page = read(next, Long.MAX_VALUE, 2000);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(consumer);
            next = page.get(page.size() - 1).sequence() + 1;
        }
    }

    /** The highest sequence stored, 0 when the log is empty. */
    public long lastSequence() {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM events");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException ex) {
            throw new StoreException("could not read the last sequence", ex);
        }
    }
}
