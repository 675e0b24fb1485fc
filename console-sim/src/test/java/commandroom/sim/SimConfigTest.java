package commandroom.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.v1.CountySeed;
import commandroom.v1.IncidentType;
import org.junit.jupiter.api.Test;

class SimConfigTest {

    @Test
    void theDemoConfigurationRunsEverythingInRealTimeWithTheDocumentedDefaults() {
        SimConfig config = SimConfig.demo();
        assertEquals("s-qingxi", config.county().getStationId());
        assertEquals("qingxi-demo", config.password());
        assertEquals(1.0, config.speedFactor());
        assertEquals(0.2, config.returnProbability());
        assertTrue(config.runTerminals() && config.runIncidentGenerator() && config.runAutoDispatcher()
                && config.runAutoReviewer());
        assertEquals(12.0, config.incidentRatesPerHour().get(IncidentType.INCIDENT_TYPE_CALL_110));
    }

    @Test
    void theBuilderOverridesSingleRatesAndSettings() {
        SimConfig config = SimConfig.builder(CountySeed.getDefaultInstance())
                .speedFactor(20).incidentRate(IncidentType.INCIDENT_TYPE_DISPUTE, 60).returnProbability(0)
                .runAutoReviewer(false).build();
        assertEquals(20, config.speedFactor());
        assertEquals(60.0, config.incidentRatesPerHour().get(IncidentType.INCIDENT_TYPE_DISPUTE));
        assertEquals(12.0, config.incidentRatesPerHour().get(IncidentType.INCIDENT_TYPE_CALL_110));
        assertEquals(0.0, config.returnProbability());
        assertTrue(!config.runAutoReviewer());
    }

    @Test
    void nonsenseValuesAreRefused() {
        SimConfig.Builder builder = SimConfig.builder(CountySeed.getDefaultInstance());
        assertThrows(IllegalArgumentException.class, () -> builder.speedFactor(0).build());
        assertThrows(IllegalArgumentException.class, () -> builder.speedFactor(1).returnProbability(1.5).build());
        assertThrows(IllegalArgumentException.class, () -> builder.returnProbability(0.2)
                .incidentRate(IncidentType.INCIDENT_TYPE_OTHER, -1).build());
        assertThrows(IllegalArgumentException.class, () -> builder.incidentRate(IncidentType.INCIDENT_TYPE_OTHER, 1)
                .incidentRate(IncidentType.INCIDENT_TYPE_UNSPECIFIED, 1).build());
    }
}
