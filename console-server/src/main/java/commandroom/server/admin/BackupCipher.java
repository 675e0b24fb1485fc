package commandroom.server.admin;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts and authenticates a backup with AES-256-GCM, in chunks of 1 MiB so that a backup of
 * any size streams (GCM decryption of one huge message holds it all in memory). The key comes
 * from a passphrase (PBKDF2-HMAC-SHA256, 310,000 rounds, a random salt) or a key file (32 bytes,
 * Base64). Each chunk's nonce is a random prefix and its number, and its associated data binds
 * the header, its number and whether it is the last, so chunks cannot be reordered, dropped or
 * the file cut short without the tag failing. A wrong passphrase fails the first chunk.
 * Stateless; the streams it makes are not thread-safe.
 */
public final class BackupCipher {

    private static final byte[] MAGIC = "commandroom-backup-aes-gcm/1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int CHUNK = 1 << 20;
    private static final int ITERATIONS = 310_000;

    /** How the key is made: from a passphrase (with a salt), or a key file's bytes as they are. */
    public record Secret(char[] passphrase, byte[] keyFileBytes) {
        public static Secret passphrase(char[] p) {
            if (p.length < 12) {
                throw new IllegalArgumentException("a backup passphrase has at least 12 characters");
            }
            return new Secret(p, null);
        }

        public static Secret keyFile(byte[] key) {
            if (key.length < 32) {
                throw new IllegalArgumentException("a backup key file holds at least 32 bytes (Base64)");
            }
            return new Secret(null, key);
        }
    }

    private BackupCipher() {}

    /** True if the stream starts as an encrypted backup (it is marked and reset). */
    public static boolean isEncrypted(InputStream in) throws IOException {
        in.mark(MAGIC.length);
        byte[] head = in.readNBytes(MAGIC.length);
        in.reset();
        return Arrays.equals(head, MAGIC);
    }

    /** A stream that encrypts what is written to it into out; close it to write the last chunk. */
    public static OutputStream encrypting(OutputStream out, Secret secret) throws IOException {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] prefix = new byte[8];
        random.nextBytes(salt);
        random.nextBytes(prefix);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(header);
        h.write(MAGIC);
        h.writeBoolean(secret.passphrase() != null);
        h.writeInt(ITERATIONS);
        h.write(salt);
        h.write(prefix);
        h.flush();
        byte[] headerBytes = header.toByteArray();
        out.write(headerBytes);
        SecretKeySpec key = key(secret, salt, ITERATIONS);
        return new FilterOutputStream(out) {
            private final byte[] buffer = new byte[CHUNK];
            private int filled;
            private int chunk;
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                while (len > 0) {
                    if (filled == CHUNK) {
                        emit(false);
                    }
                    int n = Math.min(len, CHUNK - filled);
                    System.arraycopy(b, off, buffer, filled, n);
                    filled += n;
                    off += n;
                    len -= n;
                }
            }

            private void emit(boolean last) throws IOException {
                byte[] sealed = crypt(Cipher.ENCRYPT_MODE, key, prefix, chunk, last, headerBytes,
                        Arrays.copyOf(buffer, filled));
                DataOutputStream d = new DataOutputStream(out);
                d.writeBoolean(last);
                d.writeInt(sealed.length);
                d.write(sealed);
                chunk++;
                filled = 0;
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    emit(true);
                    out.close();
                }
            }
        };
    }

    /** The plain bytes of an encrypted backup; fails (IOException) on a wrong secret or any damage. */
    public static InputStream decrypting(InputStream in, Secret secret) throws IOException {
        DataInputStream d = new DataInputStream(in);
        byte[] magic = d.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("not an encrypted backup");
        }
        boolean byPassphrase = d.readBoolean();
        int iterations = d.readInt();
        byte[] salt = d.readNBytes(16);
        byte[] prefix = d.readNBytes(8);
        if (byPassphrase != (secret.passphrase() != null)) {
            throw new IOException("this backup was encrypted with a " + (byPassphrase ? "passphrase" : "key file")
                    + "; give that");
        }
        if (iterations < 100_000 || iterations > 10_000_000) {
            throw new IOException("the backup's header is damaged");
        }
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(header);
        h.write(MAGIC);
        h.writeBoolean(byPassphrase);
        h.writeInt(iterations);
        h.write(salt);
        h.write(prefix);
        byte[] headerBytes = header.toByteArray();
        SecretKeySpec key = key(secret, salt, iterations);
        return new InputStream() {
            private byte[] plain = new byte[0];
            private int at;
            private int chunk;
            private boolean ended;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                while (at == plain.length) {
                    if (ended) {
                        return -1;
                    }
                    next();
                }
                int n = Math.min(len, plain.length - at);
                System.arraycopy(plain, at, b, off, n);
                at += n;
                return n;
            }

            private void next() throws IOException {
                boolean last;
                byte[] sealed;
                try {
                    last = d.readBoolean();
                    int size = d.readInt();
                    if (size < 16 || size > CHUNK + 16) {
                        throw new IOException("the backup is damaged (chunk " + chunk + ")");
                    }
                    sealed = d.readNBytes(size);
                    if (sealed.length != size) {
                        throw new EOFException();
                    }
                } catch (EOFException e) {
                    throw new IOException("the backup is cut short (after chunk " + chunk + ")");
                }
                plain = crypt(Cipher.DECRYPT_MODE, key, prefix, chunk, last, headerBytes, sealed);
                at = 0;
                chunk++;
                ended = last;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    private static byte[] crypt(int mode, SecretKeySpec key, byte[] prefix, int chunk, boolean last, byte[] header,
                                byte[] data) throws IOException {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] nonce = ByteBuffer.allocate(12).put(prefix).putInt(chunk).array();
            c.init(mode, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(header);
            c.updateAAD(ByteBuffer.allocate(5).putInt(chunk).put((byte) (last ? 1 : 0)).array());
            return c.doFinal(data);
        } catch (AEADBadTagException e) {
            throw new IOException(chunk == 0 ? "the backup cannot be opened: wrong passphrase or key file, or damaged"
                    : "the backup is damaged (chunk " + chunk + " fails its check)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JVM", e);
        }
    }

    private static SecretKeySpec key(Secret secret, byte[] salt, int iterations) {
        if (secret.keyFileBytes() != null) {
            return new SecretKeySpec(Arrays.copyOf(secret.keyFileBytes(), 32), "AES");
        }
        try {
            byte[] k = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(secret.passphrase(), salt, iterations, 256)).getEncoded();
            return new SecretKeySpec(k, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is in every JVM", e);
        }
    }
}
