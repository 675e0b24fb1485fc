package commandroom.server.privacy;

import java.util.Base64;
import java.util.Optional;

/**
 * One sealed personal value as it stands in a string field of an event:
 * {@code sealed:v1:<register><shape>:<base64url(iv, ciphertext, tag)>}. The register says who may
 * read it (key persons: only through KeyPersonService, where every read is logged; the fraud list:
 * the shift leaders, the chief and the assigned unit); the shape says how it is masked for everyone
 * else (a name keeps its first character, a phone its first three and last four digits, as police
 * systems mask them). Both are authenticated with the value. Stateless.
 */
public final class SealedText {

    /** Who may read a sealed value. */
    public enum Register {
        KEY_PERSONS('k'), FRAUD_LIST('f');

        final char code;

        Register(char code) {
            this.code = code;
        }
    }

    /** How a sealed value is masked for those who may not read it. */
    public enum Shape {
        NAME('n'), PHONE('p'), ADDRESS('a'), TEXT('t');

        final char code;

        Shape(char code) {
            this.code = code;
        }
    }

    /** What a value shows when it cannot be opened, or when nothing of it may be shown. */
    public static final String HIDDEN = "***";

    static final String PREFIX = "sealed:v1:";

    private SealedText() {}

    public static boolean isSealed(String s) {
        return s.startsWith(PREFIX);
    }

    /** The sealed form of a value; an empty value stays empty (there is nothing to hide). */
    public static String seal(PersonalKey key, Register register, Shape shape, String plain) {
        if (plain.isEmpty() || isSealed(plain)) {
            return plain;
        }
        String head = "" + register.code + shape.code;
        return PREFIX + head + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(
                key.seal(plain, PREFIX + head));
    }

    /** A sealed value opened: its register and shape, and the value if this key can open it. */
    public record Opened(Register register, Shape shape, Optional<String> value) {}

    /** Opens a sealed value; empty if the text is not a well-formed sealed value. */
    public static Optional<Opened> open(PersonalKey key, String sealed) {
        if (!isSealed(sealed) || sealed.length() < PREFIX.length() + 3 || sealed.charAt(PREFIX.length() + 2) != ':') {
            return Optional.empty();
        }
        Register register = null;
        Shape shape = null;
        for (Register r : Register.values()) {
            register = r.code == sealed.charAt(PREFIX.length()) ? r : register;
        }
        for (Shape s : Shape.values()) {
            shape = s.code == sealed.charAt(PREFIX.length() + 1) ? s : shape;
        }
        if (register == null || shape == null) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length() + 3));
        } catch (IllegalArgumentException notBase64) {
            return Optional.of(new Opened(register, shape, Optional.empty()));
        }
        return Optional.of(new Opened(register, shape, key.open(bytes, sealed.substring(0, PREFIX.length() + 2))));
    }

    /** What someone who may not read a value sees of it. */
    public static String mask(Shape shape, String plain) {
        int[] cp = plain.codePoints().toArray();
        return switch (shape) {
            case NAME -> cp.length <= 1 ? "*" : new String(cp, 0, 1) + "*".repeat(Math.min(cp.length - 1, 3));
            case PHONE -> cp.length < 8 ? "*".repeat(Math.max(cp.length, 3))
                    : new String(cp, 0, 3) + "****" + new String(cp, cp.length - 4, 4);
            // The township and road, not the house: enough to tell where, not whom.
            case ADDRESS -> cp.length <= 3 ? HIDDEN : new String(cp, 0, Math.min(6, cp.length / 2)) + "…";
            case TEXT -> HIDDEN;
        };
    }
}
