package commandroom.app.model;

import java.time.Instant;

/** One line of a case file: when, who (name and role), what, and the note that came with it. */
public record TimelineLine(long sequence, Instant time, String who, String role, String what, String note) {}
