package commandroom.server.loop;

import commandroom.v1.RiskGrade;
import commandroom.v1.VisitMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * When a settled dispute is visited again, by its risk grade: A and B in person after 3, 7 and 30
 * days, C and D by telephone after 7 and 30 (the station's practice), unless the hub's settings say
 * otherwise ({@link #parse}: {@code follow-up-visits}). Immutable.
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

    /** At most this many visits per settlement, none later than a year. */
    static final int MOST_VISITS = 6;
    static final int LATEST_DAY = 365;

    /**
     * The defaults with the grades written changed: {@code A=in-person:3,7,30; C=phone:7,30} — a
     * grade, the way (in-person or phone) and the days after settling, ascending.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static FollowUpPolicy parse(String text) {
        Map<RiskGrade, Plan> plans = new EnumMap<>(defaults().plans());
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            String[] gradeAndPlan = part.trim().split("=", 2);
            String[] modeAndDays = gradeAndPlan.length == 2 ? gradeAndPlan[1].trim().split(":", 2) : new String[0];
            if (modeAndDays.length != 2) {
                throw new IllegalArgumentException("follow-up-visits: write GRADE=in-person|phone:DAYS,..., not " + part.trim());
            }
            RiskGrade grade = switch (gradeAndPlan[0].trim()) {
                case "A" -> RiskGrade.RISK_GRADE_A;
                case "B" -> RiskGrade.RISK_GRADE_B;
                case "C" -> RiskGrade.RISK_GRADE_C;
                case "D" -> RiskGrade.RISK_GRADE_D;
                default -> throw new IllegalArgumentException("follow-up-visits: the grade is A, B, C or D, not "
                        + gradeAndPlan[0].trim());
            };
            VisitMode mode = switch (modeAndDays[0].trim()) {
                case "in-person" -> VisitMode.VISIT_MODE_IN_PERSON;
                case "phone" -> VisitMode.VISIT_MODE_PHONE;
                default -> throw new IllegalArgumentException("follow-up-visits: a visit is in-person or phone, not "
                        + modeAndDays[0].trim());
            };
            plans.put(grade, new Plan(mode, days(modeAndDays[1], gradeAndPlan[0].trim())));
        }
        return new FollowUpPolicy(Map.copyOf(plans));
    }

    private static List<Duration> days(String list, String grade) {
        List<Duration> out = new ArrayList<>();
        int last = 0;
        for (String d : list.split(",")) {
            int day;
            try {
                day = Integer.parseInt(d.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("follow-up-visits: " + grade + "'s days are numbers, not " + d.trim());
            }
            if (day <= last || day > LATEST_DAY) {
                throw new IllegalArgumentException("follow-up-visits: " + grade + "'s days go up, from 1 to " + LATEST_DAY
                        + " (" + list.trim() + ")");
            }
            last = day;
            out.add(Duration.ofDays(day));
        }
        if (out.size() > MOST_VISITS) {
            throw new IllegalArgumentException("follow-up-visits: at most " + MOST_VISITS + " visits for " + grade);
        }
        return List.copyOf(out);
    }

    public Plan plan(RiskGrade grade) {
        return plans.getOrDefault(grade, plans.get(RiskGrade.RISK_GRADE_D));
    }
}
