package commandroom.server.log;

import commandroom.server.store.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that seals the audit chain (HMAC-SHA256), in a file of the service user (0600; by
 * default DATA/secrets/seal-key), never in the database. Made on the first start; keep a copy
 * with the backups' passphrase, apart from the database: without it, verify can still check the
 * chain's hashes but not its seals. Thread-safe.
 */
public final class SealKey {

    private final byte[] secret;

    private SealKey(byte[] secret) {
        this.secret = secret;
    }

    /** The key in the file, made there first if missing. */
    public static SealKey open(Path file) {
        try {
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
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the seal key " + file, e);
        }
    }

    /** The key in an existing file. */
    public static SealKey read(Path file) throws IOException {
        byte[] k = Base64.getUrlDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
        if (k.length < 32) {
            throw new IOException(file + ": the seal key is shorter than 32 bytes");
        }
        return new SealKey(k);
    }

    /** The seal of a head: HMAC over the sequence and the hash. */
    public byte[] mac(long sequence, byte[] hash) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(secret, "HmacSHA256"));
            return m.doFinal(("commandroom-chain-seal/1|" + sequence + "|" + HexFormat.of().formatHex(hash))
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is in every JVM", e);
        }
    }

    /** True if the seal is this key's for the head. */
    public boolean sealed(long sequence, byte[] hash, byte[] mac) {
        return MessageDigest.isEqual(mac, mac(sequence, hash));
    }
}
