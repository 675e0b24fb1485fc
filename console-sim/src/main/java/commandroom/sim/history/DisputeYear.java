package commandroom.sim.history;

/**
 * What one year of a station's dispute work, and of the preventable cases (可防性案件) reported to it,
 * adds up to: the figures a generated year reproduces.
 *
 * @param disputes              dispute case files registered (each one call, each settled within the day)
 * @param mediations            mediation sessions recorded
 * @param agreed                of those, agreed
 * @param repeatCalls           later calls about a dispute already on file
 * @param preventableInTown     preventable cases reported in the town's zone (the disputes' zone)
 * @param preventableElsewhere  preventable cases reported in the station's other zones
 */
public record DisputeYear(int disputes, int mediations, int agreed, int repeatCalls, int preventableInTown,
                          int preventableElsewhere) {

    /**
     * The reference station's published year: 410 disputes registered and all resolved; 1,073 of
     * 1,093 mediations succeeded (98.17 %); disputes down 25 % and repeat calls about the same
     * dispute down 71 % on the year before ({@link #YEAR_BEFORE}); 121 preventable cases in town,
     * down 9 %. The station published no figure outside the town: 52 there, up from 41, so that
     * the station's total (173 against 174) says something else than the town's.
     */
    public static final DisputeYear PUBLISHED = new DisputeYear(410, 1093, 1073, 29, 121, 52);

    /**
     * The year before the published one: 547 disputes (410 is 25 % fewer), 100 repeat calls (29 is
     * 71 % fewer), 133 preventable cases in town (121 is 9.0 % fewer).
     */
    public static final DisputeYear YEAR_BEFORE = new DisputeYear(547, 1460, 1401, 100, 133, 41);

    public DisputeYear {
        // Each dispute has one to three sessions, the last agreed; a failed one comes first in a
        // dispute with more than one, so there are at most as many failures as extra sessions.
        if (disputes < 1 || mediations < disputes || mediations > 3 * disputes || agreed > mediations
                || mediations - agreed > Math.min(disputes, mediations - disputes) || repeatCalls > disputes) {
            throw new IllegalArgumentException("not a year of 1 to 3 sessions per dispute, the last agreed: " + this);
        }
        if (preventableInTown < 0 || preventableElsewhere < 0) {
            throw new IllegalArgumentException("a negative number of preventable cases: " + this);
        }
    }

    /** Preventable cases reported in the year, in town and elsewhere. */
    public int preventable() {
        return preventableInTown + preventableElsewhere;
    }

    /** The same year n times over (a bigger station, for benchmarks). */
    public DisputeYear times(int n) {
        return new DisputeYear(disputes * n, mediations * n, agreed * n, repeatCalls * n, preventableInTown * n,
                preventableElsewhere * n);
    }
}
