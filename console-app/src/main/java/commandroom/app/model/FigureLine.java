package commandroom.app.model;

/**
 * One of the chief's figures in a period and the period before.
 *
 * @param key      what it counts: a message key's last part (stats.figure.KEY)
 * @param value    this period
 * @param previous the period before
 * @param change   (value - previous) / previous; 0 when previous is 0
 * @param rate     true for a share (shown as a percentage), false for a count
 */
public record FigureLine(String key, double value, double previous, double change, boolean rate) {}
