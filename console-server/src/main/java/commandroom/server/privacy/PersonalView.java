package commandroom.server.privacy;

import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one caller sees of sealed values: the value itself in the registers the caller may read,
 * the masked value in the others, {@link SealedText#HIDDEN} for a value this hub's key cannot open
 * (sealed with a key that was lost or not shared with this replica). Thread-safe.
 */
public final class PersonalView implements UnaryOperator<String> {

    private static final Logger LOG = LoggerFactory.getLogger(PersonalView.class);
    private static volatile boolean warned;

    private final PersonalKey key;
    private final Set<SealedText.Register> readable;

    public PersonalView(PersonalKey key, Set<SealedText.Register> readable) {
        this.key = key;
        this.readable = readable;
    }

    @Override
    public String apply(String s) {
        if (!SealedText.isSealed(s)) {
            return s;
        }
        var opened = SealedText.open(key, s);
        if (opened.isEmpty() || opened.get().value().isEmpty()) {
            if (!warned) {
                warned = true;
                LOG.warn("a personal value in the log cannot be opened with this hub's personal-data key"
                        + " (a key lost, or not shared with this replica); it is shown as {}", SealedText.HIDDEN);
            }
            return SealedText.HIDDEN;
        }
        String plain = opened.get().value().get();
        return readable.contains(opened.get().register()) ? plain : SealedText.mask(opened.get().shape(), plain);
    }
}
