package commandroom.server.stats;

import commandroom.v1.Incident;
import commandroom.v1.IncidentStatus;
import commandroom.v1.OffenceCategory;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that says which offences are preventable cases (可防性案件), and counts them for a
 * set of incidents. Preventable are the offences that visible patrols, cameras, locks and warnings
 * are meant to stop before they happen, the ones a station's "preventable cases down" figure is
 * about: burglary, vehicle theft (e-bikes included), pickpocketing, other theft, fraud, robbery and
 * snatching. Other offences, incidents that are no offence and categories this hub does not know
 * do not count; nor do dismissed incidents (a false report or a duplicate is not a case, however it
 * was classified when it came in). Not thread-safe.
 */
final class PreventableCases {

    /** The preventable categories, in the order the figures list them. */
    static final List<OffenceCategory> CATEGORIES = List.of(OffenceCategory.OFFENCE_CATEGORY_BURGLARY,
            OffenceCategory.OFFENCE_CATEGORY_VEHICLE_THEFT, OffenceCategory.OFFENCE_CATEGORY_PICKPOCKETING,
            OffenceCategory.OFFENCE_CATEGORY_OTHER_THEFT, OffenceCategory.OFFENCE_CATEGORY_FRAUD,
            OffenceCategory.OFFENCE_CATEGORY_ROBBERY);

    private final Map<OffenceCategory, Long> counts = new EnumMap<>(OffenceCategory.class);
    private long total;

    static boolean isPreventable(OffenceCategory c) {
        return CATEGORIES.contains(c);
    }

    /** Counts the incident if it is a preventable case. */
    void add(Incident i) {
        if (isPreventable(i.getOffence()) && i.getStatus() != IncidentStatus.INCIDENT_STATUS_DISMISSED) {
            counts.merge(i.getOffence(), 1L, Long::sum);
            total++;
        }
    }

    long total() {
        return total;
    }

    long of(OffenceCategory c) {
        return counts.getOrDefault(c, 0L);
    }
}
