package commandroom.imports;

import commandroom.v1.ImportProblemCode;
import java.util.List;

/**
 * A problem with one line of a table or one feature of a GeoJSON file: where (line or feature
 * number, 1-based; 0 for the file as a whole), the column or property at fault, what is wrong and
 * its particulars (see {@link ImportProblemCode}). The console says it in its language.
 */
public record FileProblem(int where, String column, ImportProblemCode code, List<String> args) {

    public static FileProblem of(int where, String column, ImportProblemCode code, String... args) {
        return new FileProblem(where, column, code, List.of(args));
    }

    /** In words, for the command line and the logs. */
    @Override
    public String toString() {
        return (where == 0 ? "file" : "line " + where) + (column.isEmpty() ? "" : " [" + column + "]") + ": "
                + code.name().substring("IMPORT_PROBLEM_CODE_".length()).toLowerCase(java.util.Locale.ROOT)
                + (args.isEmpty() ? "" : " " + args);
    }
}
