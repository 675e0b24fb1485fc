package commandroom.server.cameras;

import commandroom.server.loop.HubException;
import commandroom.v1.Actor;
import commandroom.v1.PtzChange;
import commandroom.v1.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Who controls each PTZ camera: one user at a time, for a lease renewed by every command and lost
 * after {@link #LEASE} unused. The shift leader and the chief may take a camera over; a duty
 * officer waits. Held in memory: a restarted hub starts with every camera free. Thread-safe.
 */
final class PtzLeases {

    static final Duration LEASE = Duration.ofSeconds(30);

    /** A holder and until when. */
    record Lease(Actor holder, Instant until) {}

    /** What a claim or a release did: the lease after it, and the change to write (null: a renewal). */
    record Outcome(String cameraId, Lease lease, PtzChange change, Actor previous) {}

    private final Map<String, Lease> leases = new HashMap<>();

    /** The caller commands the camera: granted, renewed or taken over; refused while someone else holds it. */
    synchronized Outcome claim(String cameraId, Actor who, boolean takeOver, Instant now) {
        Lease held = leases.get(cameraId);
        Lease next = new Lease(who, now.plus(LEASE));
        if (held == null || !held.until().isAfter(now)) {
            leases.put(cameraId, next);
            return new Outcome(cameraId, next, PtzChange.PTZ_CHANGE_GRANTED, held == null ? null : held.holder());
        }
        if (held.holder().getUserId().equals(who.getUserId())) {
            leases.put(cameraId, next);
            return new Outcome(cameraId, next, null, null);
        }
        if (!takeOver) {
            throw HubException.precondition("camera " + cameraId + " is controlled by " + held.holder().getDisplayName()
                    + " (" + held.holder().getUserId() + ") until " + held.until());
        }
        if (who.getRole() != Role.ROLE_SHIFT_LEADER && who.getRole() != Role.ROLE_STATION_CHIEF) {
            throw HubException.denied("only a shift leader or the station chief takes a camera over");
        }
        leases.put(cameraId, next);
        return new Outcome(cameraId, next, PtzChange.PTZ_CHANGE_TAKEN_OVER, held.holder());
    }

    /** The holder gives the camera up; null when the caller did not hold it. */
    synchronized Outcome release(String cameraId, Actor who, Instant now) {
        Lease held = leases.get(cameraId);
        if (held == null || !held.holder().getUserId().equals(who.getUserId())) {
            return null;
        }
        leases.remove(cameraId);
        return new Outcome(cameraId, null, held.until().isAfter(now) ? PtzChange.PTZ_CHANGE_RELEASED
                : PtzChange.PTZ_CHANGE_EXPIRED, held.holder());
    }

    /** Leases unused for their time: removed, and said. */
    synchronized List<Outcome> expire(Instant now) {
        List<Outcome> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, Lease>> i = leases.entrySet().iterator(); i.hasNext(); ) {
            Map.Entry<String, Lease> e = i.next();
            if (!e.getValue().until().isAfter(now)) {
                i.remove();
                out.add(new Outcome(e.getKey(), null, PtzChange.PTZ_CHANGE_EXPIRED, e.getValue().holder()));
            }
        }
        return out;
    }
}
