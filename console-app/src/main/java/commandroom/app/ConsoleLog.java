package commandroom.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The console's log: everything (ours through SLF4J's JUL binding, gRPC's and Netty's directly)
 * into console.0.log (then .1, .2) in the platform's place for logs, rotated at 5 MB with three kept, so that the
 * IT officer can read what happened on a workstation; warnings also on standard error. A
 * console that cannot write its log still runs. Call once, first thing in main.
 */
final class ConsoleLog {

    /** Held: JUL keeps loggers only weakly, and a level set on one nobody holds is lost. */
    private static final Logger NETTY = Logger.getLogger("io.grpc.netty");

    private ConsoleLog() {}

    /** Starts logging into dir/console.log; returns the file, or null if it cannot be written. */
    static Path start(Path dir) {
        // One line per record: time, level, logger, message (SimpleFormatter reads this once).
        System.setProperty("java.util.logging.SimpleFormatter.format",
                "%1$tF %1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        NETTY.setLevel(Level.WARNING);
        ConsoleHandler err = new ConsoleHandler();
        err.setLevel(Level.WARNING);
        err.setFormatter(new SimpleFormatter());
        root.addHandler(err);
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("console.0.log");
            FileHandler handler = new FileHandler(dir.resolve("console.%g.log").toString(), 5 * 1024 * 1024, 3, true);
            handler.setFormatter(new SimpleFormatter());
            handler.setEncoding("UTF-8");
            root.addHandler(handler);
            return file;
        } catch (IOException | SecurityException e) {
            root.warning("the console's log cannot be written to " + dir + ": " + e.getMessage());
            return null;
        }
    }
}
