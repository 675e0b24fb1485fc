package commandroom.server.loop;

import commandroom.v1.Camera;
import commandroom.v1.Evidence;
import commandroom.v1.Incident;
import commandroom.v1.Task;
import commandroom.v1.Unit;
import commandroom.v1.Zone;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The projections of the event log: zones, units, cameras, incidents and tasks as they stand after
 * the last applied event, plus what the rules need (open tasks per unit, first answers per
 * idempotency key). Not thread-safe: the hub guards it with its read-write lock; only the
 * {@link Projector} changes it.
 */
public final class HubState {

    final Map<String, Zone> zones = new LinkedHashMap<>();
    final Map<String, Unit> units = new LinkedHashMap<>();
    final Map<String, Camera> cameras = new LinkedHashMap<>();
    final Map<String, commandroom.v1.Road> roads = new LinkedHashMap<>();
    /** What the registry retired: kept for the names old case files use, never offered again. */
    final Map<String, Zone> retiredZones = new LinkedHashMap<>();
    final Map<String, Unit> retiredUnits = new LinkedHashMap<>();
    final Map<String, Camera> retiredCameras = new LinkedHashMap<>();
    /** Each registry item's changes, oldest first, by "KIND:id". */
    final Map<String, java.util.List<commandroom.v1.RegistryChange>> registryHistory = new HashMap<>();
    /** The SHA-256 of every import applied. */
    final Set<String> appliedImports = new java.util.HashSet<>();
    /** Each unit's place on the duty roster, once the leader set it (before: as registered). */
    final Map<String, commandroom.v1.UnitDuty> duty = new HashMap<>();
    /** The shift plan (排班表) and which of its shifts the clock has begun and ended. */
    final ShiftPlan shiftPlan = new ShiftPlan();
    /** The sequence of the last import of the standard addresses (their book is kept apart). */
    long lastAddressImport;
    final Map<String, Incident> incidents = new LinkedHashMap<>();
    final Map<String, Task> tasks = new LinkedHashMap<>();
    /** Evidence by incident id then evidence id; its image is a description (hash, size), never bytes. */
    final Map<String, Map<String, Evidence>> evidence = new HashMap<>();
    /** The hashes (hex) of the photos each task's feedback carried, in any round, for GetPhoto. */
    final Map<String, Set<String>> taskPhotos = new HashMap<>();
    /**
     * Where a log written before images were stored apart holds an image's bytes: hash (hex) to the
     * sequence of the event that carried them. Empty for a log begun since.
     */
    final Map<String, Long> imagesInLog = new HashMap<>();
    final Map<String, Set<String>> openTasksByUnit = new HashMap<>();
    final Map<String, Set<String>> unitsEverOnTask = new HashMap<>();
    final Map<String, Answer> answers = new HashMap<>();
    final Map<String, LoggedPosition> loggedPositions = new HashMap<>();
    final CaseBook cases = new CaseBook();
    final AlarmBook alarms = new AlarmBook();
    final Map<String, commandroom.v1.Handover> handovers = new LinkedHashMap<>();
    final Map<String, commandroom.v1.KeyPerson> keyPersons = new LinkedHashMap<>();
    /** At the county: the last head recorded of each followed station's chain. */
    final Map<String, Long> stationHeads = new HashMap<>();
    /** Per camera source: the time of the last alarm it raised, and the ids of the latest ones. */
    final Map<String, java.time.Instant> lastCameraAlarm = new HashMap<>();
    final java.util.LinkedHashSet<String> recentCameraAlarms = new java.util.LinkedHashSet<>();
    static final int RECENT_CAMERA_ALARMS = 10_000;
    /** Who controls which PTZ camera, as the PtzControlChanged events said. */
    final Map<String, commandroom.v1.Actor> ptzHolders = new java.util.TreeMap<>();
    /** The accounts as the log knows them (see AccountRules). */
    final Map<String, AccountRules.Known> accounts = new HashMap<>();
    /** The register's access log, oldest first, at most {@link #ACCESS_LOG_KEPT} (the log keeps them all). */
    final java.util.ArrayDeque<commandroom.v1.KeyPersonAccess> keyPersonAccess = new java.util.ArrayDeque<>();
    static final int ACCESS_LOG_KEPT = 10_000;
    /** At the county: the instructions it gave. At a station: those it took in from the county. */
    final Map<String, commandroom.v1.CountyInstruction> countyInstructions = new LinkedHashMap<>();
    /** At a station: the county sequence of the last instruction taken in (where following resumes). */
    long countySequence;
    long appliedSequence;
    /** The hash of the last applied event: the audit chain's head. */
    com.google.protobuf.ByteString appliedHash = com.google.protobuf.ByteString.EMPTY;

    /** Where and when a unit's position was last written to the log. */
    record LoggedPosition(double latitude, double longitude, Instant at) {}

    /** The register's access log, newest first, at most limit entries. */
    public java.util.List<commandroom.v1.KeyPersonAccess> keyPersonAccess(int limit) {
        java.util.List<commandroom.v1.KeyPersonAccess> out = new java.util.ArrayList<>(Math.min(limit, keyPersonAccess.size()));
        var it = keyPersonAccess.descendingIterator();
        while (it.hasNext() && out.size() < limit) {
            out.add(it.next());
        }
        return out;
    }

    public long appliedSequence() {
        return appliedSequence;
    }

    public Optional<Zone> zone(String id) {
        return Optional.ofNullable(zones.get(id));
    }

    public Optional<Unit> unit(String id) {
        return Optional.ofNullable(units.get(id));
    }

    public Optional<commandroom.v1.Road> road(String id) {
        return Optional.ofNullable(roads.get(id));
    }

    public Collection<commandroom.v1.Road> roads() {
        return roads.values();
    }

    public Collection<Zone> retiredZones() {
        return retiredZones.values();
    }

    public Collection<Unit> retiredUnits() {
        return retiredUnits.values();
    }

    public Collection<Camera> retiredCameras() {
        return retiredCameras.values();
    }

    /** One registry item's changes, oldest first (empty if it never existed). */
    public java.util.List<commandroom.v1.RegistryChange> history(commandroom.v1.RegistryKind kind, String id) {
        return registryHistory.getOrDefault(kind.name() + ":" + id, java.util.List.of());
    }

    /** The sequence of the last import of the standard addresses; 0 if none. */
    public long lastAddressImport() {
        return lastAddressImport;
    }

    /** True when an import of the file with this SHA-256 was applied. */
    /** The planned shifts that have not ended and begin within a time from now, by unit then start. */
    public List<commandroom.v1.PlannedShift> plannedShifts(java.time.Instant now, java.time.Duration ahead) {
        long t = now.getEpochSecond();
        long until = now.plus(ahead).getEpochSecond();
        return shiftPlan.all().stream().filter(p -> p.getEnd().getSeconds() > t && p.getStart().getSeconds() <= until)
                .toList();
    }

    public boolean importApplied(String sha256) {
        return appliedImports.contains(sha256);
    }

    /** Who controls which PTZ camera (camera id to holder), as the log says. */
    public Map<String, commandroom.v1.Actor> ptzHolders() {
        return java.util.Collections.unmodifiableMap(ptzHolders);
    }

    /** When the last alarm a camera source raised was, or empty when it raised none yet. */
    public Optional<java.time.Instant> lastCameraAlarm(String sourceId) {
        return Optional.ofNullable(lastCameraAlarm.get(sourceId));
    }

    /** Whether the alarm (source and platform id) was raised already (among the latest 10,000). */
    public boolean cameraAlarmRaised(String sourceId, String alarmId) {
        return recentCameraAlarms.contains(sourceId + "/" + alarmId);
    }

    /** The camera a camera source keeps for one of its channels. */
    public Optional<Camera> cameraOfChannel(String sourceId, String channelCode) {
        return cameras.values().stream().filter(c -> c.getOrigin().getSourceId().equals(sourceId)
                && c.getOrigin().getChannelCode().equals(channelCode)).findFirst();
    }

    public Optional<Camera> camera(String id) {
        return Optional.ofNullable(cameras.get(id));
    }

    public Optional<Incident> incident(String id) {
        return Optional.ofNullable(incidents.get(id));
    }

    public Optional<Evidence> evidence(String incidentId, String evidenceId) {
        return Optional.ofNullable(evidence.getOrDefault(incidentId, Map.of()).get(evidenceId));
    }

    /** True if a feedback of the task carried a photo with this hash (hex). */
    public boolean taskHadPhoto(String taskId, String sha256Hex) {
        return taskPhotos.getOrDefault(taskId, Set.of()).contains(sha256Hex);
    }

    /** The sequence of the old event that holds an image's bytes in the log itself, if one does. */
    public Optional<Long> imageInLog(String sha256Hex) {
        return Optional.ofNullable(imagesInLog.get(sha256Hex));
    }

    public Optional<Task> task(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    public Collection<Zone> zones() {
        return zones.values();
    }

    public Collection<Unit> units() {
        return units.values();
    }

    public Collection<Camera> cameras() {
        return cameras.values();
    }

    public Collection<Incident> incidents() {
        return incidents.values();
    }

    public Collection<Task> tasks() {
        return tasks.values();
    }

    /** The dispute case files. */
    public CaseBook cases() {
        return cases;
    }

    /** The key persons register, by id (read it through KeyPersonRules' visibility). */
    public Collection<commandroom.v1.KeyPerson> keyPersons() {
        return keyPersons.values();
    }

    public Optional<commandroom.v1.KeyPerson> keyPerson(String id) {
        return Optional.ofNullable(keyPersons.get(id));
    }

    /** Shift handovers, oldest first. */
    public Collection<commandroom.v1.Handover> handovers() {
        return handovers.values();
    }

    public Optional<commandroom.v1.Handover> handover(String id) {
        return Optional.ofNullable(handovers.get(id));
    }

    /** The handover waiting for its incoming officer, if one is. */
    public Optional<commandroom.v1.Handover> pendingHandover() {
        return handovers.values().stream()
                .filter(h -> h.getStatus() == commandroom.v1.HandoverStatus.HANDOVER_STATUS_PENDING).findFirst();
    }

    public Optional<commandroom.v1.CountyInstruction> countyInstruction(String id) {
        return Optional.ofNullable(countyInstructions.get(id));
    }

    public java.util.Collection<commandroom.v1.CountyInstruction> countyInstructions() {
        return countyInstructions.values();
    }

    public int countyInstructionCount() {
        return countyInstructions.size();
    }

    /** At a station: the county's sequence up to which its instructions were taken in. */
    public long countySequence() {
        return countySequence;
    }

    public int incidentCount() {
        return incidents.size();
    }

    public int taskCount() {
        return tasks.size();
    }

    /** Open tasks the unit holds. */
    public Set<String> openTasksOf(String unitId) {
        return openTasksByUnit.getOrDefault(unitId, Set.of());
    }

    /** True if the unit holds or ever held the task (it may read the task's events). */
    public boolean unitEverOn(String taskId, String unitId) {
        return unitsEverOnTask.getOrDefault(taskId, Set.of()).contains(unitId);
    }

    /** The first answer to a request with this key from this user, if there was one. */
    public Optional<Answer> answer(String userId, String idempotencyKey) {
        return Optional.ofNullable(answers.get(scope(userId, idempotencyKey)));
    }

    static String scope(String userId, String key) {
        return userId + '\u0000' + key;
    }

    Set<String> unitsEverOn(String taskId) {
        return unitsEverOnTask.computeIfAbsent(taskId, k -> new HashSet<>());
    }

    /** The alarm queue. */
    public AlarmBook alarms() {
        return alarms;
    }
}
