package commandroom.server.auth;

import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Hashes passwords with bcrypt (BouncyCastle's OpenBSDBCrypt), a slow salted hash made for this.
 * Thread-safe.
 */
public final class PasswordHasher {

    private final int cost;
    private final SecureRandom random = new SecureRandom();

    /** Cost 10 takes tens of milliseconds here: slow for an attacker, fine for a log-in. */
    public PasswordHasher(int cost) {
        this.cost = cost;
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate(password.toCharArray(), salt, cost);
    }

    public boolean matches(String password, String hash) {
        try {
            return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
        } catch (IllegalArgumentException badHash) {
            return false;
        }
    }
}
