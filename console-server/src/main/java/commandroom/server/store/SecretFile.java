package commandroom.server.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A 32-byte secret of the hub in a file of its own (base64, 0600, made atomically on first use),
 * never in the database it protects: the audit chain's seal key and the personal-data key are
 * such files. Stateless; any thread.
 */
public final class SecretFile {

    private SecretFile() {}

    /** The secret in the file, made there first if missing. */
    public static byte[] readOrMake(Path file, String what) throws IOException {
        if (!Files.exists(file)) {
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            Path dir = file.toAbsolutePath().getParent();
            PrivateFiles.createDirectories(dir);
            Path tmp = dir.resolve(file.getFileName() + ".part");
            try (var out = PrivateFiles.newOutputStream(tmp)) {
                out.write((Base64.getUrlEncoder().withoutPadding().encodeToString(k) + "\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        }
        return read(file, what);
    }

    /** The secret in an existing file; at least 32 bytes. */
    public static byte[] read(Path file, String what) throws IOException {
        byte[] k;
        try {
            k = Base64.getUrlDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IOException(file + ": the " + what + " is not base64", notBase64);
        }
        if (k.length < 32) {
            throw new IOException(file + ": the " + what + " is shorter than 32 bytes");
        }
        return k;
    }
}
