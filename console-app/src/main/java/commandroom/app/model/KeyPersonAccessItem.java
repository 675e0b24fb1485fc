package commandroom.app.model;

import java.time.Instant;
import java.util.List;

/**
 * One access to the key persons register, or one refused attempt, as the chief's access log shows
 * it: who (display name, role as {@link UserRole} names: STATION_CHIEF, DUTY_OFFICER, ..., and the
 * unit a FIELD_UNIT speaks for), when,
 * how ("get" or "list"), the persons shown (the one asked for, on a refused get), and why. Immutable.
 */
public record KeyPersonAccessItem(long sequence, Instant at, String userId, String displayName, String role, String unitId,
                                  String how, List<String> personIds, String reason, boolean refused) {}
