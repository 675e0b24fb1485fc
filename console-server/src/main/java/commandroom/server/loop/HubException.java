package commandroom.server.loop;

import io.grpc.Status;

/**
 * A request the hub refuses, with the status a client can act on and, when one field is to blame,
 * that field's name.
 */
public final class HubException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Status.Code code;
    private final String field;

    public HubException(Status.Code code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public static HubException notFound(String field, String what, String id) {
        return new HubException(Status.Code.NOT_FOUND, field, what + " " + id + " does not exist");
    }

    public static HubException precondition(String message) {
        return new HubException(Status.Code.FAILED_PRECONDITION, "", message);
    }

    public static HubException stale(String field, long expected, long actual) {
        return new HubException(Status.Code.ABORTED, field,
                "stale version: expected " + expected + " but it is " + actual + "; reload and retry");
    }

    public static HubException invalid(String field, String message) {
        return new HubException(Status.Code.INVALID_ARGUMENT, field, field + ": " + message);
    }

    public static HubException denied(String message) {
        return new HubException(Status.Code.PERMISSION_DENIED, "", message);
    }

    public Status.Code code() {
        return code;
    }

    /** The request field to blame, or "" if none. */
    public String field() {
        return field;
    }
}
