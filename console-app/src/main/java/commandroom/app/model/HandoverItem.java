package commandroom.app.model;

import java.time.Instant;
import java.util.List;

/**
 * A shift handover as the console shows it.
 *
 * @param id               the hub's id
 * @param signed           true once the incoming officer signed
 * @param outgoingUserId   who handed over
 * @param outgoingName     their name
 * @param startedAt        when
 * @param incomingName     who took over ("" while pending)
 * @param openTasks        tasks not closed or cancelled
 * @param overdueSteps     "task id · step" of the steps overdue
 * @param unacknowledged   instructions not signed for
 * @param offlineCameras   cameras the outgoing wall saw offline
 * @param visitsDue        cases with a follow-up visit due within a day, or late
 * @param note             what the outgoing officer added
 * @param shortZones       "zone · kind on duty/wanted" of the zones below their staffing rule
 */
public record HandoverItem(String id, boolean signed, String outgoingUserId, String outgoingName, Instant startedAt,
                           String incomingName, List<String> openTasks, List<String> overdueSteps,
                           List<String> unacknowledged, List<String> offlineCameras, List<String> visitsDue,
                           String note, List<String> shortZones) {}
