package commandroom.server.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Sets up the hub process's logging. Everything logs through java.util.logging: our code and
 * Hikari and Flyway through SLF4J's JUL binding, gRPC and Netty directly; so one handler sees it
 * all. Standard error by default (systemd puts it in the journal), or a file rotated at 10 MB, five
 * kept, readable by the hub's user only (PrivateLogFile). Standard output stays the command's own
 * interface (the READY line). Call once, first thing.
 */
public final class HubLogging {

    private static final int FILE_LIMIT_BYTES = 10 * 1024 * 1024;
    private static final int FILE_COUNT = 5;

    /**
     * Loggers quietened to warnings: their INFO is per-connection and per-pool chatter. Held here
     * because JUL keeps loggers only weakly: a level set on one nobody holds is lost at the next GC.
     */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("io.grpc.netty"),
            Logger.getLogger("com.zaxxer.hikari"));

    private HubLogging() {}

    /** format: text or json; file: null for standard error; level: a JUL or SLF4J level name. */
    public static void configure(String format, Path file, String level) {
        Formatter formatter = switch (format) {
            case "json" -> new JsonLogFormatter("commandroom-hub");
            case "text" -> new TextLogFormatter();
            default -> throw new IllegalArgumentException("log-format is text or json, not " + format);
        };
        Level threshold = level(level);
        Handler handler;
        if (file == null) {
            handler = new StreamHandler(System.err, formatter) {
                @Override
                public synchronized void publish(java.util.logging.LogRecord record) {
                    super.publish(record);
                    flush();
                }
            };
        } else {
            try {
                handler = new PrivateLogFile(file, FILE_LIMIT_BYTES, FILE_COUNT, formatter);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the log to " + file, e);
            }
        }
        handler.setLevel(threshold);
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(threshold);
        root.addHandler(handler);
        QUIET.forEach(l -> l.setLevel(threshold.intValue() > Level.WARNING.intValue() ? threshold : Level.WARNING));
    }

    /** JUL's and SLF4J's names both. */
    static Level level(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "ERROR", "SEVERE" -> Level.SEVERE;
            case "WARN", "WARNING" -> Level.WARNING;
            case "INFO" -> Level.INFO;
            case "DEBUG", "FINE" -> Level.FINE;
            case "TRACE", "FINEST" -> Level.FINEST;
            default -> throw new IllegalArgumentException("log-level is error, warn, info, debug or trace, not " + name);
        };
    }
}
