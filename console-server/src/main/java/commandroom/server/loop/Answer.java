package commandroom.server.loop;

import com.google.protobuf.Message;
import commandroom.v1.Event;

/**
 * What a request with an idempotency key was first answered: the kind of event it made, the
 * entity (task or incident) right after it, and the event's sequence. Rebuilt with the state on
 * replay, so a retry after a crash gets the same answer too.
 */
public record Answer(Event.KindCase kind, Message entity, long sequence) {}
