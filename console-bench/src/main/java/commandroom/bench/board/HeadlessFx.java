package commandroom.bench.board;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Starts the JavaFX toolkit headless (Monocle, software pipeline, one 1920x1080 screen) from a
 * plain main or a test on the class path, and runs work on the FX thread from the caller's
 * thread. Call from any thread but the FX thread.
 */
public final class HeadlessFx {

    private static final long TIMEOUT_SECONDS = 120;
    private static boolean started;

    private HeadlessFx() {}

    /** Starts the toolkit once per JVM; the properties must be set before it starts. */
    public static synchronized void start() throws InterruptedException {
        if (started) {
            return;
        }
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("headless.geometry", "1920x1080-32");
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        if (!up.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX toolkit did not start");
        }
        Platform.setImplicitExit(false);
        started = true;
    }

    /** Runs work on the FX thread and waits for its result. */
    public static <T> T call(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("FX work failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("FX work took over " + TIMEOUT_SECONDS + " s", e);
        }
    }

    /** Runs work on the FX thread and waits for it. */
    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Waits until the FX thread has run this many pulses (layout and paint), so that what the
     * caller measures next starts from a painted scene rather than from a queue of work.
     */
    static void awaitPulses(int pulses) throws InterruptedException {
        CountDownLatch seen = new CountDownLatch(pulses);
        AnimationTimer[] timer = new AnimationTimer[1];
        run(() -> {
            timer[0] = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    seen.countDown();
                }
            };
            timer[0].start();
        });
        boolean done = seen.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        run(() -> timer[0].stop());
        if (!done) {
            throw new IllegalStateException("no pulse for " + TIMEOUT_SECONDS + " s");
        }
    }
}
