package commandroom.server.privacy;

import commandroom.server.store.SecretFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that seals personal data inside the log (AES-256-GCM), in a file of the service user
 * (0600; by default DATA/secrets/personal-key), never in the database: a copy of the database or
 * of a backup shows sealed names and phone numbers, not the people. Made on the first start;
 * replicas of one database share one file; keep a copy apart from the backups, or what was sealed
 * with it cannot be read again. Thread-safe.
 */
public final class PersonalKey {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    // Cipher.getInstance costs more than sealing a name; each thread keeps one.
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JVM", e);
        }
    });

    private PersonalKey(byte[] secret) {
        this.key = new SecretKeySpec(secret, 0, 32, "AES");
    }

    /** The key in the file, made there first if missing. */
    public static PersonalKey open(Path file) {
        try {
            return new PersonalKey(SecretFile.readOrMake(file, "personal-data key"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the personal-data key " + file, e);
        }
    }

    /** A key made from these bytes (tests; at least 32). */
    public static PersonalKey of(byte[] secret) {
        return new PersonalKey(secret);
    }

    /** The sealed form of a value: a fresh IV, then the ciphertext and its tag; the label is authenticated. */
    byte[] seal(String plain, String label) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher c = ciphers.get();
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(label.getBytes(StandardCharsets.US_ASCII));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(IV_BYTES + ct.length).put(iv).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JVM", e);
        }
    }

    /** The value, or empty if this key did not seal it under this label (another key, or altered). */
    Optional<String> open(byte[] sealed, String label) {
        if (sealed.length < IV_BYTES + TAG_BITS / 8) {
            return Optional.empty();
        }
        try {
            Cipher c = ciphers.get();
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            c.updateAAD(label.getBytes(StandardCharsets.US_ASCII));
            return Optional.of(new String(c.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.UTF_8));
        } catch (javax.crypto.AEADBadTagException wrongKeyOrAltered) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JVM", e);
        }
    }
}
