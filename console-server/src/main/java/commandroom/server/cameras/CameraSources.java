package commandroom.server.cameras;

import com.google.protobuf.util.Timestamps;
import commandroom.server.loop.Hub;
import commandroom.server.loop.HubException;
import commandroom.server.loop.RegistryRules;
import commandroom.v1.Actor;
import commandroom.v1.Camera;
import commandroom.v1.CameraSourceReport;
import commandroom.v1.Event;
import commandroom.v1.ImportPreview;
import commandroom.v1.Role;
import io.grpc.Status;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's camera sources: for each GB/T 28181 platform, one session (one place for its
 * credentials), its catalog kept in the registry on a schedule and on demand, its channels
 * played for the consoles that watch them, and its recordings listed and played back for them.
 * Consoles never talk to the platform. Thread-safe.
 */
public final class CameraSources implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CameraSources.class);

    private final Hub hub;
    private final Clock clock;
    /** The actor of what the hub's camera sources do by themselves (a lease running out). */
    static final Actor SYSTEM = Actor.newBuilder().setUserId("system").setRole(Role.ROLE_ADMIN)
            .setDisplayName("camera sources").build();

    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final PtzLeases leases = new PtzLeases();
    private final List<ScheduledExecutorService> alarmTimers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "camera-sources"));
    private final ExecutorService calls = Executors.newCachedThreadPool(r -> daemon(r, "camera-source-call"));

    /** A channel of a source, as its plays are counted. */
    private record Channel(String device, String channel) {
        @Override
        public String toString() {
            return "channel " + device + "/" + channel;
        }
    }

    /** A stretch of a channel's recordings, as its playbacks are counted. */
    private record Stretch(String device, String channel, java.time.Instant start, java.time.Instant end) {
        @Override
        public String toString() {
            return "playback of " + device + "/" + channel + " from " + start + " to " + end;
        }
    }

    private final class Source {
        final SourceSettings settings;
        final CameraPlatform client;
        final PlaySessions<Channel, CameraPlatform.Play> plays;
        /** Stopped at once after the last watcher: nobody comes back to the same stretch by chance. */
        final PlaySessions<Stretch, CameraPlatform.Playback> playbacks;
        final Actor actor;
        volatile CameraSourceReport report;

        Source(SourceSettings settings) {
            this.settings = settings;
            this.client = settings.open(clock);
            this.plays = new PlaySessions<>(new PlaySessions.Platform<>() {
                @Override
                public CameraPlatform.Play start(Channel c) throws IOException {
                    return client.play(c.device(), c.channel());
                }

                @Override
                public void stop(Channel c, CameraPlatform.Play started) throws IOException {
                    client.stop(c.device(), c.channel());
                }
            }, settings.playGrace(), timer, calls);
            this.playbacks = new PlaySessions<>(new PlaySessions.Platform<>() {
                @Override
                public CameraPlatform.Playback start(Stretch s) throws IOException {
                    return client.startPlayback(s.device(), s.channel(), s.start(), s.end());
                }

                @Override
                public void stop(Stretch s, CameraPlatform.Playback started) throws IOException {
                    client.stopPlayback(s.device(), s.channel(), started.stream());
                }
            }, java.time.Duration.ZERO, timer, calls);
            this.actor = Actor.newBuilder().setUserId("camera-source:" + settings.id()).setRole(Role.ROLE_ADMIN)
                    .setDisplayName(settings.id()).build();
            this.report = CameraSourceReport.newBuilder().setSourceId(settings.id()).setAddress(settings.address()).build();
        }
    }

    public CameraSources(List<? extends SourceSettings> settings, Hub hub, Clock clock) {
        this.hub = hub;
        this.clock = clock;
        for (SourceSettings s : settings) {
            if (sources.put(s.id(), new Source(s)) != null) {
                throw new IllegalArgumentException("two camera sources are named " + s.id());
            }
        }
    }

    /** Reads every catalog now and then on each source's schedule. */
    public void start() {
        // Leases live in memory: a restarted hub starts with every camera free, and says so.
        hub.read(st -> new java.util.LinkedHashMap<>(st.ptzHolders())).forEach((camera, holder) ->
                write(SYSTEM, new PtzLeases.Outcome(camera, null, commandroom.v1.PtzChange.PTZ_CHANGE_EXPIRED, holder)));
        if (!sources.isEmpty()) {
            timer.scheduleWithFixedDelay(this::expireLeases, 5, 5, TimeUnit.SECONDS);
        }
        for (Source s : sources.values()) {
            timer.scheduleWithFixedDelay(() -> calls.execute(() -> syncQuietly(s)), 0, s.settings.syncPeriod().toMillis(),
                    TimeUnit.MILLISECONDS);
            long alarmPeriod = s.settings.alarmPeriod().toMillis();
            if (alarmPeriod > 0) {
                // Alarms on their own thread: a slow catalog read must not hold them up.
                ScheduledExecutorService alarms = Executors.newSingleThreadScheduledExecutor(
                        r -> daemon(r, "camera-alarms-" + s.settings.id()));
                alarmTimers.add(alarms);
                alarms.scheduleWithFixedDelay(() -> pollAlarms(s), alarmPeriod, alarmPeriod, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** How each source's last sync went. */
    public List<CameraSourceReport> reports() {
        List<CameraSourceReport> out = new ArrayList<>();
        sources.values().forEach(s -> out.add(s.report));
        return out;
    }

    /**
     * Reads a source's catalog and brings the registry up to date; answers the report (whose
     * problem says why when the platform failed). One sync of a source at a time.
     */
    public CameraSourceReport sync(String sourceId) {
        Source s = sources.get(sourceId);
        if (s == null) {
            throw HubException.invalid("source_id", "no camera source " + sourceId + " in the hub's settings");
        }
        return sync(s);
    }

    /** Where to play a camera of a source; the caller leaves when it stops watching. */
    public CompletableFuture<CameraPlatform.Play> watch(Camera c) {
        Source s = sources.get(c.getOrigin().getSourceId());
        if (s == null) {
            return CompletableFuture.failedFuture(new HubException(Status.Code.FAILED_PRECONDITION, "",
                    "camera " + c.getId() + " comes from camera source " + c.getOrigin().getSourceId()
                            + ", which the hub's settings no longer have"));
        }
        return s.plays.watch(channel(c));
    }

    public void leave(Camera c) {
        Source s = sources.get(c.getOrigin().getSourceId());
        if (s != null) {
            s.plays.leave(channel(c));
        }
    }

    private static Channel channel(Camera c) {
        return new Channel(c.getOrigin().getDeviceCode(), c.getOrigin().getChannelCode());
    }

    // --- Recordings: listed from the platform on demand, played back while consoles watch.

    /**
     * A camera's recordings overlapping a period, as its platform lists them. FAILED_PRECONDITION
     * for a camera of no source or a source without recordings (or a platform without the API),
     * UNAVAILABLE with the platform's words when it refused or did not answer.
     */
    public List<CameraPlatform.Recording> recordings(Camera c, java.time.Instant from, java.time.Instant to) {
        Source s = recordingSource(c);
        try {
            return s.client.recordings(c.getOrigin().getDeviceCode(), c.getOrigin().getChannelCode(), from, to);
        } catch (IOException e) {
            throw refused(e);
        }
    }

    /** Where to play a stretch of a camera's recordings; the caller leaves when it stops watching. */
    public CompletableFuture<CameraPlatform.Play> watchRecording(Camera c, java.time.Instant start, java.time.Instant end) {
        Source s;
        try {
            s = recordingSource(c);
        } catch (HubException e) {
            return CompletableFuture.failedFuture(e);
        }
        return s.playbacks.watch(stretch(c, start, end)).thenApply(CameraPlatform.Playback::play);
    }

    public void leaveRecording(Camera c, java.time.Instant start, java.time.Instant end) {
        Source s = sources.get(c.getOrigin().getSourceId());
        if (s != null) {
            s.playbacks.leave(stretch(c, start, end));
        }
    }

    private static Stretch stretch(Camera c, java.time.Instant start, java.time.Instant end) {
        return new Stretch(c.getOrigin().getDeviceCode(), c.getOrigin().getChannelCode(), start, end);
    }

    private Source recordingSource(Camera c) {
        Source s = c.hasOrigin() ? sources.get(c.getOrigin().getSourceId()) : null;
        if (s == null) {
            throw HubException.precondition("camera " + c.getId() + " is not one of a camera source's: the hub"
                    + " reaches no recordings of it");
        }
        return s;
    }

    /**
     * A platform's refusal in its own words. A platform that does not know the path (an older
     * wvp, a 404) will not know it on a retry either.
     */
    static HubException refused(IOException e) {
        if (e instanceof WvpException w && w.code() == 404) {
            return HubException.precondition("the camera's platform offers no recordings: " + describe(e));
        }
        return new HubException(Status.Code.UNAVAILABLE, "", e instanceof WvpException w && !w.getMessage().isEmpty()
                ? w.getMessage() : describe(e));
    }

    // --- PTZ: one holder per camera, every command through the hub.

    /** What a PTZ command does on the platform. */
    @FunctionalInterface
    public interface PtzCommand {
        void send(CameraPlatform platform, String device, String channel) throws IOException;
    }

    /**
     * A PTZ command from a console: claims (or renews, or takes over) the camera's control,
     * writes who holds it when that changed, then sends the command to the platform. Answers the
     * control after it; UNAVAILABLE when the platform refused (its words).
     */
    public commandroom.v1.PtzControl command(Camera c, Actor who, boolean takeOver, PtzCommand command) {
        Source s = ptzSource(c);
        PtzLeases.Outcome o = leases.claim(c.getId(), who, takeOver, clock.instant());
        if (o.change() != null) {
            write(who, o);
        }
        try {
            command.send(s.client, c.getOrigin().getDeviceCode(), c.getOrigin().getChannelCode());
        } catch (IOException e) {
            throw new HubException(Status.Code.UNAVAILABLE, "", e instanceof WvpException w && !w.getMessage().isEmpty()
                    ? w.getMessage() : describe(e));
        }
        return control(c.getId(), o.lease());
    }

    /** The holder lets the camera go: it is stopped, and the release is written. */
    public commandroom.v1.PtzControl release(Camera c, Actor who) {
        Source s = ptzSource(c);
        PtzLeases.Outcome o = leases.release(c.getId(), who, clock.instant());
        if (o != null) {
            stopQuietly(s, c);
            write(who, o);
        }
        return control(c.getId(), null);
    }

    private Source ptzSource(Camera c) {
        Source s = sources.get(c.getOrigin().getSourceId());
        if (!c.hasOrigin() || s == null) {
            throw HubException.precondition("camera " + c.getId() + " is not one of a camera source's: its PTZ is not"
                    + " reached through the hub");
        }
        if (!c.getOrigin().getPtz()) {
            throw HubException.precondition("camera " + c.getId() + " does not turn (its platform says it is fixed)");
        }
        return s;
    }

    /** Leases that ran out: the camera is stopped (a console that died mid-move), and it is written. */
    private void expireLeases() {
        for (PtzLeases.Outcome o : leases.expire(clock.instant())) {
            hub.read(st -> st.camera(o.cameraId())).ifPresent(c -> {
                Source s = sources.get(c.getOrigin().getSourceId());
                if (s != null) {
                    stopQuietly(s, c);
                }
            });
            write(SYSTEM, o);
        }
    }

    private void stopQuietly(Source s, Camera c) {
        try {
            s.client.move(c.getOrigin().getDeviceCode(), c.getOrigin().getChannelCode(), 0, 0, 0);
        } catch (IOException e) {
            LOG.warn("camera {}: the platform did not stop it: {}", c.getId(), e.getMessage());
        }
    }

    private void write(Actor actor, PtzLeases.Outcome o) {
        commandroom.v1.PtzControlChanged.Builder b = commandroom.v1.PtzControlChanged.newBuilder()
                .setCameraId(o.cameraId()).setChange(o.change());
        if (o.lease() != null) {
            b.setHolder(o.lease().holder());
        }
        if (o.previous() != null) {
            b.setPrevious(o.previous());
        }
        // Queued in the order the leases changed; the command does not wait for the log.
        hub.submit(actor, "", Event.KindCase.PTZ_CONTROL_CHANGED, (st, now) -> Event.newBuilder().setPtzControlChanged(b))
                .exceptionally(t -> {
                    LOG.warn("camera {}: the change of its control was not written: {}", o.cameraId(), t.getMessage());
                    return null;
                });
    }

    private static commandroom.v1.PtzControl control(String cameraId, PtzLeases.Lease lease) {
        commandroom.v1.PtzControl.Builder b = commandroom.v1.PtzControl.newBuilder().setCameraId(cameraId);
        if (lease != null) {
            b.setHolder(lease.holder()).setUntil(Timestamps.fromMillis(lease.until().toEpochMilli()));
        }
        return b.build();
    }

    // --- Alarms: read from the platform every second, each raised once, onto the walls.

    /**
     * Reads a source's alarms since the last one it raised (on a first start, the last minute's)
     * and raises each new one: a CameraAlarmRaised event, after an incident of its own for the
     * types the settings name. An alarm of a channel the registry does not keep is left out.
     */
    private void pollAlarms(Source s) {
        try {
            java.time.Instant since = hub.read(st -> st.lastCameraAlarm(s.settings.id()))
                    .orElse(clock.instant().minus(java.time.Duration.ofMinutes(1)));
            for (SourceAlarm a : s.client.alarms(since)) {
                if (hub.read(st -> st.cameraAlarmRaised(s.settings.id(), a.id()))) {
                    continue;
                }
                Camera c = hub.read(st -> st.cameraOfChannel(s.settings.id(), a.channelCode())).orElse(null);
                if (c == null) {
                    LOG.info("camera source {}: alarm {} ({}) of channel {}, which the registry does not keep",
                            s.settings.id(), a.id(), a.type(), a.channelCode());
                    continue;
                }
                raise(s, c, a);
            }
        } catch (IOException e) {
            LOG.warn("camera source {}: alarms not read: {}", s.settings.id(), describe(e));
        } catch (RuntimeException e) {
            LOG.warn("camera source {}: alarms not raised: {}", s.settings.id(), e.toString());
        }
    }

    private void raise(Source s, Camera c, SourceAlarm a) {
        String incident = "";
        if (s.settings.alarmIncidents().contains(a.type())) {
            var r = commandroom.v1.ReportIncidentRequest.newBuilder()
                    .setType(commandroom.v1.IncidentType.INCIDENT_TYPE_VIDEO_ALARM)
                    .setPriority(commandroom.v1.Priority.PRIORITY_HIGH).setPosition(c.getPosition())
                    .setAddress(c.getName()).setSummary(a.type() + (a.description().isEmpty() ? "" : " " + a.description()))
                    .setIdempotencyKey("camera-alarm:" + s.settings.id() + ":" + a.id()).build();
            Hub.Result res = hub.submit(s.actor, r.getIdempotencyKey(), Event.KindCase.INCIDENT_REPORTED,
                    commandroom.server.loop.IncidentRules.report(r)).join();
            incident = ((commandroom.v1.Incident) res.entity()).getId();
        }
        var raised = commandroom.v1.CameraAlarmRaised.newBuilder().setCameraId(c.getId()).setSourceId(s.settings.id())
                .setAlarmId(a.id()).setAlarmType(a.type()).setAt(Timestamps.fromMillis(a.at().toEpochMilli()))
                .setDescription(a.description()).setIncidentId(incident).build();
        hub.submit(s.actor, "camera-alarm-raised:" + s.settings.id() + ":" + a.id(), Event.KindCase.CAMERA_ALARM_RAISED,
                (st, now) -> st.cameraAlarmRaised(raised.getSourceId(), raised.getAlarmId()) ? null
                        : Event.newBuilder().setCameraAlarmRaised(raised)).join();
    }

    /** Channels playing for consoles, over all sources (the stub's tests and the bench count them). */
    public int playing() {
        return sources.values().stream().mapToInt(s -> s.plays.playing()).sum();
    }

    private void syncQuietly(Source s) {
        CameraSourceReport r = sync(s);
        if (!r.getProblem().isEmpty()) {
            LOG.warn("camera source {} ({}): {}", s.settings.id(), s.settings.address(), r.getProblem());
        }
    }

    private CameraSourceReport sync(Source s) {
        synchronized (s) {
            var now = Timestamps.fromMillis(clock.millis());
            CameraSourceReport.Builder r = s.report.toBuilder().setAttemptedAt(now).clearProblem();
            try {
                CameraPlatform.Catalog catalog = s.client.catalog();
                List<CatalogChannel> channels = catalog.channels();
                CatalogSync.Plan plan = hub.read(state -> CatalogSync.plan(state, s.settings, channels));
                ImportPreview p = (ImportPreview) hub.submitBatch(s.actor, "", Event.KindCase.CAMERA_REGISTERED,
                        RegistryRules.apply(plan.request(), s.settings.id())).get(60, TimeUnit.SECONDS).entity();
                r.setSyncedAt(now).setDevices(catalog.devices()).setChannels(channels.size()).setOnline(plan.online())
                        .setUnplaced(plan.unplaced()).setAdded(p.getAddedTotal()).setChanged(p.getChangedTotal())
                        .setRetired(p.getRetiredTotal());
                LOG.info("camera source {}: {} devices, {} channels ({} online, {} without a place in the station);"
                                + " {} cameras added, {} changed, {} retired", s.settings.id(), catalog.devices(),
                        channels.size(), plan.online(), plan.unplaced(), p.getAddedTotal(), p.getChangedTotal(),
                        p.getRetiredTotal());
            } catch (IOException e) {
                r.setProblem(describe(e));
            } catch (ExecutionException e) {
                r.setProblem(e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                        : String.valueOf(e.getCause()));
            } catch (java.util.concurrent.TimeoutException e) {
                r.setProblem("the registry did not take the catalog in within 60 s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                r.setProblem("interrupted");
            }
            s.report = r.build();
            return s.report;
        }
    }

    static String describe(IOException e) {
        if (e instanceof WvpException w) {
            return "the platform answered code " + w.code() + ": " + w.getMessage();
        }
        if (e instanceof java.net.ConnectException || e instanceof java.net.http.HttpConnectTimeoutException) {
            return "the platform cannot be reached: " + e;
        }
        return "the platform did not answer: " + e;
    }

    @Override
    public void close() {
        alarmTimers.forEach(ExecutorService::shutdownNow);
        timer.shutdownNow();
        calls.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
