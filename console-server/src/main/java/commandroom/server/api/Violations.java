package commandroom.server.api;

import com.google.protobuf.Any;
import com.google.protobuf.ProtocolMessageEnum;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import commandroom.v1.Position;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what is wrong with a request, field by field, and turns it into INVALID_ARGUMENT with a
 * google.rpc.BadRequest a person can read. One instance per request; not thread-safe.
 */
final class Violations {

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9._-]+");
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[\\x21-\\x7e]*");

    private final List<BadRequest.FieldViolation> list = new ArrayList<>();

    Violations add(String field, String description) {
        list.add(BadRequest.FieldViolation.newBuilder().setField(field).setDescription(description).build());
        return this;
    }

    /** A string of min..max characters (code points); min 0 allows empty. */
    Violations text(String field, String value, int min, int max) {
        int n = value.codePointCount(0, value.length());
        if (n < min) {
            add(field, min == 1 ? "is required" : "must have at least " + min + " characters");
        } else if (n > max) {
            add(field, "must have at most " + max + " characters, has " + n);
        } else if (value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
            add(field, "must not contain control characters");
        }
        return this;
    }

    /** An id: required, at most 64 characters of letters, digits, '-', '_' and '.'. */
    Violations id(String field, String value) {
        if (value.isEmpty()) {
            add(field, "is required");
        } else if (value.length() > 64 || !ID.matcher(value).matches()) {
            add(field, "is not a valid id");
        }
        return this;
    }

    /** An optional idempotency key: at most 128 printable ASCII characters. */
    Violations key(String field, String value) {
        if (value.length() > 128 || !KEY.matcher(value).matches()) {
            add(field, "must be at most 128 printable ASCII characters");
        }
        return this;
    }

    /** An enum value that is set and known to this hub. */
    Violations known(String field, ProtocolMessageEnum value) {
        if (unrecognized(value)) {
            add(field, "has an unknown value");
        } else if (value.getNumber() == 0) {
            add(field, "is required");
        }
        return this;
    }

    /** An optional enum value: unset (its _UNSPECIFIED) or known to this hub. */
    Violations knownOrUnset(String field, ProtocolMessageEnum value) {
        if (unrecognized(value)) {
            add(field, "has an unknown value");
        }
        return this;
    }

    /**
     * A list of enum values, each set and known, at most {@code most} of them: counted before it is
     * walked (four million statuses once took the hub 1.25 s to refuse).
     */
    Violations knownAll(String field, List<? extends ProtocolMessageEnum> values, int most) {
        if (values.size() > most) {
            return add(field, "may name at most " + most + ", has " + values.size());
        }
        for (int i = 0; i < values.size(); i++) {
            known(field + "[" + i + "]", values.get(i));
        }
        return this;
    }

    /** UNRECOGNIZED (a number this hub does not know) throws on getNumber(): test it first. */
    private static boolean unrecognized(ProtocolMessageEnum value) {
        return ((Enum<?>) value).name().equals("UNRECOGNIZED");
    }

    Violations position(String field, boolean present, Position p) {
        if (!present) {
            add(field, "is required");
        } else if (!(p.getLatitude() >= -90 && p.getLatitude() <= 90)) {
            add(field + ".latitude", "must be within -90..90");
        } else if (!(p.getLongitude() >= -180 && p.getLongitude() <= 180)) {
            add(field + ".longitude", "must be within -180..180");
        } else if (p.getLatitude() == 0 && p.getLongitude() == 0) {
            add(field, "is 0,0: a missing position, not a place");
        }
        return this;
    }

    /** 2000-01-01 and 2100-01-01 (epoch seconds): the hub's records and queries lie between. */
    static final long EARLIEST = 946_684_800L;
    static final long LATEST = 4_102_444_800L;

    /**
     * A point in time a request gives: within 2000..2100 and with valid nanos. Far-past,
     * far-future and overflowing timestamps once reached the figures' arithmetic and came back
     * INTERNAL.
     */
    Violations time(String field, com.google.protobuf.Timestamp t) {
        if (t.getNanos() < 0 || t.getNanos() > 999_999_999) {
            add(field + ".nanos", "must be within 0..999999999");
        } else if (t.getSeconds() < EARLIEST || t.getSeconds() >= LATEST) {
            add(field, "must be between 2000-01-01 and 2100-01-01");
        }
        return this;
    }

    Violations ids(String field, List<String> ids, int min, int max) {
        if (ids.size() < min) {
            add(field, "needs at least " + min);
        } else if (ids.size() > max) {
            add(field, "may have at most " + max + ", has " + ids.size());
        } else {
            for (int i = 0; i < ids.size(); i++) {
                id(field + "[" + i + "]", ids.get(i));
            }
            if (ids.stream().distinct().count() != ids.size()) {
                add(field, "must not repeat an id");
            }
        }
        return this;
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    void throwIfAny() {
        if (!list.isEmpty()) {
            throw toException(list);
        }
    }

    /** The violations so far as an INVALID_ARGUMENT exception (for streams answered with onError). */
    StatusRuntimeException toExceptionNow() {
        return toException(list);
    }

    /**
     * Reported at most: the status travels in the response's trailers, which HTTP/2 peers cap at a
     * few kilobytes; a list of thousands of bad rows made the whole answer fail (found by fuzzing).
     */
    static final int MOST_REPORTED = 20;

    static StatusRuntimeException toException(List<BadRequest.FieldViolation> all) {
        List<BadRequest.FieldViolation> violations = all.size() <= MOST_REPORTED ? all
                : new ArrayList<>(all.subList(0, MOST_REPORTED));
        if (all.size() > MOST_REPORTED) {
            violations.add(BadRequest.FieldViolation.newBuilder().setField("")
                    .setDescription("and " + (all.size() - MOST_REPORTED) + " more").build());
        }
        StringBuilder msg = new StringBuilder();
        for (var v : violations) {
            if (msg.length() > 0) {
                msg.append("; ");
            }
            msg.append(v.getField().isEmpty() ? "" : v.getField() + ": ").append(v.getDescription());
        }
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder().setCode(Code.INVALID_ARGUMENT_VALUE)
                .setMessage(msg.toString())
                .addDetails(Any.pack(BadRequest.newBuilder().addAllFieldViolations(violations).build())).build();
        return StatusProto.toStatusRuntimeException(status);
    }
}
