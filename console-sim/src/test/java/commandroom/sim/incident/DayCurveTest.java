package commandroom.sim.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.v1.IncidentType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DayCurveTest {

    /**
     * Arrivals drawn at the peak rate and thinned by the curve, over 200 days at 6 an hour: the
     * day's count stays 6 x 24, the small hours get a fraction of the evening's.
     */
    @Test
    void thinnedArrivalsKeepTheDaysMeanAndFollowTheHours() {
        DayCurve curve = DayCurve.station();
        double mean = 6;
        PoissonArrivals arrivals = new PoissonArrivals(Map.of(IncidentType.INCIDENT_TYPE_CALL_110, mean * curve.peak()),
                new Random(7));
        Random thin = new Random(8);
        Instant start = ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, DayCurve.STATION_TIME).toInstant();
        int days = 200;
        Instant end = start.plus(Duration.ofDays(days));
        int[] byHour = new int[24];
        int kept = 0;
        for (Instant t = start; t.isBefore(end); ) {
            t = t.plus(arrivals.next().gap());
            if (curve.keeps(t, thin.nextDouble())) {
                kept++;
                byHour[t.atZone(DayCurve.STATION_TIME).getHour()]++;
            }
        }
        assertEquals(mean * 24, kept / (double) days, mean * 24 * 0.03, "a day's calls");
        int smallHours = byHour[3] + byHour[4];
        int evening = byHour[19] + byHour[20];
        assertTrue(evening > 3.5 * smallHours, "evening " + evening + " against the small hours " + smallHours);
    }

    @Test
    void theWeightsAverageOneOverTheDay() {
        DayCurve curve = DayCurve.station();
        Instant midnight = ZonedDateTime.of(2026, 3, 1, 0, 0, 0, 0, DayCurve.STATION_TIME).toInstant();
        double sum = 0;
        int steps = 24 * 60;
        for (int m = 0; m < steps; m++) {
            sum += curve.weight(midnight.plus(Duration.ofMinutes(m)));
        }
        assertEquals(1.0, sum / steps, 0.01);
        assertTrue(curve.peak() > 1.3 && curve.peak() < 1.6, "peak " + curve.peak());
    }
}
