package commandroom.app.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting for the scene to reach a state, with a message that says what did not happen. */
public final class Waits {

    private Waits() {}

    public static void until(String what, Duration timeout, Callable<Boolean> condition) {
        until(what, timeout, condition, () -> "");
    }

    /** As above; on time-out the message also says what was seen instead. */
    public static void until(String what, Duration timeout, Callable<Boolean> condition, Supplier<String> seen) {
        try {
            WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, condition);
        } catch (TimeoutException e) {
            String instead = seen.get();
            throw new AssertionError("timed out after " + timeout + " waiting for: " + what
                    + (instead.isEmpty() ? "" : "; saw " + instead), e);
        }
    }
}
