package commandroom.server.api;

import commandroom.server.auth.Caller;
import commandroom.server.cameras.CameraSources;
import commandroom.server.loop.Hub;
import commandroom.server.loop.HubException;
import commandroom.v1.Camera;
import commandroom.v1.CameraPlay;
import commandroom.v1.CameraServiceGrpc;
import commandroom.v1.CameraSourceReport;
import commandroom.v1.ListCameraSourcesRequest;
import commandroom.v1.ListCameraSourcesResponse;
import commandroom.v1.SyncCameraSourceRequest;
import commandroom.v1.WatchCameraRequest;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cameras that camera sources keep: their play addresses for the consoles that watch them, and
 * the sources' catalogs synced on demand. A watch holds the platform's play open until its stream
 * ends, or until its caller's session does (log-out, a disabled or changed account, an expired
 * token: checked every {@link #LEASE_CHECK}, as the event streams are); one user holds at most
 * {@link #WATCHES_PER_USER} (two walls of 16 tiles, and room to swap).
 */
public final class CameraGrpcService extends CameraServiceGrpc.CameraServiceImplBase {

    static final int WATCHES_PER_USER = 64;
    static final java.time.Duration LEASE_CHECK = java.time.Duration.ofSeconds(2);

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
        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.ScheduledFuture<?>> checking =
                new java.util.concurrent.atomic.AtomicReference<>();
        Runnable leave = () -> {
            if (left.compareAndSet(false, true)) {
                mine.decrementAndGet();
                sources.leave(c);
                java.util.concurrent.ScheduledFuture<?> f = checking.get();
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
        }, LEASE_CHECK.toMillis(), LEASE_CHECK.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
        if (left.get()) {
            checking.get().cancel(false);
        }
        sources.watch(c).whenComplete((play, failure) -> {
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
