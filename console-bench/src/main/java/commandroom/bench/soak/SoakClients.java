package commandroom.bench.soak;

import commandroom.bench.BenchCounty;
import commandroom.bench.ClientTransport;
import commandroom.bench.Incidents;
import commandroom.v1.CommandServiceGrpc;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.Event;
import commandroom.v1.FieldServiceGrpc;
import commandroom.v1.FieldTaskResponse;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.InstructionsRequest;
import commandroom.v1.Progress;
import commandroom.v1.ReportProgressRequest;
import commandroom.v1.Snapshot;
import commandroom.v1.SubscribeRequest;
import commandroom.v1.TaskKind;
import commandroom.v1.TaskResponse;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The soak's clients of one hub, all in this JVM over TLS, 25 to a channel: N consoles that read
 * the board (GetSnapshot) and follow the event stream from there, as the console's EventFeed does,
 * each checking that its sequences run on with no gap; M field units that follow their
 * Instructions and, for each task dispatched to them, sign for it and then arrive, as a terminal
 * does; and the shift leader who dispatches. Deliveries of the dispatches go to their window's
 * trackers. Stream callbacks run on the client event loops; {@link #dispatch} may be called from
 * any thread. Close once.
 */
final class SoakClients implements AutoCloseable {

    /** Clients sharing one channel (one HTTP/2 connection), as in the load harness. */
    private static final int PER_CHANNEL = 25;

    final AtomicLong gaps = new AtomicLong();
    final AtomicLong streamErrors = new AtomicLong();
    final AtomicLong dispatchErrors = new AtomicLong();
    final AtomicLong progressErrors = new AtomicLong();
    final AtomicLong progressReports = new AtomicLong();

    private final SoakOptions options;
    private final ClientTransport transport;
    private final AtomicReferenceArray<SoakWindow> windows;
    private final long streamMinutes;
    private Tokens tokens;
    private CommandServiceGrpc.CommandServiceStub leader;
    private Incidents.Reported incidents;
    private volatile boolean closing;

    SoakClients(SoakOptions o, Path certificate, int port, int windowCount) {
        this.options = o;
        this.transport = new ClientTransport(certificate, port);
        this.windows = new AtomicReferenceArray<>(windowCount + 1);
        this.streamMinutes = (long) Math.ceil(o.minutes()) + 60;
    }

    /** Logs everyone in, opens every stream, reports the incidents; returns once all are live. */
    void connect() throws InterruptedException {
        ManagedChannel control = transport.newChannel();
        tokens = new Tokens(control);
        List<String> users = new ArrayList<>(List.of(BenchCounty.LEADER, BenchCounty.intake(0)));
        for (int i = 0; i < options.consoles(); i++) {
            users.add(BenchCounty.console(i));
        }
        for (int i = 0; i < options.units(); i++) {
            users.add(BenchCounty.unit(i));
        }
        tokens.logIn(users, BenchCounty.PASSWORD);
        leader = CommandServiceGrpc.newStub(control).withInterceptors(tokens.bearer(BenchCounty.LEADER));

        List<ManagedChannel> unitChannels = transport.newChannels(options.units(), PER_CHANNEL);
        for (int i = 0; i < options.units(); i++) {
            FieldServiceGrpc.FieldServiceStub field = FieldServiceGrpc.newStub(unitChannels.get(i / PER_CHANNEL))
                    .withInterceptors(tokens.bearer(BenchCounty.unit(i)));
            field.withDeadlineAfter(streamMinutes, TimeUnit.MINUTES).instructions(
                    InstructionsRequest.newBuilder().setFromSequence(1).build(), new Unit(i, field));
        }
        List<ManagedChannel> consoleChannels = transport.newChannels(options.consoles(), PER_CHANNEL);
        CountDownLatch live = new CountDownLatch(options.consoles());
        List<Console> consoles = new ArrayList<>();
        for (int i = 0; i < options.consoles(); i++) {
            Console c = new Console(i);
            consoles.add(c);
            c.start(CommandServiceGrpc.newStub(consoleChannels.get(i / PER_CHANNEL))
                    .withInterceptors(tokens.bearer(BenchCounty.console(i))), live);
        }
        if (!live.await(300, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the consoles did not all read the board within 300 s");
        }
        incidents = Incidents.reportAll(CommandServiceGrpc.newStub(control)
                .withInterceptors(tokens.bearer(BenchCounty.intake(0))), options.incidents(), options.units(),
                "soak-incident-", 16);
        long last = incidents.lastSequence();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (consoles.stream().anyMatch(c -> c.last < last)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the consoles did not get the incidents within 300 s");
            }
            Thread.sleep(10);
        }
    }

    /** From now on, deliveries of window w's dispatches count in it. */
    void open(SoakWindow w) {
        windows.set(w.number, w);
    }

    /** Sends dispatch i of the window (asynchronously), stamping its send time; the window counts its end. */
    void dispatch(SoakWindow w, int i) {
        DispatchTaskRequest request = DispatchTaskRequest.newBuilder()
                .setIncidentId(incidents.ids().get((w.offset + i) % incidents.ids().length()))
                .setKind(TaskKind.TASK_KIND_RESPOND).addUnitIds(BenchCounty.unit(w.unitOf(i)))
                .setInstruction("请立即到场核实处置，并及时反馈。#" + (w.offset + i))
                .setIdempotencyKey(SoakWindow.key(w.number, i)).build();
        w.sent.stamp(i);
        long start = w.sent.at(i);
        leader.withDeadlineAfter(30, TimeUnit.SECONDS).dispatchTask(request, new StreamObserver<>() {
            @Override
            public void onNext(TaskResponse r) {
                w.ack.record(System.nanoTime() - start);
            }

            @Override
            public void onError(Throwable t) {
                dispatchErrors.incrementAndGet();
                w.calls.countDown();
            }

            @Override
            public void onCompleted() {
                w.calls.countDown();
            }
        });
    }

    /** Renews everyone's tokens (the hub's access tokens live 15 minutes). */
    void refreshTokens() throws InterruptedException {
        tokens.refreshAll();
    }

    long tokenFailures() {
        return tokens == null ? 0 : tokens.failures();
    }

    /** A console: the board, then every event after it, in order. */
    private final class Console implements StreamObserver<Event> {

        private final int index;
        private volatile long last;

        Console(int index) {
            this.index = index;
        }

        void start(CommandServiceGrpc.CommandServiceStub stub, CountDownLatch live) {
            stub.withDeadlineAfter(60, TimeUnit.SECONDS).getSnapshot(GetSnapshotRequest.getDefaultInstance(),
                    new StreamObserver<>() {
                        @Override
                        public void onNext(Snapshot s) {
                            last = s.getAsOfSequence();
                        }

                        @Override
                        public void onError(Throwable t) {
                            streamErrors.incrementAndGet();
                            live.countDown();
                        }

                        @Override
                        public void onCompleted() {
                            stub.withDeadlineAfter(streamMinutes, TimeUnit.MINUTES).subscribe(
                                    SubscribeRequest.newBuilder().setFromSequence(last + 1).build(), Console.this);
                            live.countDown();
                        }
                    });
        }

        @Override
        public void onNext(Event e) {
            if (e.getSequence() != last + 1) {
                gaps.incrementAndGet();
            }
            last = Math.max(last, e.getSequence());
            if (e.hasTaskDispatched()) {
                int[] wi = SoakWindow.parse(e.getIdempotencyKey());
                SoakWindow w = wi == null ? null : windows.get(wi[0]);
                if (w != null) {
                    w.atConsoles.delivered(index, wi[1]);
                }
            }
        }

        @Override
        public void onError(Throwable t) {
            ended();
        }

        @Override
        public void onCompleted() {
            ended();
        }
    }

    /** A field unit's terminal: gets its tasks, signs for each, then arrives. */
    private final class Unit implements StreamObserver<Event> {

        private final int index;
        private final FieldServiceGrpc.FieldServiceStub field;

        Unit(int index, FieldServiceGrpc.FieldServiceStub field) {
            this.index = index;
            this.field = field;
        }

        @Override
        public void onNext(Event e) {
            if (!e.hasTaskDispatched()) {
                return;
            }
            int[] wi = SoakWindow.parse(e.getIdempotencyKey());
            SoakWindow w = wi == null ? null : windows.get(wi[0]);
            if (w == null) {
                return;
            }
            w.atUnits.delivered(w.receiverOf(index), wi[1]);
            String task = e.getTaskDispatched().getTask().getId();
            progress(task, Progress.PROGRESS_SIGNED_FOR, () -> progress(task, Progress.PROGRESS_ARRIVED, () -> { }));
        }

        private void progress(String task, Progress step, Runnable then) {
            field.withDeadlineAfter(30, TimeUnit.SECONDS).reportProgress(ReportProgressRequest.newBuilder()
                    .setTaskId(task).setProgress(step).setIdempotencyKey("soakp-" + task + "-" + step.getNumber())
                    .build(), new StreamObserver<>() {
                        @Override
                        public void onNext(FieldTaskResponse r) {
                            progressReports.incrementAndGet();
                        }

                        @Override
                        public void onError(Throwable t) {
                            if (!closing) {
                                progressErrors.incrementAndGet();
                            }
                        }

                        @Override
                        public void onCompleted() {
                            then.run();
                        }
                    });
        }

        @Override
        public void onError(Throwable t) {
            ended();
        }

        @Override
        public void onCompleted() {
            ended();
        }
    }

    private void ended() {
        if (!closing) {
            streamErrors.incrementAndGet();
        }
    }

    @Override
    public void close() {
        closing = true;
        transport.close();
    }
}
