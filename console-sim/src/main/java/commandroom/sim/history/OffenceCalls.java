package commandroom.sim.history;

import commandroom.v1.IncidentType;
import commandroom.v1.OffenceCategory;
import commandroom.v1.Position;
import commandroom.v1.Priority;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.Reporter;
import java.util.List;
import java.util.Map;

/**
 * The preventable cases (可防性案件) of one played year, as 110 calls classified by offence: spread
 * evenly over the year's dispute slices, the town's spread evenly among the others, and each
 * place's cases in a fixed mix of categories, so that the same year plays the same calls every
 * time. One instance per played year; not thread-safe.
 */
final class OffenceCalls {

    /**
     * One round of the mix, the commonest first: of every ten cases three vehicle thefts (e-bikes
     * above all), two other thefts, two frauds, one burglary, one pickpocketing, one robbery.
     */
    static final List<OffenceCategory> MIX = List.of(OffenceCategory.OFFENCE_CATEGORY_VEHICLE_THEFT,
            OffenceCategory.OFFENCE_CATEGORY_OTHER_THEFT, OffenceCategory.OFFENCE_CATEGORY_FRAUD,
            OffenceCategory.OFFENCE_CATEGORY_BURGLARY, OffenceCategory.OFFENCE_CATEGORY_VEHICLE_THEFT,
            OffenceCategory.OFFENCE_CATEGORY_PICKPOCKETING, OffenceCategory.OFFENCE_CATEGORY_FRAUD,
            OffenceCategory.OFFENCE_CATEGORY_OTHER_THEFT, OffenceCategory.OFFENCE_CATEGORY_VEHICLE_THEFT,
            OffenceCategory.OFFENCE_CATEGORY_ROBBERY);

    private static final Map<OffenceCategory, String> SUMMARY = Map.of(
            OffenceCategory.OFFENCE_CATEGORY_BURGLARY, "家中被盗",
            OffenceCategory.OFFENCE_CATEGORY_VEHICLE_THEFT, "电动车被盗",
            OffenceCategory.OFFENCE_CATEGORY_PICKPOCKETING, "钱包被扒",
            OffenceCategory.OFFENCE_CATEGORY_OTHER_THEFT, "财物被盗",
            OffenceCategory.OFFENCE_CATEGORY_FRAUD, "被骗",
            OffenceCategory.OFFENCE_CATEGORY_ROBBERY, "被抢");

    private final DisputeYear year;
    private final String label;
    /** Cases played so far: in all, in town, elsewhere. */
    private int played;
    private int playedInTown;
    private int playedElsewhere;

    OffenceCalls(DisputeYear year, String label) {
        this.year = year;
        this.label = label;
    }

    /** How many cases come in the slice of the i-th dispute (0-based). */
    int inSlice(int i) {
        return (int) (firstOfSlice(i + 1) - firstOfSlice(i));
    }

    /**
     * The next case: in town when its turn comes (town cases spread evenly among all), else
     * elsewhere; its category the next of its place's mix.
     *
     * @param town      a position in the town's zone
     * @param elsewhere a position in another zone of the station
     */
    ReportIncidentRequest next(Position town, Position elsewhere, String key) {
        long all = year.preventable();
        long inTown = year.preventableInTown();
        boolean townsTurn = (played + 1L) * inTown / all > played * inTown / all;
        played++;
        int number = townsTurn ? playedInTown++ : playedElsewhere++;
        OffenceCategory category = MIX.get(number % MIX.size());
        String place = townsTurn ? "T" : "E";
        return ReportIncidentRequest.newBuilder().setType(IncidentType.INCIDENT_TYPE_CALL_110)
                .setPriority(Priority.PRIORITY_NORMAL).setPosition(townsTurn ? town : elsewhere)
                .setAddress("人民路 " + label + "-" + place + (number + 1) + " 号")
                .setReporter(Reporter.newBuilder().setName("报案人"))
                .setSummary(SUMMARY.get(category)).setOffence(category).setIdempotencyKey(key).build();
    }

    /** The first case of the i-th dispute's slice: ceil(i * cases / disputes), so the year's cases spread evenly. */
    private long firstOfSlice(int i) {
        return ((long) i * year.preventable() + year.disputes() - 1) / year.disputes();
    }
}
