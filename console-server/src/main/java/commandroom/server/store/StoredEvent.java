package commandroom.server.store;

/** One row of the event log as stored: its sequence, its chain hash and the serialized event. */
public record StoredEvent(long sequence, byte[] hash, byte[] body) {}
