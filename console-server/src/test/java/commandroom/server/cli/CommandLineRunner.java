package commandroom.server.cli;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs a hub command in this JVM as an IT officer would at a shell, without a terminal. */
final class CommandLineRunner {

    /** What the command printed and its exit status. */
    record Result(int status, String out, String err) {}

    private final List<String> databaseOptions;

    CommandLineRunner(List<String> databaseOptions) {
        this.databaseOptions = databaseOptions;
    }

    Result run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(databaseOptions);
        int status = new HubCommandLine(new BufferedReader(new StringReader(stdin)), null,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(all);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
