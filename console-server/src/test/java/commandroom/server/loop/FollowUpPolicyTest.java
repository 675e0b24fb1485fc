package commandroom.server.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.v1.RiskGrade;
import commandroom.v1.VisitMode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpPolicyTest {

    @Test
    void theGradesWrittenChangeAndTheOthersKeepTheStationsPlan() {
        FollowUpPolicy p = FollowUpPolicy.parse(" C=in-person:2,14 ; A=phone:1 ");
        assertEquals(new FollowUpPolicy.Plan(VisitMode.VISIT_MODE_IN_PERSON, List.of(Duration.ofDays(2), Duration.ofDays(14))),
                p.plan(RiskGrade.RISK_GRADE_C));
        assertEquals(new FollowUpPolicy.Plan(VisitMode.VISIT_MODE_PHONE, List.of(Duration.ofDays(1))), p.plan(RiskGrade.RISK_GRADE_A));
        assertEquals(FollowUpPolicy.defaults().plan(RiskGrade.RISK_GRADE_B), p.plan(RiskGrade.RISK_GRADE_B));
        assertEquals(FollowUpPolicy.defaults().plan(RiskGrade.RISK_GRADE_D), p.plan(RiskGrade.RISK_GRADE_D));
    }

    @Test
    void aWrongPlanIsRefusedSayingWhatIsWrong() {
        for (String[] wrong : new String[][] {{"E=phone:7", "A, B, C or D"}, {"A=visit:7", "in-person or phone"},
                {"A=phone:7,3", "go up"}, {"A=phone:0", "go up"}, {"A=phone:400", "go up"}, {"A=phone:x", "numbers"},
                {"A:phone:7", "GRADE="}, {"A=phone:1,2,3,4,5,6,7", "at most 6"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FollowUpPolicy.parse(wrong[0]));
            assertTrue(e.getMessage().contains(wrong[1]), wrong[0] + ": " + e.getMessage());
        }
    }
}
