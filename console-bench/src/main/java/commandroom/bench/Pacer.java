package commandroom.bench;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Offers load on a thread of its own ({@code bench-pacer}, so its CPU counts as the client's), in
 * one of two ways: at a fixed rate, where message i is due at start + i / rate whatever happened to
 * the ones before (the sends are asynchronous, so a slow server does not slow the offered load);
 * or with at most F in flight, as fast as the server answers. Used alike for hub and baseline.
 */
public final class Pacer {

    /** Sends message i asynchronously and runs done once its call has ended, either way. */
    @FunctionalInterface
    interface Send {
        void send(int i, Runnable done);
    }

    private Pacer() {}

    /** Calls send(i) for i in 0..count-1 at the rate; returns when the last was sent. */
    public static void atRate(int count, double perSecond, IntConsumer send) throws InterruptedException {
        onOwnThread(() -> {
            long start = System.nanoTime();
            double interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
            for (int i = 0; i < count; i++) {
                long due = start + (long) (i * interval);
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                send.accept(i);
            }
        });
    }

    /** Sends count messages with at most inFlight outstanding; returns when every call has ended. */
    static void inFlight(int count, int inFlight, Send send) throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        onOwnThread(() -> {
            for (int i = 0; i < count; i++) {
                permits.acquireUninterruptibly();
                send.send(i, permits::release);
            }
        });
        if (!permits.tryAcquire(inFlight, 120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("calls still in flight 120 s after the last was sent");
        }
    }

    private static void onOwnThread(Runnable body) throws InterruptedException {
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (RuntimeException | Error e) {
                failure[0] = e;
            }
        }, "bench-pacer");
        t.setDaemon(true);
        t.start();
        t.join();
        if (failure[0] != null) {
            throw new IllegalStateException("sending failed", failure[0]);
        }
    }
}
