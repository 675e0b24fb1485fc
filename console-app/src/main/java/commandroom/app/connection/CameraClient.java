package commandroom.app.connection;

import com.google.protobuf.Timestamp;
import commandroom.app.model.CameraRecording;
import commandroom.v1.CameraPlay;
import commandroom.v1.CameraServiceGrpc;
import commandroom.v1.CameraSourceReport;
import commandroom.v1.ListCameraSourcesRequest;
import commandroom.v1.ListRecordingsRequest;
import commandroom.v1.Recording;
import commandroom.v1.SyncCameraSourceRequest;
import commandroom.v1.WatchCameraRequest;
import commandroom.v1.WatchRecordingRequest;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The hub's cameras from camera sources (a GB/T 28181 platform): a watch of one camera, live or a
 * stretch of its recordings, held open while a tile plays it (the hub starts the platform's play
 * for the first watcher and stops it after the last), the recordings a platform keeps, and the
 * sources' catalogs synced and reported. Thread-safe.
 */
public final class CameraClient {

    /** A camera's play addresses, as the hub gave them (a smaller stream for small tiles, or ""). */
    public record Addresses(String rtspUrl, String flvUrl, String rtspSubUrl) {}

    /** The hub's deadline for a recordings query: the platform waits 15 s for the device by default. */
    static final long RECORDINGS_DEADLINE_SECONDS = 40;

    private final HubSession session;
    private final Executor executor;
    private final java.util.concurrent.ExecutorService ptz = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ptz-commands");
        t.setDaemon(true);
        return t;
    });

    public CameraClient(HubSession session, Executor executor) {
        this.session = session;
        this.executor = executor;
    }

    /**
     * Watches a camera until the returned handle is closed: onAddresses gets where to play it,
     * onFailure why the hub or the platform would not (both on a gRPC thread).
     */
    public AutoCloseable watch(String cameraId, Consumer<Addresses> onAddresses, Consumer<CommandFailure> onFailure) {
        return hold(o -> CameraServiceGrpc.newStub(session.channel()).withCallCredentials(session.credentials())
                .watchCamera(WatchCameraRequest.newBuilder().setCameraId(cameraId).build(), o), onAddresses, onFailure);
    }

    /**
     * Watches a stretch [start, end) of a camera's recordings as {@link #watch} watches it live:
     * the hub keeps the platform's playback going until the handle is closed.
     */
    public AutoCloseable watchRecording(String cameraId, Instant start, Instant end, Consumer<Addresses> onAddresses,
                                        Consumer<CommandFailure> onFailure) {
        WatchRecordingRequest r = WatchRecordingRequest.newBuilder().setCameraId(cameraId).setStart(timestamp(start))
                .setEnd(timestamp(end)).build();
        return hold(o -> CameraServiceGrpc.newStub(session.channel()).withCallCredentials(session.credentials())
                .watchRecording(r, o), onAddresses, onFailure);
    }

    /**
     * A camera's recordings overlapping a period of at most 24 h, oldest first. The platform asks
     * the device, which may take it seconds: the deadline leaves it room.
     */
    public CompletableFuture<List<CameraRecording>> recordings(String cameraId, Instant from, Instant to) {
        return HubCalls.async(executor, () -> stub().withDeadlineAfter(RECORDINGS_DEADLINE_SECONDS, TimeUnit.SECONDS)
                .listRecordings(ListRecordingsRequest.newBuilder().setCameraId(cameraId).setFrom(timestamp(from))
                        .setTo(timestamp(to)).build())
                .getRecordingsList().stream().map(CameraClient::recording).toList());
    }

    private static CameraRecording recording(Recording r) {
        CameraRecording.Kind kind = switch (r.getType()) {
            case RECORDING_TYPE_TIMED -> CameraRecording.Kind.TIMED;
            case RECORDING_TYPE_ALARM -> CameraRecording.Kind.ALARM;
            case RECORDING_TYPE_MANUAL -> CameraRecording.Kind.MANUAL;
            default -> CameraRecording.Kind.OTHER;
        };
        return new CameraRecording(instant(r.getStart()), instant(r.getEnd()), kind, r.getSizeBytes());
    }

    /** One watch's stream: addresses as they come, a failure unless the console ended it itself. */
    private static AutoCloseable hold(Consumer<StreamObserver<CameraPlay>> call, Consumer<Addresses> onAddresses,
                                      Consumer<CommandFailure> onFailure) {
        Context.CancellableContext context = Context.current().withCancellation();
        context.run(() -> call.accept(new StreamObserver<>() {
            @Override
            public void onNext(CameraPlay p) {
                onAddresses.accept(new Addresses(p.getRtspUrl(), p.getFlvUrl(), p.getRtspSubUrl()));
            }

            @Override
            public void onError(Throwable t) {
                if (Status.fromThrowable(t).getCode() != Status.Code.CANCELLED) {
                    onFailure.accept(CommandFailure.from(t instanceof StatusRuntimeException s ? s
                            : Status.fromThrowable(t).asRuntimeException()));
                }
            }

            @Override
            public void onCompleted() {
                // A camera with its own addresses: nothing is held for it.
            }
        }));
        return () -> context.cancel(null);
    }

    private static Timestamp timestamp(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    /**
     * PTZ commands, one after another on their own thread: a stop never overtakes the move before
     * it, and a slow platform does not hold up the console's other calls.
     */
    public CompletableFuture<Void> move(String cameraId, double pan, double tilt, double zoom, boolean takeOver) {
        return HubCalls.async(ptz, () -> {
            stub().moveCamera(commandroom.v1.MoveCameraRequest.newBuilder().setCameraId(cameraId).setPan((float) pan)
                    .setTilt((float) tilt).setZoom((float) zoom).setTakeOver(takeOver).build());
            return null;
        });
    }

    public CompletableFuture<Void> preset(String cameraId, int preset, boolean save, boolean takeOver) {
        return HubCalls.async(ptz, () -> {
            var r = commandroom.v1.PresetRequest.newBuilder().setCameraId(cameraId).setPreset(preset).setTakeOver(takeOver)
                    .build();
            if (save) {
                stub().savePreset(r);
            } else {
                stub().goToPreset(r);
            }
            return null;
        });
    }

    public CompletableFuture<Void> release(String cameraId) {
        return HubCalls.async(ptz, () -> {
            stub().releaseCamera(commandroom.v1.ReleaseCameraRequest.newBuilder().setCameraId(cameraId).build());
            return null;
        });
    }

    /** Sends the PTZ commands already queued (a release at log-out), for up to 2 s, and stops. */
    public void close() {
        ptz.shutdown();
        try {
            ptz.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public CompletableFuture<List<CameraSourceReport>> sources() {
        return HubCalls.async(executor, () -> stub().listCameraSources(ListCameraSourcesRequest.getDefaultInstance())
                .getSourcesList());
    }

    public CompletableFuture<CameraSourceReport> sync(String sourceId) {
        return HubCalls.async(executor, () -> stub().withDeadlineAfter(120, TimeUnit.SECONDS)
                .syncCameraSource(SyncCameraSourceRequest.newBuilder().setSourceId(sourceId).build()));
    }

    private CameraServiceGrpc.CameraServiceBlockingStub stub() {
        return CameraServiceGrpc.newBlockingStub(session.channel()).withCallCredentials(session.credentials())
                .withDeadlineAfter(15, TimeUnit.SECONDS);
    }
}
