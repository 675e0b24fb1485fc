package commandroom.server.log;

import commandroom.server.store.SecretFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
            return new SealKey(SecretFile.readOrMake(file, "seal key"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the seal key " + file, e);
        }
    }

    /** The key in an existing file. */
    public static SealKey read(Path file) throws IOException {
        return new SealKey(SecretFile.read(file, "seal key"));
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
