package commandroom.server.cli;

import commandroom.server.admin.LogBackup;
import commandroom.server.log.ChainBrokenException;
import commandroom.server.log.ChainVerifier;
import commandroom.server.store.Database;
import commandroom.server.store.EventStore;
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

    LogCommands(PrintStream out) {
        this.out = out;
    }

    int run(String command, List<String> args) {
        HubOptions o = HubOptions.parse(args, List.of());
        int wanted = command.equals("verify") ? 0 : 1;
        if (o.arguments().size() != wanted) {
            throw new IllegalArgumentException(command + (wanted == 0 ? " takes no argument" : " takes a FILE"));
        }
        try (Database db = HubCommandLine.open(o.hubConfig())) {
            EventStore events = new EventStore(db);
            LogBackup backup = new LogBackup(events, new UserStore(db), new commandroom.server.store.ImageStore(db));
            switch (command) {
                case "backup" -> {
                    Path file = Path.of(o.arguments().get(0));
                    LogBackup.Summary s = backup.backup(file);
                    out.println("backed up " + s.events() + " events and " + s.users() + " users to " + file
                            + " (head " + s.headHash() + ")");
                }
                case "restore" -> {
                    Path file = Path.of(o.arguments().get(0));
                    LogBackup.Summary s = backup.restore(file);
                    out.println("restored " + s.events() + " events and " + s.users() + " users from " + file
                            + " (head " + s.headHash() + "); everyone logs in again");
                }
                default -> {
                    return verify(events);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HubCommandLine.OK;
    }

    private int verify(EventStore events) {
        ChainVerifier chain = new ChainVerifier();
        try {
            events.forEach(chain::next);
        } catch (ChainBrokenException e) {
            out.println(e.getMessage());
            out.println((chain.lastSequence() == 0 ? "no event verifies" : "events 1 to " + chain.lastSequence()
                    + " verify") + "; event " + e.sequence() + " was altered, removed or moved");
            return HubCommandLine.FAILED;
        }
        out.println("audit chain intact: " + chain.lastSequence() + " events, head "
                + HexFormat.of().formatHex(chain.lastHash().toByteArray()));
        return HubCommandLine.OK;
    }
}
