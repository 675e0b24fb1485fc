package commandroom.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import commandroom.v1.ImportProblemCode;
import commandroom.v1.PlannedShift;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A shift plan as a station keeps it (GBK CSV from Excel): dates and times written the ways people
 * write them, a night shift that ends the next morning, units by id, call sign or name; a row with
 * a unit the station does not have or a time that is not one is named with its column.
 */
class ShiftPlanFileTest {

    private static final ZoneId STATION = ZoneId.of("Asia/Shanghai");
    private static final Map<String, String> UNITS = Map.of("u-cd-aux1", "u-cd-aux1", "城东辅警 王强", "u-cd-aux1",
            "巡逻1", "u-car1");
    private static final Function<String, Optional<String>> UNIT = t -> Optional.ofNullable(UNITS.get(t));

    @Test
    void dayAndNightShiftsAreReadInTheStationsTime() {
        String text = "日期,班次,开始,结束,单位\r\n"
                + "2026-12-08,白班,08:00,18:00,城东辅警 王强\r\n"
                + "2026/12/8,夜班,1800,8:00,巡逻1\r\n"
                + "2026年12月9日,白班,8:00,24:00,u-cd-aux1\r\n"
                + "2026-12-09,白班,25:00,18:00,u-cd-aux1\r\n"
                + "2026-12-09,白班,08:00,18:00,城北辅警\r\n";
        ReadFile<PlannedShift> f = ShiftPlanFile.read("排班表.csv", text.getBytes(TextDecoding.GB18030), UNIT, STATION);
        assertEquals("GB18030", f.encoding());
        assertEquals(3, f.items().size());
        assertEquals(List.of(2, 3, 4), List.of(f.lineOf(0), f.lineOf(1), f.lineOf(2)));
        PlannedShift day = f.items().get(0);
        assertEquals("u-cd-aux1", day.getUnitId());
        assertEquals(at(2026, 12, 8, 8), day.getStart().getSeconds());
        assertEquals(at(2026, 12, 8, 18), day.getEnd().getSeconds());
        PlannedShift night = f.items().get(1);
        assertEquals("u-car1", night.getUnitId(), "by call sign");
        assertEquals(at(2026, 12, 8, 18), night.getStart().getSeconds());
        assertEquals(at(2026, 12, 9, 8), night.getEnd().getSeconds(), "a night shift ends the next morning");
        assertEquals(at(2026, 12, 10, 0), f.items().get(2).getEnd().getSeconds(), "24:00 is midnight");
        assertEquals(List.of(ImportProblemCode.IMPORT_PROBLEM_CODE_UNKNOWN_VALUE,
                ImportProblemCode.IMPORT_PROBLEM_CODE_UNKNOWN_UNIT), f.problems().stream().map(FileProblem::code).toList());
        assertEquals(List.of(5, 6), f.problems().stream().map(FileProblem::where).toList());
    }

    private static long at(int y, int m, int d, int h) {
        return ZonedDateTime.of(y, m, d, h, 0, 0, 0, STATION).toEpochSecond();
    }
}
