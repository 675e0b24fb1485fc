package commandroom.sim.incident;

import commandroom.v1.IncidentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Arrival times of incidents: one Poisson process per incident type, each at its own rate per
 * hour. Their union is a Poisson process at the summed rate whose arrivals are of each type in
 * proportion to its rate; that is how it is drawn, one exponential gap at a time.
 *
 * <p>Not thread-safe: the generator confines it (and its Random) to its serial executor.
 */
public final class PoissonArrivals {
    private static final double SECONDS_PER_HOUR = 3600;

    private final List<IncidentType> types = new ArrayList<>();
    private final double[] cumulative;
    private final double totalPerHour;
    private final Random random;

    /** One arrival: how long after the previous one, and of which type. */
    public record Arrival(Duration gap, IncidentType type) {
    }

    /**
     * @param ratesPerHour mean arrivals per hour per type; zero rates are allowed (never drawn)
     * @param random source of chance
     */
    public PoissonArrivals(Map<IncidentType, Double> ratesPerHour, Random random) {
        this.random = random;
        Map<IncidentType, Double> sorted = new EnumMap<>(IncidentType.class);
        sorted.putAll(ratesPerHour);
        double sum = 0;
        List<Double> sums = new ArrayList<>();
        for (Map.Entry<IncidentType, Double> entry : sorted.entrySet()) {
            double rate = entry.getValue();
            if (!(rate >= 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("rate of " + entry.getKey() + " must be finite and >= 0");
            }
            if (rate > 0) {
                sum += rate;
                types.add(entry.getKey());
                sums.add(sum);
            }
        }
        this.totalPerHour = sum;
        this.cumulative = sums.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Mean arrivals per hour of all types together. */
    public double totalPerHour() {
        return totalPerHour;
    }

    /** Whether anything ever arrives. */
    public boolean isSilent() {
        return totalPerHour == 0;
    }

    /**
     * The next arrival.
     *
     * @throws IllegalStateException if every rate is zero
     */
    public Arrival next() {
        if (isSilent()) {
            throw new IllegalStateException("no incident type has a rate above zero");
        }
        // Inverse transform of the exponential distribution; 1 - u is never 0.
        double gapSeconds = -Math.log(1 - random.nextDouble()) * SECONDS_PER_HOUR / totalPerHour;
        double pick = random.nextDouble() * totalPerHour;
        int index = 0;
        while (index < cumulative.length - 1 && pick >= cumulative[index]) {
            index++;
        }
        return new Arrival(Duration.ofNanos(Math.round(gapSeconds * 1e9)), types.get(index));
    }

    /** Sensible default rates for a county station's day: mostly 110 calls and disputes. */
    public static Map<IncidentType, Double> defaultRatesPerHour() {
        Map<IncidentType, Double> rates = new EnumMap<>(IncidentType.class);
        rates.put(IncidentType.INCIDENT_TYPE_CALL_110, 12.0);
        rates.put(IncidentType.INCIDENT_TYPE_DISPUTE, 8.0);
        rates.put(IncidentType.INCIDENT_TYPE_KEY_PERSON_ALERT, 2.0);
        rates.put(IncidentType.INCIDENT_TYPE_PATROL_FINDING, 4.0);
        rates.put(IncidentType.INCIDENT_TYPE_INFO_COLLECTION, 3.0);
        rates.put(IncidentType.INCIDENT_TYPE_OTHER, 1.0);
        return rates;
    }
}
