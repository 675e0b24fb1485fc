package commandroom.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on PostgreSQL for what the other replicas sharing the database say (LISTEN/NOTIFY):
 * that they appended events, or that a session was logged out. The log stays the truth; a
 * notification only says "look now". After (re)connecting the listener cannot know what it missed,
 * so it asks for a full look ({@code resync}); every few quiet seconds it checks that its
 * connection is alive and asks for a look at the log too, in case a notification was lost.
 * Runs on its own daemon thread; the callbacks are called from it and must be quick.
 */
public final class ReplicaNotifications implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaNotifications.class);
    private static final int WAIT_MILLIS = 5000;

    private final Database database;
    private final String ownPrefix;
    private final Runnable eventsAppended;
    private final Consumer<String> sessionRevoked;
    private final Runnable resync;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param events         this replica's event store (its own word on appends is not passed on)
     * @param eventsAppended another replica appended events (or one may have)
     * @param sessionRevoked another replica logged out the session with this id
     * @param resync         the listener (re)connected: read what may have been missed
     */
    public ReplicaNotifications(Database database, EventStore events, Runnable eventsAppended,
            Consumer<String> sessionRevoked, Runnable resync) {
        this.database = database;
        this.ownPrefix = events.replicaId() + ":";
        this.eventsAppended = eventsAppended;
        this.sessionRevoked = sessionRevoked;
        this.resync = resync;
        this.thread = new Thread(this::run, "replica-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try (Connection c = database.dataSource().getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + EventStore.EVENTS_CHANNEL);
                    s.execute("LISTEN " + SettingsStore.SESSIONS_CHANNEL);
                }
                resync.run();
                listen(c);
            } catch (SQLException | RuntimeException ex) {
                if (running) {
                    LOG.warn("lost the database's notifications; listening again in 1 s", ex);
                    pause();
                }
            }
        }
    }

    private void listen(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
            PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
            if (notifications == null || notifications.length == 0) {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT 1");
                }
                eventsAppended.run();
                continue;
            }
            boolean events = false;
            for (PGNotification n : notifications) {
                if (EventStore.EVENTS_CHANNEL.equals(n.getName())) {
                    events |= !n.getParameter().startsWith(ownPrefix);
                } else if (SettingsStore.SESSIONS_CHANNEL.equals(n.getName())) {
                    sessionRevoked.accept(n.getParameter());
                }
            }
            if (events) {
                eventsAppended.run();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(WAIT_MILLIS + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
