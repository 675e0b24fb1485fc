package commandroom.sim.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.v1.IncidentType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PoissonArrivalsTest {
    private static final int N = 50_000;

    @Test
    void defaultRatesWeightCallsAndDisputesMost() {
        Map<IncidentType, Double> rates = PoissonArrivals.defaultRatesPerHour();
        double call = rates.get(IncidentType.INCIDENT_TYPE_CALL_110);
        double dispute = rates.get(IncidentType.INCIDENT_TYPE_DISPUTE);
        rates.forEach((type, rate) -> {
            if (type != IncidentType.INCIDENT_TYPE_CALL_110 && type != IncidentType.INCIDENT_TYPE_DISPUTE) {
                assertTrue(rate < dispute && rate < call, type + " outweighs calls or disputes");
            }
        });
    }

    @Test
    void gapsAreExponentialWithTheMeanOfTheSummedRate() {
        PoissonArrivals arrivals = new PoissonArrivals(PoissonArrivals.defaultRatesPerHour(), new Random(42));
        double mean = 3600 / arrivals.totalPerHour();
        double sum = 0;
        int longerThanMean = 0;
        for (int i = 0; i < N; i++) {
            double gap = arrivals.next().gap().toNanos() / 1e9;
            assertTrue(gap >= 0);
            sum += gap;
            if (gap > mean) {
                longerThanMean++;
            }
        }
        assertEquals(mean, sum / N, mean * 0.02);
        // For an exponential distribution, P(gap > mean) = 1/e.
        assertEquals(Math.exp(-1), (double) longerThanMean / N, 0.01);
    }

    @Test
    void typesArriveInProportionToTheirRates() {
        Map<IncidentType, Double> rates = PoissonArrivals.defaultRatesPerHour();
        PoissonArrivals arrivals = new PoissonArrivals(rates, new Random(43));
        Map<IncidentType, Integer> counts = new EnumMap<>(IncidentType.class);
        for (int i = 0; i < N; i++) {
            counts.merge(arrivals.next().type(), 1, Integer::sum);
        }
        double total = arrivals.totalPerHour();
        rates.forEach((type, rate) ->
                assertEquals(rate / total, counts.getOrDefault(type, 0) / (double) N, 0.01, type.name()));
    }

    @Test
    void countsPerHourHaveEqualMeanAndVarianceAsAPoissonProcessShould() {
        PoissonArrivals arrivals = new PoissonArrivals(PoissonArrivals.defaultRatesPerHour(), new Random(44));
        List<Integer> perHour = new ArrayList<>();
        double clock = 0;
        int hour = 0;
        int inHour = 0;
        for (int i = 0; i < N; i++) {
            clock += arrivals.next().gap().toNanos() / 1e9;
            while (clock >= (hour + 1) * 3600.0) {
                perHour.add(inHour);
                inHour = 0;
                hour++;
            }
            inHour++;
        }
        double mean = perHour.stream().mapToInt(Integer::intValue).average().orElseThrow();
        double variance = perHour.stream().mapToDouble(c -> (c - mean) * (c - mean)).sum() / (perHour.size() - 1);
        assertEquals(30.0, mean, 0.6);
        assertEquals(1.0, variance / mean, 0.15);
    }

    @Test
    void aTypeWithRateZeroNeverArrives() {
        Map<IncidentType, Double> rates = new EnumMap<>(IncidentType.class);
        rates.put(IncidentType.INCIDENT_TYPE_DISPUTE, 5.0);
        rates.put(IncidentType.INCIDENT_TYPE_OTHER, 0.0);
        PoissonArrivals arrivals = new PoissonArrivals(rates, new Random(45));
        for (int i = 0; i < 1000; i++) {
            assertEquals(IncidentType.INCIDENT_TYPE_DISPUTE, arrivals.next().type());
        }
    }

    @Test
    void withEveryRateZeroNothingArrives() {
        PoissonArrivals arrivals = new PoissonArrivals(Map.of(IncidentType.INCIDENT_TYPE_OTHER, 0.0), new Random(1));
        assertTrue(arrivals.isSilent());
        assertThrows(IllegalStateException.class, arrivals::next);
        assertThrows(IllegalArgumentException.class,
                () -> new PoissonArrivals(Map.of(IncidentType.INCIDENT_TYPE_OTHER, -1.0), new Random(1)));
    }

    @Test
    void theSameSeedGivesTheSameArrivals() {
        PoissonArrivals a = new PoissonArrivals(PoissonArrivals.defaultRatesPerHour(), new Random(99));
        PoissonArrivals b = new PoissonArrivals(PoissonArrivals.defaultRatesPerHour(), new Random(99));
        for (int i = 0; i < 100; i++) {
            assertEquals(a.next(), b.next());
        }
    }
}
