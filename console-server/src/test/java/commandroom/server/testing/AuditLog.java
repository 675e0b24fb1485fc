package commandroom.server.testing;

import commandroom.server.store.Database;
import commandroom.server.store.EventStore;
import commandroom.v1.AccountActivity;
import commandroom.v1.Event;
import java.util.ArrayList;
import java.util.List;

/** Reads a running H2 hub's log (or its account activity), straight from its database. For tests. */
public final class AuditLog {

    private AuditLog() {}

    /** The account activity in the hub's log, in order. */
    public static List<AccountActivity> accountActivity(TestHub hub) throws Exception {
        return events(hub).stream().filter(Event::hasAccountActivity).map(Event::getAccountActivity).toList();
    }

    /** Every event in the hub's log, in order, as stored. */
    public static List<Event> events(TestHub hub) throws Exception {
        List<Event> out = new ArrayList<>();
        try (Database db = Database.openH2(hub.config().dataDir())) {
            new EventStore(db).forEach(stored -> {
                try {
                    out.add(Event.parseFrom(stored.body()));
                } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
                    throw new IllegalStateException(ex);
                }
            });
        }
        return out;
    }
}
