package commandroom.server.ops;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** One readable line per record (local time, level, logger, message), for a person at a terminal. Thread-safe. */
public final class TextLogFormatter extends Formatter {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    @Override
    public String format(LogRecord record) {
        String name = String.valueOf(record.getLoggerName());
        StringBuilder b = new StringBuilder(160)
                .append(TIME.format(Instant.ofEpochMilli(record.getMillis()))).append(' ')
                .append(JsonLogFormatter.level(record)).append(' ')
                .append(name.substring(name.lastIndexOf('.') + 1)).append(": ")
                .append(formatMessage(record)).append('\n');
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            b.append(trace);
        }
        return b.toString();
    }
}
