package commandroom.server.ops;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line (journald, Loki, Elasticsearch read it as is): time (UTC, ISO-8601),
 * level, logger, thread, message, and the stack trace as "error" when there is one. Formats on
 * the logging thread, so the thread name is the caller's. Thread-safe.
 */
public final class JsonLogFormatter extends Formatter {

    private final String service;

    public JsonLogFormatter(String service) {
        this.service = service;
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder b = new StringBuilder(256).append('{');
        b.append("\"time\":\"").append(Instant.ofEpochMilli(record.getMillis()).toString()).append('"');
        b.append(",\"level\":\"").append(level(record)).append('"');
        b.append(",\"service\":").append(Json.quote(service));
        b.append(",\"logger\":").append(Json.quote(String.valueOf(record.getLoggerName())));
        b.append(",\"thread\":").append(Json.quote(Thread.currentThread().getName()));
        b.append(",\"message\":").append(Json.quote(String.valueOf(formatMessage(record))));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            b.append(",\"error\":").append(Json.quote(trace.toString()));
        }
        return b.append("}\n").toString();
    }

    /** SLF4J's level names, which is what people search logs for (JUL's SEVERE is ERROR). */
    static String level(LogRecord record) {
        int v = record.getLevel().intValue();
        if (v >= 1000) {
            return "ERROR";
        }
        if (v >= 900) {
            return "WARN";
        }
        if (v >= 800) {
            return "INFO";
        }
        return v >= 500 ? "DEBUG" : "TRACE";
    }
}
