package commandroom.app.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The chief's figures for a period [from, to) in station time, with the period before.
 *
 * @param from          first day
 * @param to            the day after the last
 * @param zoneId        the zone counted, or "" for the whole station
 * @param unitId        the unit whose tasks the loop's figures count, or "" for every unit
 * @param lines         the figures, in the order the station reports them
 * @param asOfSequence  the last event counted
 */
public record PeriodFigures(LocalDate from, LocalDate to, String zoneId, String unitId, List<FigureLine> lines,
                            long asOfSequence) {

    public Optional<FigureLine> line(String key) {
        return lines.stream().filter(l -> l.key().equals(key)).findFirst();
    }
}
