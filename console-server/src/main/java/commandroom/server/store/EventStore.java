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
 * them back in order. Thread-safe: appends come from each replica's single writer, reads from anyone.
 */
public final class EventStore {

    private static final String INSERT =
            "INSERT INTO events (seq, recorded_at, kind, actor, hash, body) VALUES (?, ?, ?, ?, ?, ?)";

    /** The PostgreSQL channel on which a replica says it appended events (payload: "replica id:last sequence"). */
    public static final String EVENTS_CHANNEL = "commandroom_events";

    private final Database database;
    /** Names this process's writes in its notifications, so that it does not answer its own. */
    private final String replicaId = java.util.UUID.randomUUID().toString();

    public EventStore(Database database) {
        this.database = database;
    }

    /** This replica's name in the notifications it sends ("id:last sequence"). */
    public String replicaId() {
        return replicaId;
    }

    /** Writes the events and commits; when this returns, they are durable. */
    public void append(List<Event> events) {
        try (Writer w = openWriter()) {
            w.append(events);
            w.commit();
        }
    }

    /**
     * Starts a write transaction on the log. On PostgreSQL it first takes the log's advisory lock,
     * so that replicas sharing the database write one after another: whoever holds the lock reads
     * what the others appended ({@link Writer#readAfter}), continues the chain from there, and
     * releases the lock only by committing or rolling back. Sequences therefore stay gap-free and
     * every committed prefix is visible whole.
     */
    public Writer openWriter() {
        try {
            return new Writer(database.dataSource().getConnection(), database.isPostgres(), replicaId);
        } catch (SQLException ex) {
            throw new StoreException("could not open a write transaction on the log", ex);
        }
    }

    /** One write transaction on the log; single-threaded. Closing it uncommitted rolls it back. */
    public static final class Writer implements AutoCloseable {
        /** Any constant: the one advisory lock the log's writers share. */
        private static final long LOG_LOCK = 0x636d64726f6f6dL;

        private final Connection c;
        private final boolean postgres;
        private final String replicaId;
        private long lastAppended;
        private boolean done;

        private Writer(Connection c, boolean postgres, String replicaId) throws SQLException {
            this.c = c;
            this.postgres = postgres;
            this.replicaId = replicaId;
            try {
                c.setAutoCommit(false);
                if (postgres) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                        ps.setLong(1, LOG_LOCK);
                        ps.executeQuery().close();
                    }
                }
            } catch (SQLException ex) {
                close();
                throw ex;
            }
        }

        /** Events committed after a sequence, in order: what other replicas appended. */
        public List<StoredEvent> readAfter(long sequence) {
            if (!postgres) {
                // An H2 file is held by one process: nobody else appends, so there is nothing to ask.
                return List.of();
            }
            try {
                return EventStore.read(c, sequence + 1, Long.MAX_VALUE, Integer.MAX_VALUE);
            } catch (SQLException ex) {
                throw new StoreException("could not read events after " + sequence, ex);
            }
        }

        /** Adds the events to the transaction. */
        public void append(List<Event> events) {
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
                    lastAppended = e.getSequence();
                }
                ps.executeBatch();
            } catch (SQLException ex) {
                throw new StoreException("could not append " + events.size() + " events", ex);
            }
        }

        /**
         * Commits; when this returns, the events are durable. On PostgreSQL the other replicas are
         * told (NOTIFY, delivered only on commit) so that they read the new events at once.
         */
        public void commit() {
            try {
                if (postgres && lastAppended > 0) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                        ps.setString(1, EVENTS_CHANNEL);
                        ps.setString(2, replicaId + ":" + lastAppended);
                        ps.executeQuery().close();
                    }
                }
                c.commit();
                done = true;
            } catch (SQLException ex) {
                throw new StoreException("could not commit events up to " + lastAppended, ex);
            }
        }

        @Override
        public void close() {
            try {
                if (!done) {
                    c.rollback();
                }
                c.setAutoCommit(true);
            } catch (SQLException ignored) {
                // The connection is broken; the pool will discard it. Nothing was committed.
            } finally {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // as above
                }
            }
        }
    }

    /** Reads events with sequence in [from, to] in order, at most limit of them. */
    public List<StoredEvent> read(long from, long to, int limit) {
        try (Connection c = database.dataSource().getConnection()) {
            return read(c, from, to, limit);
        } catch (SQLException ex) {
            throw new StoreException("could not read events from " + from, ex);
        }
    }

    private static List<StoredEvent> read(Connection c, long from, long to, int limit) throws SQLException {
        List<StoredEvent> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, hash, body FROM events WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredEvent(rs.getLong(1), rs.getBytes(2), rs.getBytes(3)));
                }
            }
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
