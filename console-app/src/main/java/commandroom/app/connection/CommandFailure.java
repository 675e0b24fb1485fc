package commandroom.app.connection;

import com.google.rpc.BadRequest;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * Why the hub refused or could not do something, in terms a view can show: a kind the view has a
 * message for, the field to blame (if any), and the hub's own words.
 */
public final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure; each has a message in the bundle ("failure.&lt;kind&gt;"). */
    public enum Kind { INVALID, NOT_FOUND, DENIED, CONFLICT, STALE, UNAVAILABLE, UNAUTHENTICATED, OTHER }

    private final Kind kind;
    private final String field;

    CommandFailure(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    static CommandFailure from(StatusRuntimeException e) {
        String field = "";
        var status = StatusProto.fromThrowable(e);
        if (status != null) {
            for (var any : status.getDetailsList()) {
                if (any.is(BadRequest.class)) {
                    try {
                        var br = any.unpack(BadRequest.class);
                        if (br.getFieldViolationsCount() > 0) {
                            field = br.getFieldViolations(0).getField();
                        }
                    } catch (com.google.protobuf.InvalidProtocolBufferException ignored) {
                        // Details that do not parse add nothing; the description stays.
                    }
                }
            }
        }
        Kind k = switch (e.getStatus().getCode()) {
            case INVALID_ARGUMENT -> Kind.INVALID;
            case NOT_FOUND -> Kind.NOT_FOUND;
            case PERMISSION_DENIED -> Kind.DENIED;
            case FAILED_PRECONDITION -> Kind.CONFLICT;
            case ABORTED -> Kind.STALE;
            case UNAVAILABLE, DEADLINE_EXCEEDED -> Kind.UNAVAILABLE;
            case UNAUTHENTICATED -> Kind.UNAUTHENTICATED;
            default -> Kind.OTHER;
        };
        return new CommandFailure(k, field, String.valueOf(e.getStatus().getDescription()));
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}
