package commandroom.server.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import commandroom.server.store.PrivateFiles;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The keys that sign the hub's tokens, kept apart from the database they protect: in a file of the
 * service user (0600; by default DATA/secrets/token-keys), or given by the environment
 * ({@code COMMANDROOM_TOKEN_KEYS}, the file's lines separated by ';'). One key a line, "id secret"
 * (Base64); the first signs, every one is accepted, so a key is rotated without logging everyone
 * out at once: {@link #rotate} puts a new key first and keeps the one before it (tokens it signed
 * stay good until they expire, at most a shift); the one before that is dropped. A running hub
 * reads the file again when it changes (replicas share one file). A database from before kept
 * its key in the database: it moves into the file on first start, and out of the database.
 * Thread-safe.
 */
public final class TokenKeys {

    /** One signing key. */
    public record Key(String id, byte[] secret) {}

    public static final String ENVIRONMENT = "COMMANDROOM_TOKEN_KEYS";

    private final Path file;
    private volatile List<Key> keys;
    private volatile FileTime readAt;
    private volatile long checkedAtNanos;

    private TokenKeys(Path file, List<Key> keys, FileTime readAt) {
        this.file = file;
        this.keys = keys;
        this.readAt = readAt;
        this.checkedAtNanos = System.nanoTime();
    }

    /**
     * The keys from the environment, else from the file; a missing file is made, with the key the
     * legacy supplier gives (a database's old key, or null) or a new one.
     */
    public static TokenKeys open(Path file, Supplier<String> legacyKey) {
        String env = System.getenv(ENVIRONMENT);
        if (env != null && !env.isBlank()) {
            return new TokenKeys(null, parse(env.replace(';', '\n'), ENVIRONMENT), null);
        }
        try {
            if (!Files.exists(file)) {
                String legacy = legacyKey.get();
                write(file, List.of(legacy != null ? new Key("k0", Base64.getUrlDecoder().decode(legacy)) : newKey()));
            }
            return new TokenKeys(file, read(file), Files.getLastModifiedTime(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the token key file " + file, e);
        }
    }

    /** The key that signs. */
    public Key signing() {
        return current().get(0);
    }

    /** The key with this id, if it is still accepted. */
    public Optional<Key> byId(String id) {
        return current().stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /** Puts a new key first and keeps the one that signed until now; answers the new key's id. */
    public static String rotate(Path file) throws IOException {
        List<Key> old = read(file);
        Key fresh = newKey();
        write(file, List.of(fresh, old.get(0)));
        return fresh.id();
    }

    private List<Key> current() {
        if (file != null && System.nanoTime() - checkedAtNanos > 5_000_000_000L) {
            checkedAtNanos = System.nanoTime();
            try {
                FileTime modified = Files.getLastModifiedTime(file);
                if (!modified.equals(readAt)) {
                    keys = read(file);
                    readAt = modified;
                }
            } catch (IOException | IllegalArgumentException e) {
                // Keep the keys in hand; the file is being replaced or was broken by hand.
            }
        }
        return keys;
    }

    private static Key newKey() {
        byte[] secret = new byte[32];
        SecureRandom random = new SecureRandom();
        random.nextBytes(secret);
        byte[] id = new byte[6];
        random.nextBytes(id);
        return new Key("k" + java.util.HexFormat.of().formatHex(id), secret);
    }

    private static List<Key> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    }

    private static List<Key> parse(String text, String where) {
        List<Key> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String l = line.trim();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split("\\s+");
            if (parts.length != 2 || !parts[0].matches("[A-Za-z0-9_-]{1,32}")) {
                throw new IllegalArgumentException(where + ": a token key line is 'id secret'");
            }
            byte[] secret = Base64.getUrlDecoder().decode(parts[1]);
            if (secret.length < 32) {
                throw new IllegalArgumentException(where + ": token key " + parts[0] + " is shorter than 32 bytes");
            }
            out.add(new Key(parts[0], secret));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(where + " holds no token key");
        }
        return List.copyOf(out);
    }

    /** Writes the keys through a private temporary file, then moves it into place. */
    private static void write(Path file, List<Key> keys) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        PrivateFiles.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".part");
        StringBuilder b = new StringBuilder("# The hub's token signing keys: the first signs, all are accepted."
                + " Keep this file to the service user.\n");
        for (Key k : keys) {
            b.append(k.id()).append(' ').append(Base64.getUrlEncoder().withoutPadding().encodeToString(k.secret()))
                    .append('\n');
        }
        try (var out = PrivateFiles.newOutputStream(tmp)) {
            out.write(b.toString().getBytes(StandardCharsets.US_ASCII));
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
