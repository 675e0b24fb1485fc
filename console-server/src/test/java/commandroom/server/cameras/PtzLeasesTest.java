package commandroom.server.cameras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.v1.Actor;
import commandroom.v1.PtzChange;
import commandroom.v1.Role;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The PTZ lease: renewed by use, lost after 30 s unused, and said when it goes. */
class PtzLeasesTest {

    private static final Actor DUTY = Actor.newBuilder().setUserId("duty1").setRole(Role.ROLE_DUTY_OFFICER)
            .setDisplayName("值班民警 周").build();
    private static final Actor DUTY2 = Actor.newBuilder().setUserId("duty2").setRole(Role.ROLE_DUTY_OFFICER).build();

    @Test
    void aLeaseIsRenewedByUseAndRunsOutUnused() {
        PtzLeases leases = new PtzLeases();
        Instant t0 = Instant.parse("2026-12-07T08:00:00Z");
        assertEquals(PtzChange.PTZ_CHANGE_GRANTED, leases.claim("c", DUTY, false, t0).change());
        assertNull(leases.claim("c", DUTY, false, t0.plusSeconds(20)).change(), "a renewal writes nothing");
        assertTrue(leases.expire(t0.plusSeconds(45)).isEmpty(), "renewed at 20 s: held until 50 s");
        var expired = leases.expire(t0.plusSeconds(51));
        assertEquals(1, expired.size());
        assertEquals(PtzChange.PTZ_CHANGE_EXPIRED, expired.get(0).change());
        assertEquals("duty1", expired.get(0).previous().getUserId());
        PtzLeases.Outcome next = leases.claim("c", DUTY2, false, t0.plusSeconds(52));
        assertEquals(PtzChange.PTZ_CHANGE_GRANTED, next.change());
        assertNull(leases.release("c", DUTY, t0.plusSeconds(53)), "only the holder releases");
        assertEquals(PtzChange.PTZ_CHANGE_RELEASED, leases.release("c", DUTY2, t0.plusSeconds(53)).change());
    }
}
