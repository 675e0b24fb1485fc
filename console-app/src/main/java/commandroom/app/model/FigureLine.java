package commandroom.app.model;

/**
 * One of the chief's figures in a period and the period before.
 *
 * @param group    which table it belongs to: casework (disputes, mediation, visits), loop (step times) or
 *                 preventable (preventable cases, in all and by offence)
 * @param key      what it counts: a message key's last part (stats.figure.KEY)
 * @param value    this period
 * @param previous the period before
 * @param change   (value - previous) / previous; 0 when previous is 0
 * @param unit     how it is shown
 */
public record FigureLine(String group, String key, double value, double previous, double change, Unit unit) {

    /** A count, a share (shown as a percentage) or minutes. */
    public enum Unit { COUNT, SHARE, MINUTES, SECONDS }
}
