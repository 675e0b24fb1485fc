package commandroom.server.api;

import commandroom.server.log.FanOut;
import commandroom.server.loop.Hub;
import io.grpc.StatusRuntimeException;

/**
 * Checks where a stream may start: from 1 to one past the last event. A replica may be asked for a
 * sequence another replica has just committed and it has not read yet (a client moving between
 * replicas): that is a fine place to start, so the store is asked and this replica told to read
 * it; the stream then waits for those events rather than refusing. Stateless.
 */
final class ResumePoint {

    private ResumePoint() {}

    /** Null if from is a place to start; otherwise the INVALID_ARGUMENT to answer. */
    static StatusRuntimeException refusal(long from, FanOut fanOut, Hub hub) {
        long head = fanOut.head();
        if (from > head + 1) {
            hub.catchUp();
            head = Math.max(head, fanOut.committedHead());
        }
        if (from < 1 || from > head + 1) {
            return new Violations().add("from_sequence", "must be within 1.." + (head + 1)).toExceptionNow();
        }
        return null;
    }
}
