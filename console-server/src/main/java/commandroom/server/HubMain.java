package commandroom.server;

import commandroom.server.cli.HubCommandLine;
import commandroom.server.ops.HubLogging;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The hub's command ({@code commandroom-hub}): runs the hub as its own process (the server
 * install, and the crash tests that kill it), or one administration command. Serving, it prints
 * one line "HUB READY port=... cert=..." on standard output once it serves, then runs until killed
 * or interrupted; its log goes to standard error or a file.
 */
public final class HubMain {

    private HubMain() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        List<String> argList = List.of(args);
        if (argList.contains("--help")) {
            out.print(HubCommandLine.usage());
            return;
        }
        if (!HubCommandLine.serves(argList)) {
            HubLogging.configure("text", null, "warn");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            System.exit(new HubCommandLine(in, System.console(), out, err).run(argList));
            return;
        }
        HubCommandLine.ServiceOptions options;
        try {
            options = HubCommandLine.serviceOptions(argList);
            HubLogging.configure(options.logFormat(), options.logFile(), options.logLevel());
        } catch (RuntimeException e) {
            err.println(e.getMessage());
            err.println("commandroom-hub --help shows every option");
            System.exit(2);
            return;
        }
        HubBootstrap hub = HubBootstrap.start(options.hub());
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hub.close();
            stop.countDown();
        }, "hub-shutdown"));
        // Standard output is this command's interface: the parent process waits for this line.
        out.println("HUB READY port=" + hub.port() + " cert=" + hub.certificate()
                + (hub.healthPort() >= 0 ? " health=" + hub.healthPort() : ""));
        stop.await();
    }
}
