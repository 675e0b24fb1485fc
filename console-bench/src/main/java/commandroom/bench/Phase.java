package commandroom.bench;

/**
 * The phases of a fan-out run, told apart by the idempotency key (hub) or message key (baseline) a
 * message carries: "bench-" + letter + "-" + number. Warm-up messages teach the JIT the path, the
 * paced ones are the measured window, the burst ones measure the most the server keeps up with.
 */
enum Phase {
    /** Unmeasured, as fast as a few in flight allow, before the window. */
    WARM_UP('w'),
    /** The measured window: one message every 1/R seconds. */
    PACED('d'),
    /** After the window: F in flight, as fast as the server answers. */
    BURST('b');

    private static final String PREFIX = "bench-";

    private final char letter;

    Phase(char letter) {
        this.letter = letter;
    }

    /** The key of message i of this phase. */
    String key(int i) {
        return PREFIX + letter + "-" + i;
    }

    /** The phase of a key, or null for a key no phase made. */
    static Phase of(String key) {
        if (key.length() < PREFIX.length() + 3 || !key.startsWith(PREFIX) || key.charAt(PREFIX.length() + 1) != '-') {
            return null;
        }
        char c = key.charAt(PREFIX.length());
        for (Phase p : values()) {
            if (p.letter == c) {
                return p;
            }
        }
        return null;
    }

    /** The message number of a key of a phase (see {@link #of}). */
    static int number(String key) {
        return Integer.parseInt(key.substring(PREFIX.length() + 2));
    }
}
