package commandroom.sim.incident;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;

/**
 * How a station's calls spread over the day: fewest between three and six in the morning, a rise
 * through the morning, the most in the evening (disputes, drink, traffic), as 110 call counts by
 * hour show. The weights are relative to the day's mean (their mean is 1), so a rate of 6 per hour
 * stays 144 a day; between two hours the weight moves in a straight line.
 *
 * <p>Arrivals follow it by thinning: draw at the peak rate, keep each with probability
 * weight / peak. Immutable.
 */
public final class DayCurve {

    /** Station time: the hours are the county's, wherever the hub runs. */
    public static final ZoneId STATION_TIME = ZoneId.of("Asia/Shanghai");

    /** Raw weights for 00:00..23:00, normalised below. */
    private static final double[] RAW = {
        0.60, 0.45, 0.35, 0.30, 0.30, 0.35, 0.50, 0.80, 1.00, 1.20, 1.30, 1.30,
        1.20, 1.10, 1.20, 1.25, 1.30, 1.30, 1.35, 1.45, 1.50, 1.40, 1.10, 0.80};

    private final double[] weights;
    private final double peak;

    private DayCurve(double[] raw) {
        double mean = Arrays.stream(raw).average().orElseThrow();
        this.weights = Arrays.stream(raw).map(w -> w / mean).toArray();
        this.peak = Arrays.stream(weights).max().orElseThrow();
    }

    /** The station's curve. */
    public static DayCurve station() {
        return new DayCurve(RAW);
    }

    /** The weight at an instant, relative to the day's mean. */
    public double weight(Instant at) {
        ZonedDateTime t = at.atZone(STATION_TIME);
        double hour = t.getHour() + t.getMinute() / 60.0 + t.getSecond() / 3600.0;
        int h = (int) Math.floor(hour);
        double f = hour - h;
        return weights[h % 24] * (1 - f) + weights[(h + 1) % 24] * f;
    }

    /** The highest weight of the day: draw at the mean rate times this, then thin. */
    public double peak() {
        return peak;
    }

    /** Whether an arrival drawn at the peak rate is kept at this instant, given a uniform draw in [0, 1). */
    public boolean keeps(Instant at, double uniform) {
        return uniform < weight(at) / peak;
    }
}
