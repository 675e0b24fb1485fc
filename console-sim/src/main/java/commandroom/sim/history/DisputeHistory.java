package commandroom.sim.history;

import commandroom.v1.CaseServiceGrpc;
import commandroom.v1.CommandServiceGrpc;
import commandroom.v1.DisputeCategory;
import commandroom.v1.FieldServiceGrpc;
import commandroom.v1.GetCaseRequest;
import commandroom.v1.IncidentType;
import commandroom.v1.MediationOutcome;
import commandroom.v1.MediationRoute;
import commandroom.v1.OpenCaseRequest;
import commandroom.v1.Party;
import commandroom.v1.Position;
import commandroom.v1.Priority;
import commandroom.v1.RecordMediationRequest;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.Reporter;
import commandroom.v1.RiskGrade;
import commandroom.v1.SettleCaseRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Plays years of a station's dispute work into a hub through its public API, as the room would
 * have done it: each dispute called in, filed, mediated one to three times (the last time agreed)
 * and settled before the next one comes in; some called in again after that (repeat calls); and
 * between them the year's preventable cases (thefts, frauds, robberies), reported as 110 calls in the
 * town's zone and elsewhere ({@link OffenceCalls}). Every act happens in its dispute's slice of the
 * year, so the log's times only go forward. The hub's clock is moved to each act's time first, so
 * the log carries the history's own dates. The follow-up visits the hub hands out as the clock moves
 * are made by the town's community officer and approved by the chief ({@link VisitRounds}).
 * Deterministic: the same years give the same log (the history waits for the hub's follow-up clock
 * with its own clock standing still). For demos, the statistics test and the statistics benchmark;
 * the hub must look at its clock often ({@code HubConfig.withClockPeriod}, e.g. 10 ms).
 */
public final class DisputeHistory {

    /**
     * The room's people, as stubs asked for per call (a stub carries its deadline from when it was made).
     *
     * @param intake    a duty officer's command stub (reports calls)
     * @param cases     the same officer's case stub (opens files)
     * @param mediators a shift leader's case stub (records mediation, settles)
     * @param officer   the town's community officer's terminal (makes the follow-up visits)
     * @param reviewer  the station chief's command stub (approves the visits' feedback)
     */
    public record Room(Supplier<CommandServiceGrpc.CommandServiceBlockingStub> intake,
                       Supplier<CaseServiceGrpc.CaseServiceBlockingStub> cases,
                       Supplier<CaseServiceGrpc.CaseServiceBlockingStub> mediators,
                       Supplier<FieldServiceGrpc.FieldServiceBlockingStub> officer,
                       Supplier<CommandServiceGrpc.CommandServiceBlockingStub> reviewer) {}

    private final Supplier<CommandServiceGrpc.CommandServiceBlockingStub> intake;
    private final Supplier<CaseServiceGrpc.CaseServiceBlockingStub> cases;
    private final Supplier<CaseServiceGrpc.CaseServiceBlockingStub> mediators;
    private final Consumer<Instant> moveClock;
    private final VisitRounds visits;
    /** Visits scheduled by the settlements so far, soonest first. */
    private final PriorityQueue<DueVisit> dueVisits = new PriorityQueue<>(Comparator.comparing(DueVisit::at));
    private Instant now = Instant.MIN;
    private static final Duration HANDED_OUT_WITHIN = Duration.ofSeconds(10);
    private final Position where;
    private final Position elsewhere;
    private int keys;

    /**
     * @param room      who does what
     * @param setClock  moves the hub's clock to an instant
     * @param where     a position in the town's zone: the disputes' place and the town's preventable cases'
     * @param elsewhere a position in another zone of the station: the rest of its preventable cases'
     */
    public DisputeHistory(Room room, Consumer<Instant> setClock, Position where, Position elsewhere) {
        this.intake = room.intake();
        this.cases = room.cases();
        this.mediators = room.mediators();
        this.moveClock = setClock;
        this.visits = new VisitRounds(room.officer(), room.reviewer(), this::setClock, this::key);
        this.where = where;
        this.elsewhere = elsewhere;
    }

    /**
     * Plays one year that starts at start: its disputes spread evenly over it, some called in again,
     * its preventable cases in between.
     */
    public void play(DisputeYear year, Instant start, String label) {
        Duration length = Duration.ofDays(365);
        Duration step = length.dividedBy(year.disputes());
        int extraSessions = year.mediations() - year.disputes();
        int failed = year.mediations() - year.agreed();
        OffenceCalls offences = new OffenceCalls(year, label);
        java.util.Set<Integer> calledAgain = new java.util.HashSet<>();
        for (int r = 0; r < year.repeatCalls(); r++) {
            calledAgain.add((int) ((long) r * year.disputes() / year.repeatCalls()));
        }
        for (int i = 0; i < year.disputes(); i++) {
            Instant t = start.plus(step.multipliedBy(i));
            String address = "人民路 " + label + "-" + (i + 1) + " 号";
            String phone = String.format("139%04d%04d", Math.abs(label.hashCode()) % 10_000, i);
            act(t, step);
            String incident = intake.get().reportIncident(ReportIncidentRequest.newBuilder()
                    .setType(IncidentType.INCIDENT_TYPE_DISPUTE).setPriority(Priority.PRIORITY_NORMAL).setPosition(where)
                    .setAddress(address).setReporter(Reporter.newBuilder().setName("报警人").setPhone(phone))
                    .setSummary("纠纷").setIdempotencyKey(key()).build()).getIncident().getId();
            act(t.plus(step.dividedBy(16)), step);
            String caseId = cases.get().openCase(OpenCaseRequest.newBuilder().setIncidentId(incident)
                    .addParties(Party.newBuilder().setName("甲").setPhone(phone)).addParties(Party.newBuilder().setName("乙"))
                    .setCategory(DisputeCategory.forNumber(1 + i % 8)).setRiskGrade(i % 2 == 0 ? RiskGrade.RISK_GRADE_C
                            : RiskGrade.RISK_GRADE_D).setRoute(MediationRoute.forNumber(1 + i % 5))
                    .setIdempotencyKey(key()).build()).getDisputeCase().getId();
            // Sessions: one each, the extra ones to the first disputes (at most three in all);
            // the failed ones first in their dispute, so that each dispute's last session agrees.
            int sessions = 1 + (i < extraSessions ? 1 : 0) + (i < extraSessions - year.disputes() ? 1 : 0);
            int fails = i < failed ? 1 : 0;
            for (int k = 0; k < sessions; k++) {
                act(t.plus(step.multipliedBy(2 + k).dividedBy(16)), step);
                mediators.get().recordMediation(RecordMediationRequest.newBuilder().setCaseId(caseId)
                        .setOutcome(k < fails ? MediationOutcome.MEDIATION_OUTCOME_NOT_AGREED
                                : MediationOutcome.MEDIATION_OUTCOME_AGREED)
                        .setMediator("社区民警").setIdempotencyKey(key()).build());
            }
            act(t.plus(step.multipliedBy(2 + sessions).dividedBy(16)), step);
            mediators.get().settleCase(SettleCaseRequest.newBuilder().setCaseId(caseId).setAgreement("双方达成协议")
                    .setIdempotencyKey(key()).build()).getDisputeCase().getVisitsList().forEach(v -> dueVisits.add(
                            new DueVisit(Instant.ofEpochSecond(v.getDue().getSeconds(), v.getDue().getNanos()), caseId, v.getId())));
            if (calledAgain.contains(i)) {
                // A neighbour calls about it again later: filed in the case as a repeat call.
                act(t.plus(step.multipliedBy(12).dividedBy(16)), step);
                intake.get().reportIncident(ReportIncidentRequest.newBuilder().setType(IncidentType.INCIDENT_TYPE_DISPUTE)
                        .setPriority(Priority.PRIORITY_NORMAL).setPosition(where).setAddress(address)
                        .setReporter(Reporter.newBuilder().setName("邻居")).setSummary("又吵起来了")
                        .setIdempotencyKey(key()).build());
            }
            // The slice's preventable cases, in its last quarter, after every act of the dispute.
            int due = offences.inSlice(i);
            for (int k = 0; k < due; k++) {
                act(t.plus(step.multipliedBy(13).dividedBy(16))
                        .plus(step.multipliedBy(3L * k).dividedBy(16L * due)), step);
                intake.get().reportIncident(offences.next(where, elsewhere, key()));
            }
        }
    }

    private record DueVisit(Instant at, String caseId, String visitId) {}

    /**
     * Moves to an act's time; when visits fell due by then, waits (the clock standing still) for the
     * hub's follow-up clock to hand them out and has the officer make them at once, within a quarter
     * of the dispute's slice.
     */
    private void act(Instant t, Duration step) {
        setClock(t);
        boolean due = false;
        while (!dueVisits.isEmpty() && !dueVisits.peek().at().isAfter(now)) {
            awaitHandedOut(dueVisits.poll());
            due = true;
        }
        if (due) {
            visits.make(now, step.dividedBy(4));
        }
    }

    /** The hub's follow-up clock looks at the time every so often (see HubConfig.withClockPeriod). */
    private void awaitHandedOut(DueVisit v) {
        long giveUp = System.nanoTime() + HANDED_OUT_WITHIN.toNanos();
        while (cases.get().getCase(GetCaseRequest.newBuilder().setCaseId(v.caseId()).build()).getDisputeCase()
                .getVisitsList().stream().noneMatch(x -> x.getId().equals(v.visitId()) && !x.getTaskId().isEmpty())) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("visit " + v.visitId() + " of " + v.caseId() + " due " + v.at()
                        + " was not handed out within " + HANDED_OUT_WITHIN + ": does the hub's clock look often enough?");
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a visit", e);
            }
        }
    }

    /** Never backwards: a round of visits may run past the time an act was meant for; the act then follows it. */
    private void setClock(Instant t) {
        if (t.isAfter(now)) {
            now = t;
            moveClock.accept(t);
        }
    }

    private String key() {
        return "history-" + (++keys);
    }
}
