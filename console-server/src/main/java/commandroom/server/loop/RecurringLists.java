package commandroom.server.loop;

import commandroom.v1.TaskKind;
import commandroom.v1.UnitKind;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * The recurring task lists of a zone's officers (daily, weekly, monthly): each list, each period,
 * each zone with such an officer gets one instruction with a clock running to the period's end.
 * Immutable.
 *
 * @param lists the lists
 */
public record RecurringLists(List<Spec> lists) {

    /** How often a list comes round. */
    public enum Cadence { DAILY, WEEKLY, MONTHLY }

    /**
     * One list.
     *
     * @param id          stable name, part of each period's key
     * @param cadence     how often
     * @param who         the kind of officer in each zone who carries it out
     * @param kind        the task's kind
     * @param title       what the list is called on the board (Chinese: it reaches the field terminal as is)
     * @param instruction what to do
     */
    public record Spec(String id, Cadence cadence, UnitKind who, TaskKind kind, String title, String instruction) {}

    /** The station's practice: daily key patrol routes, weekly address and population checks, monthly key-person visits. */
    public static RecurringLists defaults() {
        return new RecurringLists(List.of(
                new Spec("key-patrol", Cadence.DAILY, UnitKind.UNIT_KIND_AUXILIARY_OFFICER, TaskKind.TASK_KIND_PATROL,
                        "日清单·重点巡防", "按重点巡防路线巡逻，记录发现的问题"),
                new Spec("address-population", Cadence.WEEKLY, UnitKind.UNIT_KIND_COMMUNITY_OFFICER,
                        TaskKind.TASK_KIND_COLLECT_INFO, "周清单·一标三实", "核查标准地址，采集更新实有人口、实有房屋、实有单位"),
                new Spec("key-person-visits", Cadence.MONTHLY, UnitKind.UNIT_KIND_COMMUNITY_OFFICER,
                        TaskKind.TASK_KIND_VERIFY, "月清单·重点人员见面", "对辖区重点人员逐一见面走访，按一人一策记录")));
    }

    /** The period the moment falls in, in station time: its name and its first day. */
    public record Period(String name, ZonedDateTime start, ZonedDateTime end) {}

    public static Period period(Cadence cadence, ZonedDateTime at) {
        LocalDate day = at.toLocalDate();
        return switch (cadence) {
            case DAILY -> new Period(day.toString(), day.atStartOfDay(at.getZone()), day.plusDays(1).atStartOfDay(at.getZone()));
            case WEEKLY -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new Period(String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                        monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), monday.atStartOfDay(at.getZone()),
                        monday.plusWeeks(1).atStartOfDay(at.getZone()));
            }
            case MONTHLY -> {
                LocalDate first = day.withDayOfMonth(1);
                yield new Period(String.format("%d-%02d", first.getYear(), first.getMonthValue()),
                        first.atStartOfDay(at.getZone()), first.plusMonths(1).atStartOfDay(at.getZone()));
            }
        };
    }
}
