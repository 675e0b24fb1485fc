package commandroom.bench.board;

import com.google.protobuf.Timestamp;
import commandroom.app.model.TaskStage;
import commandroom.v1.Actor;
import commandroom.v1.Feedback;
import commandroom.v1.Incident;
import commandroom.v1.IncidentStatus;
import commandroom.v1.IncidentType;
import commandroom.v1.Position;
import commandroom.v1.Priority;
import commandroom.v1.ResultCode;
import commandroom.v1.Role;
import commandroom.v1.Snapshot;
import commandroom.v1.StepDeadline;
import commandroom.v1.Task;
import commandroom.v1.TaskKind;
import commandroom.v1.TaskStatus;
import commandroom.v1.TaskStep;
import commandroom.v1.Unit;
import commandroom.v1.UnitKind;
import commandroom.v1.UnitStatus;
import commandroom.v1.Zone;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic county as the hub would hold it after a busy day: 10 zones, 50 units each,
 * incidents with tasks spread over every stage (ids, deadlines and overdue flags as the hub's
 * rules make them), kept as a compact mirror so that bursts of events can follow it and the
 * expected board can be counted independently of the console. Not thread-safe: one thread.
 */
final class BoardCounty {

    static final int ZONES = 10;
    static final int UNITS_PER_ZONE = 50;
    static final TaskStep[] STEPS = {TaskStep.TASK_STEP_SIGN_FOR, TaskStep.TASK_STEP_ARRIVE, TaskStep.TASK_STEP_FEEDBACK};
    private static final ZoneId STATION_TIME = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final String[] ZONE_NAMES = {"城关", "东城", "西城", "南湖", "北山", "河西", "新区", "开发区", "高铁站", "工业园"};
    private static final String[] ROADS = {"人民路", "解放路", "建设路", "中山路", "和平街", "胜利路", "新华街", "滨河路"};
    private static final UnitKind[] UNIT_KINDS = {UnitKind.UNIT_KIND_AUXILIARY_OFFICER, UnitKind.UNIT_KIND_GRID_WORKER,
            UnitKind.UNIT_KIND_PATROL_CAR, UnitKind.UNIT_KIND_VOLUNTEER, UnitKind.UNIT_KIND_AUXILIARY_OFFICER,
            UnitKind.UNIT_KIND_DRONE};
    private static final Map<UnitKind, String> UNIT_NAMES = Map.of(UnitKind.UNIT_KIND_COMMUNITY_OFFICER, "社区民警",
            UnitKind.UNIT_KIND_AUXILIARY_OFFICER, "辅警", UnitKind.UNIT_KIND_GRID_WORKER, "网格员",
            UnitKind.UNIT_KIND_VOLUNTEER, "志愿者", UnitKind.UNIT_KIND_PATROL_CAR, "巡逻车", UnitKind.UNIT_KIND_DRONE, "无人机");
    /** Snapshot stages and their shares of the tasks: most work is in hand or done. */
    private static final TaskStatus[] SPREAD = {TaskStatus.TASK_STATUS_DISPATCHED, TaskStatus.TASK_STATUS_DELIVERED,
            TaskStatus.TASK_STATUS_SIGNED_FOR, TaskStatus.TASK_STATUS_ARRIVED, TaskStatus.TASK_STATUS_IN_PROGRESS,
            TaskStatus.TASK_STATUS_FEEDBACK_SUBMITTED, TaskStatus.TASK_STATUS_CLOSED};
    private static final double[] SHARE = {0.05, 0.05, 0.08, 0.07, 0.25, 0.10, 0.40};
    /** How long ago tasks in each stage were dispatched, in minutes: [min, max). */
    private static final int[][] AGE_MINUTES = {{0, 3}, {0, 3}, {1, 45}, {5, 120}, {10, 600}, {30, 720}, {60, 1440}};

    /** A snapshot task still to be made: its stage and when it was dispatched. */
    private record Seed(TaskStatus status, Instant at) {}

    /** An incident in the mirror. */
    static final class Call {
        final String id;
        final IncidentType type;
        final Priority priority;
        final int zone;
        final String address;
        final String summary;
        final Instant reportedAt;
        int tasks;
        int openTasks;

        Call(String id, IncidentType type, Priority priority, int zone, String address, String summary, Instant at) {
            this.id = id;
            this.type = type;
            this.priority = priority;
            this.zone = zone;
            this.address = address;
            this.summary = summary;
            this.reportedAt = at;
        }

        IncidentStatus status() {
            return openTasks > 0 ? IncidentStatus.INCIDENT_STATUS_IN_HAND
                    : tasks > 0 ? IncidentStatus.INCIDENT_STATUS_RESOLVED : IncidentStatus.INCIDENT_STATUS_OPEN;
        }
    }

    /** A task in the mirror: where it stands and its three step clocks. */
    static final class Job {
        final String id;
        final Call call;
        final TaskKind kind;
        final List<String> units;
        final Instant dispatchedAt;
        final Instant[] due = new Instant[3];
        final Instant[] done = new Instant[3];
        final boolean[] overdue = new boolean[3];
        TaskStatus status;
        long version = 1;
        int slot;

        Job(String id, Call call, TaskKind kind, List<String> units, Instant dispatchedAt) {
            this.id = id;
            this.call = call;
            this.kind = kind;
            this.units = units;
            this.dispatchedAt = dispatchedAt;
        }

        /** The step whose clock runs now (0 sign for, 1 arrive, 2 feedback), or -1. */
        int currentStep() {
            return switch (status) {
                case TASK_STATUS_DISPATCHED, TASK_STATUS_DELIVERED -> 0;
                case TASK_STATUS_SIGNED_FOR -> 1;
                case TASK_STATUS_ARRIVED, TASK_STATUS_IN_PROGRESS -> 2;
                default -> -1;
            };
        }
    }

    final Random random;
    final Instant now;
    final List<Call> calls = new ArrayList<>();
    final List<Job> jobs = new ArrayList<>();
    /** Tasks by status, for picking one to move; a job's slot is its index here. */
    final Map<TaskStatus, List<Job>> byStatus = new EnumMap<>(TaskStatus.class);
    /** Incidents with no task yet (the board's NEW column). */
    final List<Call> waiting = new ArrayList<>();
    long sequence;

    private BoardCounty(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now;
        for (TaskStatus s : TaskStatus.values()) {
            byStatus.put(s, new ArrayList<>());
        }
    }

    /**
     * A county with this many tasks and about as many incidents, numbered in time order: 2% of
     * the tasks are follow-ups on an earlier incident, and 2% more incidents still wait for a unit.
     */
    static BoardCounty build(int tasks, long seed, Instant now) {
        BoardCounty c = new BoardCounty(seed, now);
        List<Seed> specs = new ArrayList<>();
        int left = tasks;
        for (int k = 0; k < SPREAD.length; k++) {
            int count = k == SPREAD.length - 1 ? left : (int) Math.round(SHARE[k] * tasks);
            left -= count;
            int[] age = AGE_MINUTES[k];
            for (int n = 0; n < count; n++) {
                long secondsAgo = 60L * age[0] + c.random.nextInt(60 * (age[1] - age[0]));
                specs.add(new Seed(SPREAD[k], now.minusSeconds(secondsAgo)));
            }
        }
        specs.sort(java.util.Comparator.comparing(Seed::at));
        for (Seed spec : specs) {
            Instant at = spec.at();
            boolean followUp = !c.calls.isEmpty() && c.random.nextInt(50) == 0;
            Call call = followUp ? c.calls.get(c.random.nextInt(c.calls.size()))
                    : c.report(at.minusSeconds(60 + c.random.nextInt(540)));
            c.seed(call, spec.status(), at, followUp);
        }
        long[] waitingAges = c.random.longs(tasks / 50, 0, 20 * 60).sorted().toArray();
        for (int i = waitingAges.length - 1; i >= 0; i--) {
            c.waiting.add(c.report(now.minusSeconds(waitingAges[i])));
        }
        // As many events as the hub would have logged to get here: registrations, reports, moves.
        c.sequence = ZONES + (long) ZONES * UNITS_PER_ZONE + c.calls.size()
                + c.jobs.stream().mapToLong(j -> j.status.getNumber()).sum();
        return c;
    }

    /** A new incident; its report time moved back for incidents that happened before now. */
    Call report(Instant at) {
        int n = calls.size() + 1;
        IncidentType type = IncidentType.forNumber(1 + random.nextInt(6));
        double p = random.nextDouble();
        Priority priority = p < 0.10 ? Priority.PRIORITY_URGENT : p < 0.35 ? Priority.PRIORITY_HIGH
                : p < 0.85 ? Priority.PRIORITY_NORMAL : Priority.PRIORITY_LOW;
        int zone = random.nextInt(ZONES);
        String address = ZONE_NAMES[zone] + ROADS[random.nextInt(ROADS.length)] + (1 + random.nextInt(300)) + "号";
        String summary = switch (type) {
            case INCIDENT_TYPE_CALL_110 -> "群众报警称" + address + "附近有人打架";
            case INCIDENT_TYPE_DISPUTE -> "邻里因停车位发生纠纷";
            case INCIDENT_TYPE_KEY_PERSON_ALERT -> "重点人员在" + ZONE_NAMES[zone] + "出现";
            case INCIDENT_TYPE_PATROL_FINDING -> "巡逻发现路灯损坏、井盖缺失";
            case INCIDENT_TYPE_INFO_COLLECTION -> "出租屋流动人口信息采集";
            default -> "群众求助";
        };
        String id = String.format(Locale.ROOT, "I-%s-%05d", DAY.format(at.atZone(STATION_TIME)), n);
        Call call = new Call(id, type, priority, zone, address, summary, at);
        calls.add(call);
        return call;
    }

    /** A task of the snapshot, in the given stage, with clocks as the hub would have left them. */
    private void seed(Call call, TaskStatus status, Instant dispatchedAt, boolean followUp) {
        Job j = dispatch(call, dispatchedAt, followUp);
        int doneSteps = switch (status) {
            case TASK_STATUS_DISPATCHED, TASK_STATUS_DELIVERED -> 0;
            case TASK_STATUS_SIGNED_FOR -> 1;
            case TASK_STATUS_ARRIVED, TASK_STATUS_IN_PROGRESS -> 2;
            default -> 3;
        };
        long elapsed = Math.max(1, Duration.between(dispatchedAt, now).getSeconds());
        long[] marks = random.longs(doneSteps, 0, elapsed).sorted().toArray();
        for (int s = 0; s < 3; s++) {
            if (s < doneSteps) {
                j.done[s] = dispatchedAt.plusSeconds(marks[s]);
                j.overdue[s] = j.done[s].isAfter(j.due[s]);
            } else {
                j.overdue[s] = now.isAfter(j.due[s]);
            }
        }
        move(j, status);
        j.version = status.getNumber();
    }

    /** A new task on an incident, as DispatchTask makes it; the caller records its event. */
    Job dispatch(Call call, Instant at, boolean followUp) {
        TaskKind kind = followUp ? TaskKind.TASK_KIND_FOLLOW_UP : switch (call.type) {
            case INCIDENT_TYPE_DISPUTE -> TaskKind.TASK_KIND_MEDIATE;
            case INCIDENT_TYPE_KEY_PERSON_ALERT, INCIDENT_TYPE_PATROL_FINDING -> TaskKind.TASK_KIND_VERIFY;
            case INCIDENT_TYPE_INFO_COLLECTION -> TaskKind.TASK_KIND_COLLECT_INFO;
            default -> TaskKind.TASK_KIND_RESPOND;
        };
        int first = call.zone * UNITS_PER_ZONE + random.nextInt(UNITS_PER_ZONE);
        List<String> units = random.nextInt(3) == 0
                ? List.of(unitId(first), unitId(call.zone * UNITS_PER_ZONE + (first + 1) % UNITS_PER_ZONE))
                : List.of(unitId(first));
        String id = String.format(Locale.ROOT, "T-%s-%05d", DAY.format(at.atZone(STATION_TIME)), jobs.size() + 1);
        Job j = new Job(id, call, kind, units, at);
        j.due[0] = at.plus(Duration.ofMinutes(1));
        j.due[1] = at.plus(switch (call.priority) {
            case PRIORITY_URGENT -> Duration.ofMinutes(5);
            case PRIORITY_HIGH -> Duration.ofMinutes(10);
            case PRIORITY_LOW -> Duration.ofHours(2);
            default -> Duration.ofMinutes(30);
        });
        j.due[2] = at.plus(switch (call.type) {
            case INCIDENT_TYPE_CALL_110 -> Duration.ofHours(4);
            case INCIDENT_TYPE_DISPUTE, INCIDENT_TYPE_INFO_COLLECTION -> Duration.ofHours(24);
            default -> Duration.ofHours(8);
        });
        j.status = TaskStatus.TASK_STATUS_UNSPECIFIED;
        jobs.add(j);
        call.tasks++;
        call.openTasks++;
        waiting.remove(call);
        move(j, TaskStatus.TASK_STATUS_DISPATCHED);
        return j;
    }

    /** Moves a task to a status, keeping the per-status lists and its incident's counts. */
    void move(Job j, TaskStatus to) {
        if (j.status != TaskStatus.TASK_STATUS_UNSPECIFIED) {
            List<Job> from = byStatus.get(j.status);
            Job last = from.remove(from.size() - 1);
            if (last != j) {
                from.set(j.slot, last);
                last.slot = j.slot;
            }
        }
        boolean wasOpen = isOpen(j.status);
        j.status = to;
        List<Job> into = byStatus.get(to);
        j.slot = into.size();
        into.add(j);
        if (wasOpen && !isOpen(to)) {
            j.call.openTasks--;
        }
    }

    private static boolean isOpen(TaskStatus s) {
        return s != TaskStatus.TASK_STATUS_CLOSED && s != TaskStatus.TASK_STATUS_CANCELLED;
    }

    /** The board the console should show with no filter: tasks per stage column. */
    Map<TaskStage, Integer> expectedColumns() {
        Map<TaskStage, Integer> m = new EnumMap<>(TaskStage.class);
        for (TaskStage stage : TaskStage.values()) {
            m.put(stage, byStatus.get(TaskStatus.valueOf("TASK_STATUS_" + stage.name())).size());
        }
        return m;
    }

    /** The hub's snapshot of this county, as GetSnapshot sends it. */
    Snapshot snapshot() {
        Snapshot.Builder b = Snapshot.newBuilder().setAsOfSequence(sequence);
        for (int z = 0; z < ZONES; z++) {
            b.addZones(Zone.newBuilder().setId(zoneId(z)).setName(ZONE_NAMES[z] + "警务区").setStationId("s-001")
                    .setCommunityOfficerUnitId(unitId(z * UNITS_PER_ZONE)));
        }
        for (int u = 0; u < ZONES * UNITS_PER_ZONE; u++) {
            int inZone = u % UNITS_PER_ZONE;
            UnitKind kind = inZone == 0 ? UnitKind.UNIT_KIND_COMMUNITY_OFFICER : UNIT_KINDS[inZone % UNIT_KINDS.length];
            b.addUnits(Unit.newBuilder().setId(unitId(u)).setName(unitName(u, kind)).setKind(kind).setStationId("s-001")
                    .setZoneId(zoneId(u / UNITS_PER_ZONE)).setStatus(UnitStatus.UNIT_STATUS_AVAILABLE)
                    .setPosition(position(u / UNITS_PER_ZONE, u)));
        }
        calls.forEach(c -> b.addIncidents(incident(c)));
        jobs.forEach(j -> b.addTasks(task(j)));
        return b.build();
    }

    Incident incident(Call c) {
        return Incident.newBuilder().setId(c.id).setType(c.type).setPriority(c.priority)
                .setPosition(position(c.zone, c.id.hashCode())).setAddress(c.address).setZoneId(zoneId(c.zone))
                .setSummary(c.summary).setStatus(c.status()).setReportedAt(ts(c.reportedAt)).setVersion(1 + c.tasks)
                .build();
    }

    Task task(Job j) {
        Task.Builder b = Task.newBuilder().setId(j.id).setKind(j.kind).setIncidentId(j.call.id)
                .addAllAssigneeUnitIds(j.units).setInstruction(instruction(j)).setStatus(j.status).setVersion(j.version)
                .setDispatchedAt(ts(j.dispatchedAt)).setZoneId(zoneId(j.call.zone)).setIncidentAddress(j.call.address)
                .setIncidentPosition(position(j.call.zone, j.call.id.hashCode()))
                .setDispatchedBy(Actor.newBuilder().setUserId("console-0001").setRole(Role.ROLE_DUTY_OFFICER)
                        .setDisplayName("席位 1"));
        for (int s = 0; s < 3; s++) {
            StepDeadline.Builder d = StepDeadline.newBuilder().setStep(STEPS[s]).setDue(ts(j.due[s])).setOverdue(j.overdue[s]);
            if (j.done[s] != null) {
                d.setDoneAt(ts(j.done[s]));
            }
            b.addDeadlines(d);
        }
        if (j.done[2] != null) {
            b.setFeedback(feedback(j, j.done[2]));
        }
        return b.build();
    }

    Feedback feedback(Job j, Instant at) {
        return Feedback.newBuilder().setResultCode(ResultCode.RESULT_CODE_RESOLVED).setUnitId(j.units.get(0))
                .setText("已到" + j.call.address + "处置完毕，当事人情绪稳定，现场无异常").setSubmittedAt(ts(at)).build();
    }

    private static String instruction(Job j) {
        return switch (j.kind) {
            case TASK_KIND_MEDIATE -> "前往" + j.call.address + "调解纠纷，做好笔录";
            case TASK_KIND_VERIFY -> "赶赴" + j.call.address + "核查情况并拍照反馈";
            case TASK_KIND_COLLECT_INFO -> "到" + j.call.address + "采集人员信息";
            case TASK_KIND_FOLLOW_UP -> "回访" + j.call.address + "报警人，了解处置满意度";
            default -> "立即赶赴" + j.call.address + "处置，到场后报告";
        };
    }

    static String zoneId(int z) {
        return String.format(Locale.ROOT, "z-%03d", z + 1);
    }

    static String unitId(int u) {
        return String.format(Locale.ROOT, "u-%05d", u + 1);
    }

    private static String unitName(int u, UnitKind kind) {
        return ZONE_NAMES[u / UNITS_PER_ZONE] + UNIT_NAMES.get(kind) + " " + (u % UNITS_PER_ZONE + 1);
    }

    static String unitName(int u) {
        int inZone = u % UNITS_PER_ZONE;
        return unitName(u, inZone == 0 ? UnitKind.UNIT_KIND_COMMUNITY_OFFICER : UNIT_KINDS[inZone % UNIT_KINDS.length]);
    }

    private static Position position(int zone, int salt) {
        double lat = 30.60 + (zone / 5) * 0.02 + Math.floorMod(salt, 97) * 0.0002;
        double lon = 114.30 + (zone % 5) * 0.02 + Math.floorMod(salt, 89) * 0.0002;
        return Position.newBuilder().setLatitude(lat).setLongitude(lon).build();
    }

    static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }
}
