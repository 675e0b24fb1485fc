package commandroom.app.connection;

import commandroom.app.model.ConnectionState;
import commandroom.v1.Event;
import commandroom.v1.Snapshot;

/** What the feed hands to the FX thread: a snapshot, an event, or a change of connection state. */
sealed interface FeedItem {
    record SnapshotItem(Snapshot snapshot) implements FeedItem {}
    record EventItem(Event event) implements FeedItem {}
    record StateItem(ConnectionState state) implements FeedItem {}
}
