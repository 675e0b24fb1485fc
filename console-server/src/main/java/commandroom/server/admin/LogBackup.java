package commandroom.server.admin;

import commandroom.server.log.ChainBrokenException;
import commandroom.server.log.ChainVerifier;
import commandroom.server.store.EventStore;
import commandroom.server.store.ImageStore;
import commandroom.server.store.PrivateFiles;
import commandroom.server.store.UserRecord;
import commandroom.server.store.UserStore;
import commandroom.v1.Event;
import commandroom.v1.Role;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Backup and restore of a hub's event log, users and images, as one ZIP file that moves between
 * H2 and PostgreSQL: {@code manifest.properties} (what is inside, the head of the chain), {@code
 * users.bin}, {@code events.bin} (the events exactly as logged, chain hashes included, so a
 * restored log verifies as the original did) and {@code images.bin} (the photos and evidence the
 * events name by hash, each checked against its hash on restore) and {@code clips.bin} (the video
 * evidence, written and restored a chunk at a time, each clip checked against its hash). The token
 * signing key is not kept: after a restore
 * everyone logs in again. A backup can be taken while the hub runs (the log is append-only; the
 * file holds a prefix of it); a restore goes only into an empty database, with the hub stopped.
 * The whole file is encrypted and authenticated ({@link BackupCipher}): a backup holds key
 * persons, victims' phone numbers and evidence, and leaves the machine. A backup from before
 * encryption still restores.
 * Not thread-safe.
 */
public final class LogBackup {

    /** Version 2 adds the images; a version 1 file (no images) is still restored. */
    static final String FORMAT = "commandroom-backup/2";
    private static final String FORMAT_1 = "commandroom-backup/1";
    private static final int BATCH = 1000;

    /** What a backup holds or a restore loaded. */
    public record Summary(long events, int users, String headHash) {}

    private final EventStore events;
    private final UserStore users;
    private final ImageStore images;
    /** Video evidence, in clips.bin; null: a backup without clips (and none restored). */
    private commandroom.server.store.ClipStore clips;

    public LogBackup(EventStore events, UserStore users, ImageStore images,
                     commandroom.server.store.ClipStore clips) {
        this(events, users, images);
        this.clips = clips;
    }

    public LogBackup(EventStore events, UserStore users, ImageStore images) {
        this.events = events;
        this.users = users;
        this.images = images;
    }

    /**
     * Writes the log and the users to a file (through a temporary file, so a failed backup never
     * leaves a truncated one under the name), readable by its owner only (0600: it holds the
     * whole log and the password hashes). Refuses a log whose chain is broken: such a backup could
     * not be restored; run {@code verify} to see where.
     */
    public Summary backup(Path file, BackupCipher.Secret secret) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        ChainVerifier chain = new ChainVerifier();
        List<UserRecord> userList = users.list();
        try (ZipOutputStream zip = new ZipOutputStream(BackupCipher.encrypting(
                new BufferedOutputStream(PrivateFiles.newOutputStream(tmp)), secret))) {
            zip.putNextEntry(new ZipEntry("users.bin"));
            writeUsers(userList, zip);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("events.bin"));
            IOException[] failed = {null};
            events.forEach(stored -> {
                if (failed[0] == null) {
                    try {
                        chain.next(stored).writeDelimitedTo(zip);
                    } catch (IOException e) {
                        failed[0] = e;
                    }
                }
            });
            if (failed[0] != null) {
                throw failed[0];
            }
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("images.bin"));
            writeImages(zip);
            zip.closeEntry();
            if (clips != null) {
                zip.putNextEntry(new ZipEntry("clips.bin"));
                writeClips(zip);
                zip.closeEntry();
            }
            Summary summary = new Summary(chain.lastSequence(), userList.size(),
                    HexFormat.of().formatHex(chain.lastHash().toByteArray()));
            zip.putNextEntry(new ZipEntry("manifest.properties"));
            manifest(summary).store(zip, "Command Room hub backup");
            zip.closeEntry();
            zip.finish();
            zip.close();
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return summary;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Loads a backup into an empty database. The whole file is checked first (format, every
     * event's place in the chain, the head against the manifest), so a damaged backup changes
     * nothing; then users and events are written.
     */
    public Summary restore(Path file, BackupCipher.Secret secret) throws IOException {
        if (events.lastSequence() != 0 || !users.isEmpty()) {
            throw new IllegalStateException("restore needs an empty database; this one holds "
                    + events.lastSequence() + " events: point --data (or --jdbc) at a new one");
        }
        Summary checked = read(file, secret, false);
        read(file, secret, true);
        return checked;
    }

    /** True if the file is an encrypted backup (one from before encryption is not). */
    public static boolean isEncrypted(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return BackupCipher.isEncrypted(in);
        }
    }

    /** The backup's plain bytes: decrypted, or as they are for a backup from before encryption. */
    private static InputStream open(Path file, BackupCipher.Secret secret) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        if (BackupCipher.isEncrypted(in)) {
            if (secret == null) {
                in.close();
                throw new IOException(file + " is encrypted: give its passphrase or key file");
            }
            return new BufferedInputStream(BackupCipher.decrypting(in, secret));
        }
        return in;
    }

    /** Reads the file; verifies it, or (write) loads it. */
    private Summary read(Path file, BackupCipher.Secret secret, boolean write) throws IOException {
        Properties manifest = null;
        List<UserRecord> userList = null;
        ChainVerifier chain = new ChainVerifier();
        try (ZipInputStream zip = new ZipInputStream(open(file, secret))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                switch (entry.getName()) {
                    case "manifest.properties" -> {
                        manifest = new Properties();
                        manifest.load(new java.io.InputStreamReader(zip, StandardCharsets.UTF_8));
                    }
                    case "users.bin" -> {
                        userList = readUsers(zip);
                        if (write) {
                            userList.forEach(users::add);
                        }
                    }
                    case "events.bin" -> readEvents(zip, chain, write);
                    case "images.bin" -> readImages(zip, write);
                    case "clips.bin" -> readClips(zip, write);
                    default -> throw new IOException(file + " is not a hub backup: it holds " + entry.getName());
                }
            }
        } catch (ChainBrokenException e) {
            throw new IOException(file + " is damaged: " + e.getMessage(), e);
        }
        if (manifest == null || userList == null || !(FORMAT.equals(manifest.getProperty("format"))
                || FORMAT_1.equals(manifest.getProperty("format")))) {
            throw new IOException(file + " is not a hub backup (" + FORMAT + ")");
        }
        Summary summary = new Summary(chain.lastSequence(), userList.size(),
                HexFormat.of().formatHex(chain.lastHash().toByteArray()));
        if (!String.valueOf(summary.events()).equals(manifest.getProperty("events"))
                || !summary.headHash().equals(manifest.getProperty("head-hash"))) {
            throw new IOException(file + " is incomplete: its manifest says " + manifest.getProperty("events")
                    + " events, the file holds " + summary.events());
        }
        return summary;
    }

    private void readEvents(InputStream in, ChainVerifier chain, boolean write) throws IOException {
        List<Event> batch = new ArrayList<>(BATCH);
        for (Event e; (e = Event.parseDelimitedFrom(in)) != null; ) {
            batch.add(chain.next(e));
            if (batch.size() == BATCH) {
                flush(batch, write);
            }
        }
        flush(batch, write);
    }

    private void writeImages(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        IOException[] failed = {null};
        images.forEach(image -> {
            if (failed[0] == null) {
                try {
                    d.writeBoolean(true);
                    d.writeUTF(image.sha256Hex());
                    d.writeUTF(image.contentType());
                    d.writeLong(image.storedAt().toEpochMilli());
                    d.writeInt(image.data().length);
                    d.write(image.data());
                } catch (IOException e) {
                    failed[0] = e;
                }
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        d.writeBoolean(false);
        d.flush();
    }

    /** Reads the images, each checked against its hash; (write) keeps them. */
    private void readImages(InputStream in, boolean write) throws IOException {
        DataInputStream d = new DataInputStream(in);
        while (d.readBoolean()) {
            String sha = d.readUTF();
            String type = d.readUTF();
            Instant storedAt = Instant.ofEpochMilli(d.readLong());
            int size = d.readInt();
            if (size < 0 || size > 64 * 1024 * 1024) {
                throw new IOException("an image of " + size + " bytes: the backup is damaged");
            }
            byte[] data = d.readNBytes(size);
            byte[] actual = sha256(data);
            if (data.length != size || !HexFormat.of().formatHex(actual).equals(sha)) {
                throw new IOException("image " + sha + " does not match its hash: the backup is damaged");
            }
            if (write) {
                images.put(actual, type, data, storedAt);
            }
        }
    }

    /** Each clip's description, then its chunks (length, bytes), one chunk in memory at a time. */
    private void writeClips(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        for (commandroom.server.store.ClipStore.Kept k : clips.list()) {
            d.writeBoolean(true);
            d.writeUTF(k.sha256Hex());
            d.writeUTF(k.contentType());
            d.writeLong(k.storedAt().toEpochMilli());
            d.writeInt(k.chunks());
            byte[] sha = HexFormat.of().parseHex(k.sha256Hex());
            for (int i = 0; i < k.chunks(); i++) {
                byte[] chunk = clips.chunk(sha, i);
                d.writeInt(chunk.length);
                d.write(chunk);
            }
        }
        d.writeBoolean(false);
        d.flush();
    }

    /** Reads the clips, each checked against its hash; (write) keeps them, chunk by chunk. */
    private void readClips(InputStream in, boolean write) throws IOException {
        DataInputStream d = new DataInputStream(in);
        while (d.readBoolean()) {
            String sha = d.readUTF();
            String type = d.readUTF();
            Instant storedAt = Instant.ofEpochMilli(d.readLong());
            int chunks = d.readInt();
            java.security.MessageDigest digest = digest();
            commandroom.server.store.ClipStore.Upload upload = write && clips != null ? clips.begin() : null;
            try {
                for (int i = 0; i < chunks; i++) {
                    int size = d.readInt();
                    if (size < 1 || size > 16 * 1024 * 1024) {
                        throw new IOException("a clip's chunk of " + size + " bytes: the backup is damaged");
                    }
                    byte[] chunk = d.readNBytes(size);
                    if (chunk.length != size) {
                        throw new IOException("clip " + sha + " is cut short: the backup is damaged");
                    }
                    digest.update(chunk);
                    if (upload != null) {
                        upload.append(chunk);
                    }
                }
                byte[] actual = digest.digest();
                if (!HexFormat.of().formatHex(actual).equals(sha)) {
                    throw new IOException("clip " + sha + " does not match its hash: the backup is damaged");
                }
                if (upload != null) {
                    upload.finish(actual, type, storedAt);
                }
            } catch (IOException | RuntimeException e) {
                if (upload != null) {
                    upload.abort();
                }
                throw e;
            }
        }
    }

    private static java.security.MessageDigest digest() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private void flush(List<Event> batch, boolean write) {
        if (write && !batch.isEmpty()) {
            events.append(batch);
        }
        batch.clear();
    }

    private static Properties manifest(Summary s) {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("created-at", Instant.now().toString());
        p.setProperty("events", String.valueOf(s.events()));
        p.setProperty("users", String.valueOf(s.users()));
        p.setProperty("head-hash", s.headHash());
        return p;
    }

    private static void writeUsers(List<UserRecord> list, OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(list.size());
        for (UserRecord u : list) {
            d.writeUTF(u.username());
            d.writeUTF(u.displayName());
            d.writeUTF(u.role().name());
            d.writeUTF(u.unitId());
            d.writeUTF(u.stationId());
            d.writeUTF(u.passwordHash());
            d.writeBoolean(u.disabled());
        }
        d.flush();
    }

    private static List<UserRecord> readUsers(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        int n = d.readInt();
        List<UserRecord> out = new ArrayList<>(Math.max(0, Math.min(n, 100_000)));
        for (int i = 0; i < n; i++) {
            out.add(new UserRecord(d.readUTF(), d.readUTF(), Role.valueOf(d.readUTF()), d.readUTF(), d.readUTF(),
                    d.readUTF(), d.readBoolean()));
        }
        return out;
    }
}
