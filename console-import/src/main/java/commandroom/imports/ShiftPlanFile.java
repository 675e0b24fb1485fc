package commandroom.imports;

import commandroom.v1.ImportProblemCode;
import commandroom.v1.PlannedShift;
import com.google.protobuf.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shift plan (排班表) as a station keeps it in a spreadsheet: one row per unit and shift with the
 * date (2026-12-08, 2026/12/8, 2026.12.8 or 20261208), the times it begins and ends (08:00, 8:00,
 * 0800; an end at or before the start is the next morning: a night shift), and the unit by its id,
 * call sign or name; a column naming the shift (白班, 夜班) may be there and is not needed. Times are
 * the station's (the zone given). Stateless.
 */
public final class ShiftPlanFile {

    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.年]?(\\d{1,2})[-/.月]?(\\d{1,2})日?");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):?(\\d{2})(?::\\d{2})?");

    private ShiftPlanFile() {}

    /**
     * @param unitId finds a unit's id from what the file says (its id, call sign or name)
     * @param zone the station's time zone
     */
    public static ReadFile<PlannedShift> read(String fileName, byte[] bytes, Function<String, Optional<String>> unitId,
                                              ZoneId zone) {
        Tables.Table t = Tables.read(fileName, bytes);
        List<FileProblem> problems = new ArrayList<>(t.problems());
        List<PlannedShift> items = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        if (t.header().cells().isEmpty()) {
            return new ReadFile<>(items, lines, problems, Sha256.of(bytes), t.encoding());
        }
        Columns cols = new Columns(t.header(), problems);
        int date = cols.find(true, "日期", "date");
        int start = cols.find(true, "开始", "上班", "开始时间", "start");
        int end = cols.find(true, "结束", "下班", "结束时间", "end");
        int unit = cols.find(true, "单位", "人员", "姓名", "呼号", "unit", "unit_id");
        if (date < 0 || start < 0 || end < 0 || unit < 0) {
            return new ReadFile<>(items, lines, problems, Sha256.of(bytes), t.encoding());
        }
        for (Row r : t.rows()) {
            int before = problems.size();
            LocalDate day = date(r.cell(date));
            if (day == null) {
                cols.problem(r, date, ImportProblemCode.IMPORT_PROBLEM_CODE_UNKNOWN_VALUE, cols.name(date), r.cell(date));
            }
            LocalTime from = time(r.cell(start));
            if (from == null) {
                cols.problem(r, start, ImportProblemCode.IMPORT_PROBLEM_CODE_UNKNOWN_VALUE, cols.name(start), r.cell(start));
            }
            LocalTime to = time(r.cell(end));
            if (to == null) {
                cols.problem(r, end, ImportProblemCode.IMPORT_PROBLEM_CODE_UNKNOWN_VALUE, cols.name(end), r.cell(end));
            }
            String who = cols.text(r, unit, 100);
            String id = who == null ? null : unitId.apply(who).orElse(null);
            if (who != null && id == null) {
                cols.problem(r, unit, ImportProblemCode.IMPORT_PROBLEM_CODE_UNKNOWN_UNIT, who);
            }
            if (problems.size() > before) {
                continue;
            }
            ZonedDateTime begins = ZonedDateTime.of(day, from, zone);
            // An end at or before the start is the next morning's: a night shift.
            ZonedDateTime ends = ZonedDateTime.of(to.isAfter(from) ? day : day.plusDays(1), to, zone);
            items.add(PlannedShift.newBuilder().setUnitId(id).setStart(ts(begins)).setEnd(ts(ends)).build());
            lines.add(r.line());
        }
        return new ReadFile<>(items, lines, problems, Sha256.of(bytes), t.encoding());
    }

    static LocalDate date(String text) {
        Matcher m = DATE.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    static LocalTime time(String text) {
        Matcher m = TIME.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        int h = Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        if (h == 24 && min == 0) {
            return LocalTime.MIDNIGHT;
        }
        return h < 24 && min < 60 ? LocalTime.of(h, min) : null;
    }

    private static Timestamp ts(ZonedDateTime t) {
        return Timestamp.newBuilder().setSeconds(t.toEpochSecond()).build();
    }
}
