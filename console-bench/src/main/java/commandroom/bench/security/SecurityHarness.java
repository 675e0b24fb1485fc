package commandroom.bench.security;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Timestamp;
import commandroom.bench.ScratchDir;
import commandroom.bench.soak.ProcessMemory;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.HubProcess;
import commandroom.server.testing.RawCalls;
import commandroom.server.testing.TestCounty;
import commandroom.v1.AuthServiceGrpc;
import commandroom.v1.CaseServiceGrpc;
import commandroom.v1.CommandServiceGrpc;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.Event;
import commandroom.v1.FieldServiceGrpc;
import commandroom.v1.GetFiguresRequest;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.IncidentType;
import commandroom.v1.LoginRequest;
import commandroom.v1.LogoutRequest;
import commandroom.v1.Photo;
import commandroom.v1.Priority;
import commandroom.v1.Progress;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.ReportProgressRequest;
import commandroom.v1.ResultCode;
import commandroom.v1.Snapshot;
import commandroom.v1.SubmitFeedbackRequest;
import commandroom.v1.SubscribeRequest;
import commandroom.v1.Task;
import commandroom.v1.TaskKind;
import io.grpc.CallCredentials;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Attacks a running hub (its own process, the test county, H2) the way a hostile insider or a
 * stranger on the network would, with a client written from the .proto files (raw bytes where the
 * generated code would refuse to send them), and prints one line per attack: what it did, what it
 * saw, and whether the hub held. The attacks are those issue 18 reports: a stream that outlives
 * its log-out, a stranger locking the chief out, log-in timing that tells which names exist,
 * thousands of streams from one user, a request of millions of repeated elements, feedback photos
 * that once made the snapshot unloadable, timestamps at the ends of time, a file posing as a photo.
 *
 * <p>Usage: SecurityHarness [--streams N] [--feedbacks N] [--timing N]; defaults 2000, 10, 20.
 */
public final class SecurityHarness {

    /** One attack's outcome. */
    public record Line(String attack, String saw, boolean held) {
        String render() {
            return String.format("%-22s %-5s %s", attack, held ? "held" : "BROKE", saw);
        }
    }

    private final HubProcess hub;
    private final List<Line> lines = new ArrayList<>();

    private SecurityHarness(HubProcess hub) {
        this.hub = hub;
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        List<Line> lines = run(commandroom.bench.HarnessArgs.intAfter(a, "--streams", 2000),
                commandroom.bench.HarnessArgs.intAfter(a, "--feedbacks", 10),
                commandroom.bench.HarnessArgs.intAfter(a, "--timing", 20));
        System.out.println("rerun: ./mvnw -q -B -pl console-bench compile exec:exec -Dexec.executable=java"
                + " -Dexec.args=\"-cp %classpath " + SecurityHarness.class.getName() + " " + String.join(" ", args) + "\"");
        System.exit(lines.stream().allMatch(Line::held) ? 0 : 1);
    }

    /** Starts a hub process, runs every attack, prints and answers the lines. */
    public static List<Line> run(int streams, int feedbacks, int timing) throws Exception {
        Path dir = Files.createTempDirectory("commandroom-security");
        HubProcess process = HubProcess.prepare(dir, null);
        try {
            process.start();
            SecurityHarness h = new SecurityHarness(process);
            h.streamAfterLogout();
            h.strangerCannotLockTheChiefOut();
            h.logInTimingTellsNoNames(timing);
            h.oneUserManyStreams(streams);
            h.repeatedFieldBomb();
            h.photosLeaveTheSnapshotSmall(feedbacks);
            h.timestampsAtTheEndsOfTime();
            h.fileAsPhoto();
            return h.lines;
        } finally {
            process.close();
            ScratchDir.delete(dir);
        }
    }

    private void report(String attack, String saw, boolean held) {
        Line l = new Line(attack, saw, held);
        lines.add(l);
        System.out.println(l.render());
    }

    private void streamAfterLogout() throws Exception {
        try (HubClient duty = hub.login("duty1")) {
            CompletableFuture<Status> ended = new CompletableFuture<>();
            CompletableFuture<Void> started = new CompletableFuture<>();
            duty.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(1).build(), ending(started, ended));
            // The stream sends the log from its start: its first event shows the hub took it.
            started.get(30, TimeUnit.SECONDS);
            long t0 = System.nanoTime();
            duty.auth().logout(LogoutRequest.getDefaultInstance());
            Status s = ended.get(30, TimeUnit.SECONDS);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            report("stream-after-logout", "stream ended " + s.getCode() + " " + ms + " ms after the log-out",
                    s.getCode() == Status.Code.UNAUTHENTICATED && ms <= 5000);
        }
    }

    private void strangerCannotLockTheChiefOut() throws Exception {
        ManagedChannel stranger = HubClient.channelFrom("127.0.0.2", hub.port(), hub.certificate());
        int refusedUnchecked = 0;
        try {
            for (int i = 0; i < 10; i++) {
                if (login(stranger, "chief1", "guess-" + i).getCode() == Status.Code.RESOURCE_EXHAUSTED) {
                    refusedUnchecked++;
                }
            }
        } finally {
            stranger.shutdownNow();
        }
        Status chief;
        try (HubClient c = hub.login("chief1")) {
            chief = Status.OK;
        } catch (StatusRuntimeException e) {
            chief = e.getStatus();
        }
        report("stranger-locks-chief", "10 wrong passwords from 127.0.0.2: " + refusedUnchecked
                + " refused unchecked (the source waits); the chief from 127.0.0.1: " + chief.getCode(),
                chief.isOk() && refusedUnchecked > 0);
    }

    private void logInTimingTellsNoNames(int n) throws Exception {
        long[] known = new long[n];
        long[] unknown = new long[n];
        for (int i = 0; i < n; i++) {
            // A fresh source each time: the throttle would otherwise answer before the password check.
            known[i] = timedWrongLogin("127.0." + (10 + i / 200) + "." + (1 + i % 200), "chief1");
            unknown[i] = timedWrongLogin("127.1." + (10 + i / 200) + "." + (1 + i % 200), "nobody-" + i);
        }
        Arrays.sort(known);
        Arrays.sort(unknown);
        double k = known[n / 2] / 1e6;
        double u = unknown[n / 2] / 1e6;
        double ratio = Math.max(k, u) / Math.max(0.001, Math.min(k, u));
        report("login-timing", String.format("wrong password p50: known name %.1f ms, unknown name %.1f ms (ratio %.2f)",
                k, u, ratio), ratio < 1.5);
    }

    private long timedWrongLogin(String from, String user) throws Exception {
        ManagedChannel ch = HubClient.channelFrom(from, hub.port(), hub.certificate());
        try {
            login(ch, "warm-up", "x");
            long t0 = System.nanoTime();
            login(ch, user, "wrong-password");
            return System.nanoTime() - t0;
        } finally {
            ch.shutdownNow();
        }
    }

    private void oneUserManyStreams(int n) throws Exception {
        long rssBefore = ProcessMemory.rssKib(hub.pid());
        AtomicInteger refused = new AtomicInteger();
        java.util.concurrent.CountDownLatch allRefused = new java.util.concurrent.CountDownLatch(Math.max(0, n - 8));
        List<Context.CancellableContext> open = new ArrayList<>();
        try (HubClient duty = hub.login("duty2")) {
            for (int i = 0; i < n; i++) {
                Context.CancellableContext ctx = Context.current().withCancellation();
                open.add(ctx);
                ctx.run(() -> duty.commandAsync().subscribe(SubscribeRequest.newBuilder().setFromSequence(1).build(),
                        new StreamObserver<>() {
                            @Override
                            public void onNext(Event e) {
                                // Paused: an attacker reads nothing.
                            }

                            @Override
                            public void onError(Throwable t) {
                                if (Status.fromThrowable(t).getCode() == Status.Code.RESOURCE_EXHAUSTED) {
                                    refused.incrementAndGet();
                                    allRefused.countDown();
                                }
                            }

                            @Override
                            public void onCompleted() {
                            }
                        }));
            }
            // Every stream past the limit is refused at once; the answers get up to 30 s to arrive.
            allRefused.await(30, TimeUnit.SECONDS);
            long rssAfter = ProcessMemory.rssKib(hub.pid());
            open.forEach(c -> c.cancel(null));
            report("one-user-many-streams", n + " streams by one user: " + refused.get() + " refused RESOURCE_EXHAUSTED;"
                    + " hub RSS " + rssBefore / 1024 + " -> " + rssAfter / 1024 + " MiB", refused.get() >= n - 8);
        }
    }

    private void repeatedFieldBomb() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        int count = 16 * 1024 * 1024 - 1024;
        out.writeTag(1, com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(count);
        for (int i = 0; i < count; i++) {
            out.writeEnumNoTag(1);
        }
        out.flush();
        try (HubClient chief = hub.login("chief1")) {
            long t0 = System.nanoTime();
            Status s = RawCalls.unary(chief.channel(), bearer(chief), CommandServiceGrpc.getListTasksMethod(),
                    bytes.toByteArray(), false);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            // Baseline in the same run: the same 16 MiB to the open Login, which also refuses it
            // unread; what both take is carrying 16 MiB over TLS on loopback, not the hub's work.
            long t1 = System.nanoTime();
            RawCalls.unary(chief.channel(), null, AuthServiceGrpc.getLoginMethod(), bytes.toByteArray(), false);
            long baseline = (System.nanoTime() - t1) / 1_000_000;
            report("repeated-field-bomb", "ListTasks with " + count + " statuses (16 MiB): " + s.getCode() + " in " + ms
                    + " ms; the same bytes to Login (transfer only): " + baseline + " ms (" + s.getDescription() + ")",
                    s.getCode() == Status.Code.INVALID_ARGUMENT);
        }
    }

    private void photosLeaveTheSnapshotSmall(int feedbacks) throws Exception {
        String[] units = {"u-cd-co1", "u-cd-aux1", "u-cx-co1", "u-car1"};
        Random random = new Random(18);
        try (HubClient duty = hub.login("duty1"); HubClient leader = hub.login("leader1")) {
            for (int i = 0; i < feedbacks; i++) {
                var incident = duty.command().reportIncident(ReportIncidentRequest.newBuilder()
                        .setType(IncidentType.INCIDENT_TYPE_DISPUTE).setPriority(Priority.PRIORITY_NORMAL)
                        .setPosition(TestCounty.pos(30.5452, 119.9655)).setAddress("城东路 " + i + " 号")
                        .setSummary("纠纷 " + i).build()).getIncident();
                String unit = units[i % units.length];
                Task task = leader.command().dispatchTask(DispatchTaskRequest.newBuilder()
                        .setIncidentId(incident.getId()).setExpectedIncidentVersion(incident.getVersion())
                        .setKind(TaskKind.TASK_KIND_MEDIATE).addUnitIds(unit).setInstruction("到场调解").build()).getTask();
                try (HubClient terminal = hub.login(unit)) {
                    for (Progress p : new Progress[] {Progress.PROGRESS_DELIVERED, Progress.PROGRESS_SIGNED_FOR,
                            Progress.PROGRESS_ARRIVED, Progress.PROGRESS_IN_PROGRESS}) {
                        terminal.field().reportProgress(ReportProgressRequest.newBuilder().setTaskId(task.getId())
                                .setProgress(p).build());
                    }
                    SubmitFeedbackRequest.Builder f = SubmitFeedbackRequest.newBuilder().setTaskId(task.getId())
                            .setResultCode(ResultCode.RESULT_CODE_MEDIATED).setText("调解成功");
                    for (int k = 0; k < 6; k++) {
                        f.addPhotos(photo(random));
                    }
                    FieldServiceGrpc.newBlockingStub(terminal.channel()).withCallCredentials(bearer(terminal))
                            .withDeadlineAfter(60, TimeUnit.SECONDS).submitFeedback(f.build());
                }
            }
        }
        // A console with gRPC's default 4 MiB limit.
        ManagedChannel small = io.grpc.Grpc.newChannelBuilderForAddress("127.0.0.1", hub.port(),
                io.grpc.TlsChannelCredentials.newBuilder().trustManager(hub.certificate().toFile()).build())
                .build();
        try (HubClient chief = hub.login("chief1")) {
            long t0 = System.nanoTime();
            Snapshot s = CommandServiceGrpc.newBlockingStub(small).withCallCredentials(bearer(chief))
                    .withDeadlineAfter(30, TimeUnit.SECONDS).getSnapshot(GetSnapshotRequest.getDefaultInstance());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            report("photos-in-snapshot", feedbacks + " feedbacks x 6 photos of 2 MiB: snapshot " + s.getSerializedSize() / 1024
                    + " KiB, loaded in " + ms + " ms by a console with a 4 MiB limit", s.getSerializedSize() < 1024 * 1024);
        } catch (StatusRuntimeException e) {
            report("photos-in-snapshot", "the snapshot could not be loaded: " + e.getStatus(), false);
        } finally {
            small.shutdownNow();
        }
    }

    private void timestampsAtTheEndsOfTime() throws Exception {
        try (HubClient chief = hub.login("chief1")) {
            List<String> codes = new ArrayList<>();
            boolean held = true;
            for (long seconds : new long[] {Long.MAX_VALUE, 253_402_300_800L, -62_135_596_800L, Long.MIN_VALUE}) {
                Status s;
                try {
                    CaseServiceGrpc.newBlockingStub(chief.channel()).withCallCredentials(bearer(chief))
                            .withDeadlineAfter(10, TimeUnit.SECONDS).getFigures(GetFiguresRequest.newBuilder()
                                    .setFrom(Timestamp.newBuilder().setSeconds(1_790_000_000L))
                                    .setTo(Timestamp.newBuilder().setSeconds(seconds)).build());
                    s = Status.OK;
                } catch (StatusRuntimeException e) {
                    s = e.getStatus();
                }
                codes.add(s.getCode().name());
                held &= s.getCode() == Status.Code.INVALID_ARGUMENT;
            }
            report("timestamps-far-away", "GetFigures to = far future/past/overflowing: " + codes, held);
        }
    }

    private void fileAsPhoto() throws Exception {
        try (HubClient unit = hub.login("u-cd-co1")) {
            byte[] data = "MZ\u0090 not a picture".repeat(500).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            Status s;
            try {
                unit.field().submitFeedback(SubmitFeedbackRequest.newBuilder().setTaskId("T-1")
                        .setResultCode(ResultCode.RESULT_CODE_MEDIATED).setText("x")
                        .addPhotos(Photo.newBuilder().setName("a.jpg").setContentType("image/jpeg")
                                .setData(ByteString.copyFrom(data)).setSha256(ByteString.copyFrom(
                                        MessageDigest.getInstance("SHA-256").digest(data)))).build());
                s = Status.OK;
            } catch (StatusRuntimeException e) {
                s = e.getStatus();
            }
            report("file-as-photo", "a program sent as image/jpeg: " + s.getCode() + " (" + s.getDescription() + ")",
                    s.getCode() == Status.Code.INVALID_ARGUMENT);
        }
    }

    private static Photo photo(Random random) throws Exception {
        byte[] data = new byte[2 * 1024 * 1024 - 4096];
        random.nextBytes(data);
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                0, 0, 0x0f, (byte) 0xa0, 0, 0, 0x0b, (byte) 0xb8};
        System.arraycopy(head, 0, data, 0, head.length);
        return Photo.newBuilder().setName("scene.png").setContentType("image/png").setData(ByteString.copyFrom(data))
                .setSha256(ByteString.copyFrom(MessageDigest.getInstance("SHA-256").digest(data))).build();
    }

    private static Status login(ManagedChannel ch, String user, String password) {
        return HubClient.tryLogin(ch, user, password);
    }

    private static CallCredentials bearer(HubClient c) {
        return HubClient.bearer(c.login().getAccessToken());
    }

    private static <T> StreamObserver<T> ending(CompletableFuture<Void> started, CompletableFuture<Status> ended) {
        return new StreamObserver<>() {
            @Override
            public void onNext(T value) {
                started.complete(null);
            }

            @Override
            public void onError(Throwable t) {
                ended.complete(Status.fromThrowable(t));
            }

            @Override
            public void onCompleted() {
                ended.complete(Status.OK);
            }
        };
    }
}
