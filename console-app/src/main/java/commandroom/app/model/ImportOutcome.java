package commandroom.app.model;

import java.util.List;

/**
 * What an import would change (a preview) or changed: the ids added, changed and retired, how many
 * items are as the registry has them, the problems (none for an import that may be applied),
 * whether this very file was applied before, how the file's text was read, and the totals (the
 * lists of a big import are cut short). Immutable.
 */
public record ImportOutcome(List<String> added, List<String> changed, List<String> retired, int unchanged,
                            List<Problem> problems, boolean alreadyApplied, String encoding, long sequence,
                            Totals totals) {

    /** How many are added, changed, retired and wrong: the lists may be cut short (an address book's). */
    public record Totals(int added, int changed, int retired, int problems) {}

    /**
     * A problem with one line of the file (or feature of a GeoJSON file; 0: the file itself).
     *
     * @param code the problem's code without its prefix, e.g. "UNKNOWN_ZONE" (a key of the bundle)
     */
    public record Problem(int line, String column, String code, List<String> args) {
        public Problem {
            args = List.copyOf(args);
        }
    }

    public ImportOutcome {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        retired = List.copyOf(retired);
        problems = List.copyOf(problems);
    }

    public boolean appliable() {
        return problems.isEmpty() && !(added.isEmpty() && changed.isEmpty() && retired.isEmpty());
    }
}
