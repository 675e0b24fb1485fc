package commandroom.server.log;

import commandroom.server.store.EventStore;
import commandroom.server.store.PrivateFiles;
import commandroom.server.store.SealStore;
import commandroom.server.store.StoredEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals the audit chain now and then: signs the head the log has reached (its sequence and hash)
 * with the {@link SealKey}, which the database does not hold, and keeps the seal twice: in the
 * database (for verify) and as a line in a file outside it (DATA/audit/chain-heads, the published
 * heads). Someone with write access to the database who changes an event and recomputes every
 * hash after it cannot make the seals match; one who cuts the log short, or deletes the seals
 * with it, still leaves heads in the file the log no longer reaches. Thread-safe.
 */
public final class ChainSealer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChainSealer.class);

    private final EventStore events;
    private final SealStore seals;
    private final SealKey key;
    private final Path headsFile;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(FanOut.daemon("chain-sealer"));
    private volatile SealStore.Seal latest;

    public ChainSealer(EventStore events, SealStore seals, SealKey key, Path headsFile, Clock clock) {
        this.events = events;
        this.seals = seals;
        this.key = key;
        this.headsFile = headsFile;
        this.clock = clock;
    }

    /** Seals now, then every period while the log grows. */
    public void start(Duration period) {
        sealNow();
        timer.scheduleWithFixedDelay(() -> {
            try {
                sealNow();
            } catch (RuntimeException e) {
                LOG.warn("could not seal the audit chain now; trying again: {}", e.getMessage());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Seals the head the log has reached, if it moved since the last seal; answers the latest seal. */
    public synchronized SealStore.Seal sealNow() {
        long head = events.lastSequence();
        if (head == 0 || (latest != null && latest.sequence() >= head)) {
            return latest;
        }
        List<StoredEvent> last = events.read(head, head, 1);
        if (last.isEmpty()) {
            return latest;
        }
        byte[] hash = last.get(0).hash();
        SealStore.Seal seal = new SealStore.Seal(head, hash, key.mac(head, hash), clock.instant());
        seals.add(seal);
        publish(seal);
        latest = seal;
        return seal;
    }

    /** The latest seal this hub made, or null before the first. */
    public SealStore.Seal latest() {
        return latest;
    }

    private void publish(SealStore.Seal s) {
        try {
            PrivateFiles.createDirectories(headsFile.toAbsolutePath().getParent());
            try (var out = PrivateFiles.append(headsFile)) {
                out.write((line(s) + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the published heads " + headsFile, e);
        }
    }

    /** A published head as one line: sequence, hash, seal, time. */
    public static String line(SealStore.Seal s) {
        HexFormat hex = HexFormat.of();
        return s.sequence() + " " + hex.formatHex(s.hash()) + " " + hex.formatHex(s.mac()) + " " + s.sealedAt();
    }

    /** The heads published in a file (lines as {@link #line} writes them); empty if there is none. */
    public static List<SealStore.Seal> readHeads(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        HexFormat hex = HexFormat.of();
        return Files.readAllLines(file, StandardCharsets.US_ASCII).stream().filter(l -> !l.isBlank()).map(l -> {
            String[] p = l.trim().split(" ");
            return new SealStore.Seal(Long.parseLong(p[0]), hex.parseHex(p[1]), hex.parseHex(p[2]),
                    java.time.Instant.parse(p[3]));
        }).toList();
    }

    /** Seals the head once more (what the hub wrote last is published), then stops. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            sealNow();
        } catch (RuntimeException e) {
            LOG.warn("could not seal the audit chain at the end: {}", e.getMessage());
        }
    }
}
