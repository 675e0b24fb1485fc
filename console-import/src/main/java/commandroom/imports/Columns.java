package commandroom.imports;

import commandroom.v1.ImportProblemCode;
import java.util.List;
import java.util.Locale;

/**
 * Finds a table's columns by the names offices give them (国标编码, 设备编码 or national_code for
 * the same column), and reads typed cells with a problem for what does not read.
 */
final class Columns {

    private final Row header;
    private final List<FileProblem> problems;

    Columns(Row header, List<FileProblem> problems) {
        this.header = header;
        this.problems = problems;
    }

    /** The column's index, or -1 (and a problem if required) when none of its names is in the header. */
    int find(boolean required, String... names) {
        for (int i = 0; i < header.cells().size(); i++) {
            String h = header.cell(i).toLowerCase(Locale.ROOT).replace(" ", "");
            for (String n : names) {
                if (h.equals(n.toLowerCase(Locale.ROOT))) {
                    return i;
                }
            }
        }
        if (required) {
            problems.add(FileProblem.of(header.line(), names[0], ImportProblemCode.IMPORT_PROBLEM_CODE_MISSING_COLUMN,
                    names[0]));
        }
        return -1;
    }

    String name(int column) {
        return header.cell(column);
    }

    /** A required text cell of at most max characters; null (with a problem) otherwise. */
    String text(Row r, int column, int max) {
        String v = r.cell(column);
        if (v.isEmpty()) {
            problems.add(FileProblem.of(r.line(), name(column), ImportProblemCode.IMPORT_PROBLEM_CODE_MISSING, name(column)));
            return null;
        }
        return fits(r, column, v, max) ? v : null;
    }

    /** An optional text cell ("" when absent) of at most max characters; null (with a problem) if longer. */
    String optional(Row r, int column, int max) {
        String v = column < 0 ? "" : r.cell(column);
        return fits(r, column, v, max) ? v : null;
    }

    private boolean fits(Row r, int column, String v, int max) {
        if (v.codePointCount(0, v.length()) > max) {
            problems.add(FileProblem.of(r.line(), name(column), ImportProblemCode.IMPORT_PROBLEM_CODE_TOO_LONG,
                    name(column), Integer.toString(max)));
            return false;
        }
        return true;
    }

    /** A number in [least, most]; NaN (with a problem) if it is not one; the default when optional and empty. */
    double number(Row r, int column, double least, double most, Double ifEmpty) {
        String v = column < 0 ? "" : r.cell(column);
        if (v.isEmpty()) {
            if (ifEmpty != null) {
                return ifEmpty;
            }
            problems.add(FileProblem.of(r.line(), column < 0 ? "" : name(column),
                    ImportProblemCode.IMPORT_PROBLEM_CODE_MISSING, column < 0 ? "" : name(column)));
            return Double.NaN;
        }
        double d;
        try {
            d = Double.parseDouble(v.replace("°", ""));
        } catch (NumberFormatException e) {
            problems.add(FileProblem.of(r.line(), name(column), ImportProblemCode.IMPORT_PROBLEM_CODE_NOT_A_NUMBER,
                    name(column), v));
            return Double.NaN;
        }
        if (!(d >= least && d <= most)) {
            problems.add(FileProblem.of(r.line(), name(column), ImportProblemCode.IMPORT_PROBLEM_CODE_OUT_OF_RANGE,
                    name(column), v, fmt(least), fmt(most)));
            return Double.NaN;
        }
        return d;
    }

    void problem(Row r, int column, ImportProblemCode code, String... args) {
        problems.add(FileProblem.of(r.line(), column < 0 ? "" : name(column), code, args));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
