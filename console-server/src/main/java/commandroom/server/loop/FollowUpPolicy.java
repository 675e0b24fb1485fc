package commandroom.server.loop;

import commandroom.v1.RiskGrade;
import commandroom.v1.VisitMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * When a settled dispute is visited again, by its risk grade: A and B in person after 3, 7 and 30
 * days, C and D by telephone after 7 and 30 (the station's practice; configurable). Immutable.
 */
public record FollowUpPolicy(Map<RiskGrade, Plan> plans) {

    /** The visits of one grade: how, and how long after settling each is due. */
    public record Plan(VisitMode mode, List<Duration> after) {}

    public static FollowUpPolicy defaults() {
        Plan inPerson = new Plan(VisitMode.VISIT_MODE_IN_PERSON, List.of(Duration.ofDays(3), Duration.ofDays(7),
                Duration.ofDays(30)));
        Plan phone = new Plan(VisitMode.VISIT_MODE_PHONE, List.of(Duration.ofDays(7), Duration.ofDays(30)));
        return new FollowUpPolicy(Map.of(RiskGrade.RISK_GRADE_A, inPerson, RiskGrade.RISK_GRADE_B, inPerson,
                RiskGrade.RISK_GRADE_C, phone, RiskGrade.RISK_GRADE_D, phone));
    }

    public Plan plan(RiskGrade grade) {
        return plans.getOrDefault(grade, plans.get(RiskGrade.RISK_GRADE_D));
    }
}
