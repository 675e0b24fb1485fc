package commandroom.sim.terminal;

import java.time.Duration;

/**
 * How the simulated units behave, shared by every terminal. Immutable; any thread may read it.
 *
 * @param speedFactor how much faster than real time units move and work (1 = real time)
 * @param photoProbability chance that feedback carries a photo, 0..1
 * @param lateProbability chance that a unit is late for one step of a task, 0..1
 * @param maxLateWait a unit is only late when the step's deadline is nearer than this; otherwise
 *     it would sit idle for hours in a demo
 */
public record TerminalSettings(double speedFactor, double photoProbability, double lateProbability,
        Duration maxLateWait, double emergenciesPerHour) {

    /** Settings whose units never press the emergency button. */
    public TerminalSettings(double speedFactor, double photoProbability, double lateProbability, Duration maxLateWait) {
        this(speedFactor, photoProbability, lateProbability, maxLateWait, 0);
    }

    /** Checks the ranges. */
    public TerminalSettings {
        if (!(speedFactor > 0)) {
            throw new IllegalArgumentException("speedFactor must be positive");
        }
        if (!(emergenciesPerHour >= 0) || Double.isInfinite(emergenciesPerHour)) {
            throw new IllegalArgumentException("emergenciesPerHour must be finite and >= 0");
        }
        if (!(photoProbability >= 0 && photoProbability <= 1) || !(lateProbability >= 0 && lateProbability <= 1)) {
            throw new IllegalArgumentException("probabilities must be within 0..1");
        }
    }

    /**
     * Scales a real-world span of time to the simulation's clock.
     *
     * @param realSeconds how long it takes a real unit
     * @return how long the simulated unit takes, at least 100 ms
     */
    public long scaledMillis(double realSeconds) {
        return Math.max(100, Math.round(realSeconds * 1000 / speedFactor));
    }
}
