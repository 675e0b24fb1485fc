package commandroom.sim;

import commandroom.sim.county.DemoCounty;
import commandroom.sim.incident.PoissonArrivals;
import commandroom.v1.CountySeed;
import commandroom.v1.IncidentType;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the simulated world needs to know: which county, how fast, how often incidents
 * arrive, and how the simulated people behave. Build one with {@link #builder(CountySeed)} or
 * take {@link #demo()}.
 *
 * <p>Immutable; any thread may read it.
 *
 * @param county the county whose users and units to simulate (its FIELD_UNIT users get terminals)
 * @param password the password of every simulated user
 * @param speedFactor how much faster than real time units move, work, sign for, and the simulated
 *     leader and chief think (1 = real time; 10 makes a 10-minute job take a minute). Incident
 *     rates and the hub's deadlines are not scaled.
 * @param incidentRatesPerHour mean incidents per real hour, per type
 * @param returnProbability chance that the simulated chief returns a feedback (once per task), 0..1
 * @param photoProbability chance that a feedback carries a photo, 0..1
 * @param lateProbability chance that a unit is late for one step of a task, 0..1
 * @param randomSeed seed of every random choice the simulator makes
 * @param runTerminals whether to run one terminal per field unit
 * @param runIncidentGenerator whether to report incidents (as {@code sim-duty})
 * @param runAutoDispatcher whether to dispatch every incident (as {@code sim-leader})
 * @param runAutoReviewer whether to review every feedback (as {@code sim-chief})
 * @param schedulerThreads threads of the one pool shared by all simulated actors, 1..8
 * @param dayCurve whether incidents follow the hours of the day (fewer at night, more by day and in
 *     the evening) around the rates given, which are then the day's mean
 * @param colleagueWait how long the simulated leader and chief leave an incident or a feedback to
 *     the people at the consoles before they take it themselves (zero: at once). Real time, not
 *     scaled by the speed factor: it is a person's patience
 * @param firstIncidentAfter when the first incident is reported (a demo shows one within the first
 *     minute), or null to draw it as any other
 * @param emergenciesPerHour how often, all units together, one presses its emergency button (0: never)
 */
public record SimConfig(CountySeed county, String password, double speedFactor,
        Map<IncidentType, Double> incidentRatesPerHour, double returnProbability, double photoProbability,
        double lateProbability, long randomSeed, boolean runTerminals, boolean runIncidentGenerator,
        boolean runAutoDispatcher, boolean runAutoReviewer, int schedulerThreads, boolean dayCurve,
        Duration colleagueWait, Duration firstIncidentAfter, double emergenciesPerHour) {

    /** Login name of the simulated duty officer, who reports incidents and follows loops. */
    public static final String DUTY_USER = "sim-duty";
    /** Login name of the simulated shift leader, who dispatches. */
    public static final String LEADER_USER = "sim-leader";
    /** Login name of the simulated station chief, who reviews. */
    public static final String CHIEF_USER = "sim-chief";

    /** Checks the values and copies the rates. */
    public SimConfig {
        Objects.requireNonNull(county, "county");
        Objects.requireNonNull(password, "password");
        if (!(speedFactor > 0) || Double.isInfinite(speedFactor)) {
            throw new IllegalArgumentException("speedFactor must be a positive number");
        }
        requireProbability("returnProbability", returnProbability);
        requireProbability("photoProbability", photoProbability);
        requireProbability("lateProbability", lateProbability);
        if (schedulerThreads < 1 || schedulerThreads > 8) {
            throw new IllegalArgumentException("schedulerThreads must be within 1..8");
        }
        Objects.requireNonNull(colleagueWait, "colleagueWait");
        if (!(emergenciesPerHour >= 0) || Double.isInfinite(emergenciesPerHour)) {
            throw new IllegalArgumentException("emergenciesPerHour must be finite and >= 0");
        }
        if (colleagueWait.isNegative() || (firstIncidentAfter != null && firstIncidentAfter.isNegative())) {
            throw new IllegalArgumentException("colleagueWait and firstIncidentAfter must not be negative");
        }
        Map<IncidentType, Double> rates = new EnumMap<>(IncidentType.class);
        rates.putAll(incidentRatesPerHour);
        rates.forEach((type, rate) -> {
            if (type == IncidentType.INCIDENT_TYPE_UNSPECIFIED || type == IncidentType.UNRECOGNIZED) {
                throw new IllegalArgumentException("no rate may be given for " + type);
            }
            if (rate == null || !(rate >= 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("rate of " + type + " must be finite and >= 0");
            }
        });
        incidentRatesPerHour = Map.copyOf(rates);
    }

    private static void requireProbability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be within 0..1");
        }
    }

    /** The demo county from the classpath with every default. */
    public static SimConfig demo() {
        return builder(DemoCounty.load()).build();
    }

    /** A builder with the defaults: demo password, real time, default rates, 0.2 / 0.5 / 0.1, all actors on. */
    public static Builder builder(CountySeed county) {
        return new Builder(county);
    }

    /** Builds a {@link SimConfig}. Not thread-safe. */
    public static final class Builder {
        private final CountySeed county;
        private String password = DemoCounty.DEMO_PASSWORD;
        private double speedFactor = 1.0;
        private final Map<IncidentType, Double> rates = new EnumMap<>(PoissonArrivals.defaultRatesPerHour());
        private double returnProbability = 0.2;
        private double photoProbability = 0.5;
        private double lateProbability = 0.1;
        private long randomSeed = 20261129L;
        private boolean runTerminals = true;
        private boolean runIncidentGenerator = true;
        private boolean runAutoDispatcher = true;
        private boolean runAutoReviewer = true;
        private int schedulerThreads = 3;
        private boolean dayCurve;
        private Duration colleagueWait = Duration.ZERO;
        private Duration firstIncidentAfter;
        private double emergenciesPerHour;

        private Builder(CountySeed county) {
            this.county = Objects.requireNonNull(county, "county");
        }

        /** Password of every simulated user. */
        public Builder password(String value) {
            password = value;
            return this;
        }

        /** How much faster than real time the simulated people act (1 = real time). */
        public Builder speedFactor(double value) {
            speedFactor = value;
            return this;
        }

        /** Mean incidents per hour of one type (0 = none of that type). */
        public Builder incidentRate(IncidentType type, double perHour) {
            rates.put(type, perHour);
            return this;
        }

        /** Replaces every rate; types not named get none. */
        public Builder incidentRates(Map<IncidentType, Double> perHour) {
            rates.clear();
            rates.putAll(perHour);
            return this;
        }

        /** Chance that the simulated chief returns a feedback (at most once per task). */
        public Builder returnProbability(double value) {
            returnProbability = value;
            return this;
        }

        /** Chance that a feedback carries a photo. */
        public Builder photoProbability(double value) {
            photoProbability = value;
            return this;
        }

        /** Chance that a unit is late for one step of a task. */
        public Builder lateProbability(double value) {
            lateProbability = value;
            return this;
        }

        /** Seed of every random choice. */
        public Builder randomSeed(long value) {
            randomSeed = value;
            return this;
        }

        /** Whether to run the field terminals. */
        public Builder runTerminals(boolean value) {
            runTerminals = value;
            return this;
        }

        /** Whether to generate incidents. */
        public Builder runIncidentGenerator(boolean value) {
            runIncidentGenerator = value;
            return this;
        }

        /** Whether to dispatch automatically. */
        public Builder runAutoDispatcher(boolean value) {
            runAutoDispatcher = value;
            return this;
        }

        /** Whether to review automatically. */
        public Builder runAutoReviewer(boolean value) {
            runAutoReviewer = value;
            return this;
        }

        /** Threads of the shared pool, 1..8. */
        public Builder schedulerThreads(int value) {
            schedulerThreads = value;
            return this;
        }

        /** Whether incidents follow the hours of the day around the rates given. */
        public Builder dayCurve(boolean value) {
            this.dayCurve = value;
            return this;
        }

        /** How long the simulated leader and chief leave work to the people at the consoles. */
        public Builder colleagueWait(Duration value) {
            this.colleagueWait = value;
            return this;
        }

        /** When the first incident is reported (null: drawn as any other). */
        public Builder firstIncidentAfter(Duration value) {
            this.firstIncidentAfter = value;
            return this;
        }

        /** How often, all units together, one presses its emergency button. */
        public Builder emergenciesPerHour(double value) {
            this.emergenciesPerHour = value;
            return this;
        }

        /** The configuration; checks every value. */
        public SimConfig build() {
            return new SimConfig(county, password, speedFactor, rates, returnProbability, photoProbability,
                    lateProbability, randomSeed, runTerminals, runIncidentGenerator, runAutoDispatcher,
                    runAutoReviewer, schedulerThreads, dayCurve, colleagueWait, firstIncidentAfter,
                    emergenciesPerHour);
        }
    }
}
