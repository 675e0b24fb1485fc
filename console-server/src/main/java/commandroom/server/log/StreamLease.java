package commandroom.server.log;

import io.grpc.Status;

/**
 * What keeps an event stream open: whose it is (streams are counted per owner) and whether it may
 * go on. The fan-out asks every second; a stream whose lease ends is closed with the status the
 * lease gives (a log-out, a disabled account, an expired token end the streams already open, not
 * only the calls that start after).
 */
public interface StreamLease {

    /** Whom the stream is counted against (a user name). */
    String owner();

    /** Null while the stream may go on; otherwise the status to end it with. Called often: cheap. */
    Status check();
}
