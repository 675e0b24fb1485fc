package commandroom.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Where a harness's report goes: standard output (a harness's interface, read by whoever ran it)
 * and, with {@code --out FILE}, appended to that file. Stateless.
 */
public final class HarnessOutput {

    private HarnessOutput() {}

    /** The file after {@code --out}, or null. */
    public static Path outOf(String[] args) {
        int i = Arrays.asList(args).indexOf("--out");
        return i >= 0 && i + 1 < args.length ? Path.of(args[i + 1]) : null;
    }

    /** Prints the report and appends it to the file, if any. */
    public static void emit(String report, Path out) throws IOException {
        System.out.print(report);
        System.out.flush();
        if (out != null) {
            Files.writeString(out, report + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }
}
