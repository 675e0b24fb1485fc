package commandroom.server.testing;

import commandroom.server.store.Database;
import commandroom.server.store.EventStore;
import commandroom.v1.AccountActivity;
import commandroom.v1.Event;
import java.util.ArrayList;
import java.util.List;

/** Reads the account activity from a running H2 hub's log, straight from its database. For tests. */
public final class AuditLog {

    private AuditLog() {}

    /** The account activity in the hub's log, in order. */
    public static List<AccountActivity> accountActivity(TestHub hub) throws Exception {
        List<AccountActivity> out = new ArrayList<>();
        try (Database db = Database.openH2(hub.config().dataDir())) {
            new EventStore(db).forEach(stored -> {
                try {
                    Event e = Event.parseFrom(stored.body());
                    if (e.hasAccountActivity()) {
                        out.add(e.getAccountActivity());
                    }
                } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
                    throw new IllegalStateException(ex);
                }
            });
        }
        return out;
    }
}
