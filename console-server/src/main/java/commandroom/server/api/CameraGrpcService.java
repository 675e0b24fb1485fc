package commandroom.server.api;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import commandroom.server.auth.Caller;
import commandroom.server.cameras.CameraPlatform;
import commandroom.server.cameras.CameraSources;
import commandroom.server.loop.Hub;
import commandroom.server.loop.HubException;
import commandroom.v1.Camera;
import commandroom.v1.CameraPlay;
import commandroom.v1.CameraServiceGrpc;
import commandroom.v1.CameraSourceReport;
import commandroom.v1.ListCameraSourcesRequest;
import commandroom.v1.ListCameraSourcesResponse;
import commandroom.v1.ListRecordingsRequest;
import commandroom.v1.ListRecordingsResponse;
import commandroom.v1.Recording;
import commandroom.v1.RecordingType;
import commandroom.v1.SyncCameraSourceRequest;
import commandroom.v1.WatchCameraRequest;
import commandroom.v1.WatchRecordingRequest;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Cameras that camera sources keep: their play addresses for the consoles that watch them, live
 * or a stretch of their recordings, the recordings their platforms keep, and the sources' catalogs
 * synced on demand. A watch holds the platform's play (or playback) open until its stream
 * ends, or until its caller's session does (log-out, a disabled or changed account, an expired
 * token: checked every {@link #LEASE_CHECK}, as the event streams are); one user holds at most
 * {@link #WATCHES_PER_USER} (two walls of 16 tiles, and room to swap).
 */
public final class CameraGrpcService extends CameraServiceGrpc.CameraServiceImplBase {

    static final int WATCHES_PER_USER = 64;
    static final Duration LEASE_CHECK = Duration.ofSeconds(2);
    /** The longest period a recordings query or a playback covers. */
    static final Duration MAX_PERIOD = Duration.ofHours(24);

    private final Hub hub;
    private final CameraSources sources;
    private final StreamLeases leases;
    private final ConcurrentHashMap<String, AtomicInteger> watchesByUser = new ConcurrentHashMap<>();
    private final java.util.concurrent.ScheduledExecutorService checks =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "camera-watch-leases");
                t.setDaemon(true);
                return t;
            });

    CameraGrpcService(Hub hub, CameraSources sources, StreamLeases leases) {
        this.hub = hub;
        this.sources = sources;
        this.leases = leases;
    }

    @Override
    public void watchCamera(WatchCameraRequest r, StreamObserver<CameraPlay> out) {
        Camera c = Replies.orAnswer(() -> camera(r.getCameraId()), out);
        if (c == null) {
            return;
        }
        if (!c.hasOrigin()) {
            out.onNext(CameraPlay.newBuilder().setCameraId(c.getId()).setRtspUrl(c.getMainStreamUrl()).build());
            out.onCompleted();
            return;
        }
        hold(c, sources::watch, sources::leave, out);
    }

    @Override
    public void listRecordings(ListRecordingsRequest r, StreamObserver<ListRecordingsResponse> out) {
        Replies.call(() -> {
            period(r.getCameraId(), "from", r.hasFrom(), r.getFrom(), "to", r.hasTo(), r.getTo());
            Camera c = camera(r.getCameraId());
            ListRecordingsResponse.Builder b = ListRecordingsResponse.newBuilder().setCameraId(c.getId());
            for (CameraPlatform.Recording x : sources.recordings(c, instant(r.getFrom()), instant(r.getTo()))) {
                b.addRecordings(Recording.newBuilder().setStart(Timestamps.fromMillis(x.start().toEpochMilli()))
                        .setEnd(Timestamps.fromMillis(x.end().toEpochMilli())).setType(type(x.kind()))
                        .setSizeBytes(x.sizeBytes()));
            }
            return b.build();
        }, out);
    }

    @Override
    public void watchRecording(WatchRecordingRequest r, StreamObserver<CameraPlay> out) {
        Camera c = Replies.orAnswer(() -> {
            period(r.getCameraId(), "start", r.hasStart(), r.getStart(), "end", r.hasEnd(), r.getEnd());
            return camera(r.getCameraId());
        }, out);
        if (c == null) {
            return;
        }
        Instant start = instant(r.getStart());
        Instant end = instant(r.getEnd());
        hold(c, x -> sources.watchRecording(x, start, end), x -> sources.leaveRecording(x, start, end), out);
    }

    /**
     * Holds a play of a source's camera open for the stream's caller: counted in the user's
     * watches, let go when the stream ends or the caller's session does; the first message carries
     * the addresses once the platform plays.
     */
    private void hold(Camera c, Function<Camera, CompletableFuture<CameraPlatform.Play>> start, Consumer<Camera> stop,
                      StreamObserver<CameraPlay> out) {
        String user = Caller.current().username();
        AtomicInteger mine = watchesByUser.computeIfAbsent(user, u -> new AtomicInteger());
        if (mine.incrementAndGet() > WATCHES_PER_USER) {
            mine.decrementAndGet();
            out.onError(Status.RESOURCE_EXHAUSTED.withDescription("at most " + WATCHES_PER_USER
                    + " cameras watched at once by one user").asRuntimeException());
            return;
        }
        ServerCallStreamObserver<CameraPlay> call = (ServerCallStreamObserver<CameraPlay>) out;
        AtomicBoolean left = new AtomicBoolean();
        AtomicReference<ScheduledFuture<?>> checking = new AtomicReference<>();
        Runnable leave = () -> {
            if (left.compareAndSet(false, true)) {
                mine.decrementAndGet();
                stop.accept(c);
                ScheduledFuture<?> f = checking.get();
                if (f != null) {
                    f.cancel(false);
                }
            }
        };
        call.setOnCancelHandler(leave);
        // The session's end ends the watch: a logged-out user keeps no platform play open.
        commandroom.server.log.StreamLease lease = leases.of(Caller.current());
        checking.set(checks.scheduleWithFixedDelay(() -> {
            Status ended = lease.check();
            if (ended != null) {
                synchronized (call) {
                    if (!left.get()) {
                        leave.run();
                        out.onError(ended.asRuntimeException());
                    }
                }
            }
        }, LEASE_CHECK.toMillis(), LEASE_CHECK.toMillis(), TimeUnit.MILLISECONDS));
        if (left.get()) {
            checking.get().cancel(false);
        }
        start.apply(c).whenComplete((play, failure) -> {
            synchronized (call) {
                if (left.get()) {
                    return;
                }
                if (failure != null) {
                    leave.run();
                    out.onError(unavailable(failure));
                } else {
                    out.onNext(CameraPlay.newBuilder().setCameraId(c.getId()).setRtspUrl(nonNull(play.rtsp()))
                            .setFlvUrl(nonNull(play.flv())).setRtspSubUrl(nonNull(play.rtspSub())).build());
                }
            }
        });
    }

    /**
     * A camera id and a period of at most 24 h: a platform searches a device's store one day at a
     * time, and a longer playback is no use to a wall.
     */
    private static void period(String cameraId, String fromField, boolean hasFrom, Timestamp from, String toField,
                               boolean hasTo, Timestamp to) {
        Violations v = new Violations().id("camera_id", cameraId);
        if (!hasFrom) {
            v.add(fromField, "is required");
        } else {
            v.time(fromField, from);
        }
        if (!hasTo) {
            v.add(toField, "is required");
        } else {
            v.time(toField, to);
        }
        if (v.isEmpty()) {
            Duration d = Duration.between(instant(from), instant(to));
            if (d.isNegative() || d.isZero()) {
                v.add(toField, "must be after " + fromField);
            } else if (d.compareTo(MAX_PERIOD) > 0) {
                v.add(toField, "must be at most 24 h after " + fromField + ", not " + d.toMinutes() + " min");
            }
        }
        v.throwIfAny();
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    private static RecordingType type(CameraPlatform.RecordingKind k) {
        return switch (k) {
            case TIMED -> RecordingType.RECORDING_TYPE_TIMED;
            case ALARM -> RecordingType.RECORDING_TYPE_ALARM;
            case MANUAL -> RecordingType.RECORDING_TYPE_MANUAL;
            case UNKNOWN -> RecordingType.RECORDING_TYPE_UNSPECIFIED;
        };
    }

    @Override
    public void syncCameraSource(SyncCameraSourceRequest r, StreamObserver<CameraSourceReport> out) {
        Replies.call(() -> {
            if (r.getSourceId().isEmpty()) {
                throw HubException.invalid("source_id", "is required");
            }
            return sources.sync(r.getSourceId());
        }, out);
    }

    @Override
    public void listCameraSources(ListCameraSourcesRequest r, StreamObserver<ListCameraSourcesResponse> out) {
        Replies.call(() -> ListCameraSourcesResponse.newBuilder().addAllSources(sources.reports()).build(), out);
    }

    @Override
    public void moveCamera(commandroom.v1.MoveCameraRequest r, StreamObserver<commandroom.v1.PtzControl> out) {
        Replies.call(() -> {
            Violations v = new Violations();
            for (var axis : new Object[][] {{"pan", r.getPan()}, {"tilt", r.getTilt()}, {"zoom", r.getZoom()}}) {
                float f = (Float) axis[1];
                if (!(f >= -1 && f <= 1)) {
                    v.add((String) axis[0], "is -1..1, not " + f);
                }
            }
            v.throwIfAny();
            return sources.command(camera(r.getCameraId()), Caller.current().actor(), r.getTakeOver(),
                    (client, device, channel) -> client.move(device, channel, r.getPan(), r.getTilt(), r.getZoom()));
        }, out);
    }

    @Override
    public void goToPreset(commandroom.v1.PresetRequest r, StreamObserver<commandroom.v1.PtzControl> out) {
        preset(r, false, out);
    }

    @Override
    public void savePreset(commandroom.v1.PresetRequest r, StreamObserver<commandroom.v1.PtzControl> out) {
        preset(r, true, out);
    }

    @Override
    public void releaseCamera(commandroom.v1.ReleaseCameraRequest r, StreamObserver<commandroom.v1.PtzControl> out) {
        Replies.call(() -> sources.release(camera(r.getCameraId()), Caller.current().actor()), out);
    }

    private void preset(commandroom.v1.PresetRequest r, boolean save, StreamObserver<commandroom.v1.PtzControl> out) {
        Replies.call(() -> {
            if (r.getPreset() < 1 || r.getPreset() > 255) {
                throw HubException.invalid("preset", "is 1..255, not " + r.getPreset());
            }
            return sources.command(camera(r.getCameraId()), Caller.current().actor(), r.getTakeOver(),
                    (client, device, channel) -> client.preset(device, channel, save, r.getPreset()));
        }, out);
    }

    private Camera camera(String id) {
        if (id.isEmpty()) {
            throw HubException.invalid("camera_id", "is required");
        }
        return hub.read(s -> s.camera(id)).orElseThrow(() -> HubException.notFound("camera_id", "camera", id));
    }

    private static RuntimeException unavailable(Throwable failure) {
        Throwable e = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (e instanceof HubException) {
            return Replies.toStatus(e);
        }
        // The platform's own words (e.g. 设备不在线, 点播超时): the console shows them on the tile.
        String why = e instanceof commandroom.server.cameras.WvpException w
                ? (w.getMessage() == null || w.getMessage().isEmpty() ? "code " + w.code() : w.getMessage())
                : "the platform cannot be reached (" + e + ")";
        return Status.UNAVAILABLE.withDescription(why).asRuntimeException();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
