package commandroom.app.model;

/**
 * A reason given before sensitive data is read or leaves the console (opening the key persons
 * register, exporting figures): 2..200 characters once trimmed, as the hub takes it. Stateless.
 */
public final class Reasons {

    public static final int MIN = 2;
    public static final int MAX = 200;

    private Reasons() {}

    /** True when the reason would be taken. */
    public static boolean valid(String reason) {
        int n = reason == null ? 0 : reason.strip().length();
        return n >= MIN && n <= MAX;
    }
}
