package commandroom.server.cli;

import commandroom.server.admin.BackupCipher;
import commandroom.server.admin.LogBackup;
import commandroom.server.log.ChainBrokenException;
import commandroom.server.log.ChainVerifier;
import commandroom.server.store.Database;
import commandroom.server.store.EventStore;
import commandroom.server.store.SealStore;
import commandroom.server.store.UserStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/** {@code commandroom-hub backup FILE}, {@code restore FILE} and {@code verify}. */
final class LogCommands {

    private final PrintStream out;
    private final java.io.BufferedReader in;
    private final java.io.Console console;

    LogCommands(java.io.BufferedReader in, java.io.Console console, PrintStream out) {
        this.in = in;
        this.console = console;
        this.out = out;
    }

    int run(String command, List<String> args) {
        HubOptions o = HubOptions.parse(args, command.equals("verify") ? List.of("head")
                : List.of("passphrase-file", "key-file"));
        int wanted = command.equals("verify") ? 0 : 1;
        if (o.arguments().size() != wanted) {
            throw new IllegalArgumentException(command + (wanted == 0 ? " takes no argument" : " takes a FILE"));
        }
        try (Database db = HubCommandLine.open(o.hubConfig())) {
            EventStore events = new EventStore(db);
            LogBackup backup = new LogBackup(events, new UserStore(db), new commandroom.server.store.ImageStore(db),
                    new commandroom.server.store.ClipStore(db));
            switch (command) {
                case "backup" -> {
                    Path file = Path.of(o.arguments().get(0));
                    LogBackup.Summary s = backup.backup(file, secret(o, true));
                    out.println("backed up " + s.events() + " events and " + s.users() + " users to " + file
                            + " (head " + s.headHash() + ")");
                }
                case "restore" -> {
                    Path file = Path.of(o.arguments().get(0));
                    LogBackup.Summary s = backup.restore(file, LogBackup.isEncrypted(file) ? secret(o, false) : null);
                    out.println("restored " + s.events() + " events and " + s.users() + " users from " + file
                            + " (head " + s.headHash() + "); everyone logs in again");
                }
                default -> {
                    return verify(events, new SealCheck(new SealStore(db), o.hubConfig().sealKeyFile(),
                            o.hubConfig().publishedHeadsFile(), o.get("head", null)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HubCommandLine.OK;
    }

    /**
     * The backup's secret: a key file (--key-file, 32 bytes in Base64), a passphrase file
     * (--passphrase-file, its first line), or a passphrase typed (twice for a new backup) on the
     * terminal, or one line of standard input without one.
     */
    private BackupCipher.Secret secret(HubOptions o, boolean twice) throws IOException {
        if (o.get("key-file", null) != null) {
            String text = java.nio.file.Files.readString(Path.of(o.get("key-file", null))).trim();
            return BackupCipher.Secret.keyFile(java.util.Base64.getDecoder().decode(text));
        }
        if (o.get("passphrase-file", null) != null) {
            List<String> lines = java.nio.file.Files.readAllLines(Path.of(o.get("passphrase-file", null)));
            return BackupCipher.Secret.passphrase(lines.isEmpty() ? new char[0] : lines.get(0).toCharArray());
        }
        if (console != null) {
            char[] first = console.readPassword("Backup passphrase: ");
            if (twice) {
                char[] again = console.readPassword("Again: ");
                if (first == null || !java.util.Arrays.equals(first, again)) {
                    throw new IllegalArgumentException("the two passphrases differ");
                }
            }
            return BackupCipher.Secret.passphrase(first == null ? new char[0] : first);
        }
        String line = in.readLine();
        if (line == null) {
            throw new IllegalArgumentException("a backup is encrypted: give --passphrase-file, --key-file, or the"
                    + " passphrase on standard input");
        }
        return BackupCipher.Secret.passphrase(line.toCharArray());
    }

    private int verify(EventStore events, SealCheck seals) throws IOException {
        ChainVerifier chain = new ChainVerifier();
        java.util.Map<Long, byte[]> hashes = new java.util.HashMap<>();
        java.util.Set<Long> wanted = seals.sequences();
        try {
            events.forEach(stored -> {
                chain.next(stored);
                if (wanted.contains(stored.sequence())) {
                    hashes.put(stored.sequence(), stored.hash());
                }
            });
        } catch (ChainBrokenException e) {
            out.println(e.getMessage());
            out.println((chain.lastSequence() == 0 ? "no event verifies" : "events 1 to " + chain.lastSequence()
                    + " verify") + "; event " + e.sequence() + " was altered, removed or moved");
            return HubCommandLine.FAILED;
        }
        List<String> problems = seals.problems(chain.lastSequence(), hashes);
        if (!problems.isEmpty()) {
            problems.forEach(out::println);
            out.println("the chain's hashes agree with each other, but not with its seals: events were rewritten or"
                    + " the log was cut short");
            return HubCommandLine.FAILED;
        }
        out.println("audit chain intact: " + chain.lastSequence() + " events, head "
                + HexFormat.of().formatHex(chain.lastHash().toByteArray()) + "; " + seals.summary());
        return HubCommandLine.OK;
    }
}
