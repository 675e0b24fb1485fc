package commandroom.server.loop;

import com.google.protobuf.Timestamp;
import commandroom.v1.Alarm;
import commandroom.v1.AlarmAcknowledged;
import commandroom.v1.AlarmEscalated;
import commandroom.v1.AlarmKind;
import commandroom.v1.AlarmRaised;
import commandroom.v1.AlarmsStarted;
import commandroom.v1.Event;
import commandroom.v1.Incident;
import commandroom.v1.Priority;
import commandroom.v1.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alarm queue as the log says it is: which events need a person and are not raised yet, which
 * alarms nobody has acknowledged, the last ones acknowledged; and the decisions that raise,
 * acknowledge and escalate them. Deterministic: a replay of the log gives the same book, so an
 * alarm is neither lost nor raised or escalated twice across a restart (the writer rechecks every
 * decision against it). Only events after {@code AlarmsStarted} raise alarms: a log written before
 * the queue existed, or a history played in compressed time, raises none.
 */
public final class AlarmBook {

    /** Acknowledged alarms kept for the snapshot, newest last. */
    static final int KEEP_ACKNOWLEDGED = 200;
    /** An event older than this when the hub gets to raise it (after downtime) is recorded, not shown. */
    static final Duration STALE_AFTER = Duration.ofMinutes(10);

    private long startedAt;
    /** Events that need a person, by sequence, with their alarm drafted. */
    private final Map<Long, Alarm> pending = new LinkedHashMap<>();
    private final Map<String, Alarm> open = new LinkedHashMap<>();
    private final Deque<Alarm> acknowledged = new ArrayDeque<>();
    /** Every alarm shown, for the chief's figures: when raised, how long to acknowledge, whether it went up. */
    private final List<Fact> facts = new ArrayList<>();
    private final Map<String, Integer> factOf = new java.util.HashMap<>();

    /** One alarm for the figures: raised at (ms), acknowledged after (ms, -1 while not), went up a level. */
    public record Fact(long raisedAtMillis, long ackMillis, boolean escalated) {}

    /** Whether alarms are raised from some event on. */
    public boolean started() {
        return startedAt > 0;
    }

    /** Sequences of events whose alarm is not raised yet, oldest first. */
    public List<Long> pending() {
        return List.copyOf(pending.keySet());
    }

    /** Alarms nobody has acknowledged, oldest first. */
    public List<Alarm> open() {
        return List.copyOf(open.values());
    }

    /** The last alarms acknowledged, oldest first (at most {@value #KEEP_ACKNOWLEDGED}). */
    public List<Alarm> acknowledged() {
        return List.copyOf(acknowledged);
    }

    void apply(HubState s, Event e) {
        switch (e.getKindCase()) {
            case ALARMS_STARTED -> startedAt = e.getSequence();
            case ALARM_RAISED -> {
                Alarm a = e.getAlarmRaised().getAlarm();
                pending.remove(a.getSourceSequence());
                if (!a.getStale()) {
                    open.put(a.getId(), a);
                    factOf.put(a.getId(), facts.size());
                    facts.add(new Fact(millis(a.getRaisedAt()), -1, false));
                }
            }
            case ALARM_ACKNOWLEDGED -> {
                Alarm a = open.remove(e.getAlarmAcknowledged().getAlarmId());
                Integer f = factOf.remove(e.getAlarmAcknowledged().getAlarmId());
                if (f != null) {
                    Fact was = facts.get(f);
                    facts.set(f, new Fact(was.raisedAtMillis(), millis(e.getTime()) - was.raisedAtMillis(), was.escalated()));
                }
                if (a != null) {
                    acknowledged.addLast(a.toBuilder().clearEscalateAt().setAcknowledgedBy(e.getActor())
                            .setAcknowledgedAt(e.getTime()).build());
                    if (acknowledged.size() > KEEP_ACKNOWLEDGED) {
                        acknowledged.removeFirst();
                    }
                }
            }
            case ALARM_ESCALATED -> {
                AlarmEscalated x = e.getAlarmEscalated();
                Alarm a = open.get(x.getAlarmId());
                Integer f = factOf.get(x.getAlarmId());
                if (f != null) {
                    Fact was = facts.get(f);
                    facts.set(f, new Fact(was.raisedAtMillis(), was.ackMillis(), true));
                }
                if (a != null) {
                    Alarm.Builder b = a.toBuilder().setLevel(x.getLevel()).clearEscalateAt();
                    if (x.hasEscalateAt()) {
                        b.setEscalateAt(x.getEscalateAt());
                    }
                    open.put(a.getId(), b.build());
                }
            }
            default -> {
                if (started()) {
                    Alarm draft = draft(s, e);
                    if (draft != null) {
                        pending.put(e.getSequence(), draft);
                    }
                }
            }
        }
    }

    /** The alarm an event asks for, or null when it needs nobody. */
    private static Alarm draft(HubState s, Event e) {
        Alarm.Builder a = Alarm.newBuilder().setId("al-" + e.getSequence()).setSourceSequence(e.getSequence())
                .setRaisedAt(e.getTime());
        switch (e.getKindCase()) {
            case INCIDENT_REPORTED -> {
                Incident i = e.getIncidentReported().getIncident();
                return a.setKind(AlarmKind.ALARM_KIND_NEW_INCIDENT).setPriority(i.getPriority()).setSubjectId(i.getId())
                        .build();
            }
            case TASK_OVERDUE -> {
                Task t = s.tasks.get(e.getTaskOverdue().getTaskId());
                Incident i = t == null ? null : s.incidents.get(t.getIncidentId());
                return a.setKind(AlarmKind.ALARM_KIND_STEP_OVERDUE)
                        .setPriority(i == null ? Priority.PRIORITY_NORMAL : i.getPriority())
                        .setSubjectId(e.getTaskOverdue().getTaskId()).setDetail(e.getTaskOverdue().getStep().name())
                        .build();
            }
            case CAMERA_ALARM_RAISED -> {
                return a.setKind(AlarmKind.ALARM_KIND_CAMERA_ALARM).setPriority(Priority.PRIORITY_HIGH)
                        .setSubjectId(e.getCameraAlarmRaised().getCameraId())
                        .setDetail(e.getCameraAlarmRaised().getAlarmType()).build();
            }
            case COUNTY_INSTRUCTION_RECEIVED -> {
                return a.setKind(AlarmKind.ALARM_KIND_COUNTY_INSTRUCTION).setPriority(Priority.PRIORITY_HIGH)
                        .setSubjectId(e.getCountyInstructionReceived().getInstruction().getId()).build();
            }
            case EMERGENCY_PRESSED -> {
                return a.setKind(AlarmKind.ALARM_KIND_EMERGENCY).setPriority(Priority.PRIORITY_URGENT)
                        .setSubjectId(e.getEmergencyPressed().getUnitId()).build();
            }
            default -> {
                return null;
            }
        }
    }

    /** Writes AlarmsStarted once: from the next event on, alarms are raised. */
    public static Hub.Decision start() {
        return (s, now) -> s.alarms.started() ? null : Event.newBuilder().setAlarmsStarted(AlarmsStarted.getDefaultInstance());
    }

    /** Raises the alarm an event asked for, if it is still pending (rechecked in the writer). */
    public static Hub.Decision raise(long sourceSequence, AlarmPolicy policy) {
        return (s, now) -> {
            Alarm draft = s.alarms.pending.get(sourceSequence);
            if (draft == null) {
                return null;
            }
            Instant at = instant(draft.getRaisedAt());
            Alarm.Builder a = draft.toBuilder().setLevel(0);
            if (at.plus(STALE_AFTER).isBefore(now)) {
                a.setStale(true);
            } else {
                policy.wait(draft.getKind(), draft.getPriority()).ifPresent(w -> a.setEscalateAt(ts(now.plus(w))));
            }
            return Event.newBuilder().setAlarmRaised(AlarmRaised.newBuilder().setAlarm(a));
        };
    }

    /** Takes an alarm up a level if it is still at the level seen and its time has come. */
    public static Hub.Decision escalate(String alarmId, int fromLevel, AlarmPolicy policy) {
        return (s, now) -> {
            Alarm a = s.alarms.open.get(alarmId);
            if (a == null || a.getLevel() != fromLevel || !a.hasEscalateAt() || instant(a.getEscalateAt()).isAfter(now)) {
                return null;
            }
            int level = fromLevel + 1;
            AlarmEscalated.Builder x = AlarmEscalated.newBuilder().setAlarmId(alarmId).setLevel(level);
            if (level < AlarmPolicy.TOP) {
                policy.wait(a.getKind(), a.getPriority()).ifPresent(w -> x.setEscalateAt(ts(now.plus(w))));
            }
            return Event.newBuilder().setAlarmEscalated(x);
        };
    }

    /** A person acknowledges an alarm: refused if it is not open (unknown, or already acknowledged). */
    public static Hub.Decision acknowledge(String alarmId) {
        return (s, now) -> {
            if (!s.alarms.open.containsKey(alarmId)) {
                for (Alarm done : s.alarms.acknowledged) {
                    if (done.getId().equals(alarmId)) {
                        throw HubException.precondition("alarm_id: alarm " + alarmId + " was acknowledged by "
                                + done.getAcknowledgedBy().getUserId());
                    }
                }
                throw HubException.notFound("alarm_id", "alarm", alarmId);
            }
            return Event.newBuilder().setAlarmAcknowledged(AlarmAcknowledged.newBuilder().setAlarmId(alarmId));
        };
    }

    /** Alarms whose time to go up a level has come: id and the level they are at. */
    public List<Map.Entry<String, Integer>> due(Instant now) {
        List<Map.Entry<String, Integer>> out = new ArrayList<>();
        for (Alarm a : open.values()) {
            if (a.hasEscalateAt() && !instant(a.getEscalateAt()).isAfter(now)) {
                out.add(Map.entry(a.getId(), a.getLevel()));
            }
        }
        return out;
    }

    /** The alarm as it stands (open or acknowledged), if the book has it. */
    public java.util.Optional<Alarm> find(String alarmId) {
        Alarm a = open.get(alarmId);
        if (a != null) {
            return java.util.Optional.of(a);
        }
        return acknowledged.stream().filter(x -> x.getId().equals(alarmId)).reduce((x, y) -> y);
    }

    /** The alarms raised within [from, to), for the chief's figures; call under the read lock. */
    public List<Fact> facts(Instant from, Instant to) {
        long a = from.toEpochMilli();
        long b = to.toEpochMilli();
        List<Fact> out = new ArrayList<>();
        // Raised in log order, so by time: find the start by bisection.
        int lo = 0;
        int hi = facts.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (facts.get(mid).raisedAtMillis() < a) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo; i < facts.size() && facts.get(i).raisedAtMillis() < b; i++) {
            out.add(facts.get(i));
        }
        return out;
    }

    private static long millis(Timestamp t) {
        return t.getSeconds() * 1000 + t.getNanos() / 1_000_000;
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }
}
