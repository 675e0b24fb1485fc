package commandroom.server.cli;

import commandroom.server.cameras.OnvifDiscovery;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * {@code commandroom-hub onvif discover [--probe HOST:PORT] [--wait SECONDS]}: finds the ONVIF
 * devices on the station's network (WS-Discovery, UDP 3702) and prints each as a line of the hub's
 * ONVIF devices file (--onvif-devices), its position left for the installer to fill in. It touches
 * no database.
 */
final class OnvifCommand {

    private final PrintStream out;

    OnvifCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) {
        HubOptions o = HubOptions.parse(args, List.of("probe", "wait"));
        if (o.arguments().size() != 1 || !o.arguments().get(0).equals("discover")) {
            throw new IllegalArgumentException("onvif takes one command: commandroom-hub onvif discover"
                    + " [--probe HOST:PORT] [--wait SECONDS]");
        }
        InetSocketAddress to = OnvifDiscovery.MULTICAST;
        String probe = o.get("probe", null);
        if (probe != null) {
            int colon = probe.lastIndexOf(':');
            try {
                to = new InetSocketAddress(probe.substring(0, colon), Integer.parseInt(probe.substring(colon + 1)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("probe is HOST:PORT, not " + probe, e);
            }
        }
        int wait = Integer.parseInt(o.get("wait", "3"));
        if (wait < 1 || wait > 60) {
            throw new IllegalArgumentException("wait is 1..60 seconds, not " + wait);
        }
        List<OnvifDiscovery.Found> found;
        try {
            found = OnvifDiscovery.probe(to, Duration.ofSeconds(wait));
        } catch (IOException e) {
            throw new IllegalStateException("cannot probe " + to + ": " + e.getMessage(), e);
        }
        out.println("# " + found.size() + " ONVIF device(s) answered within " + wait + " s. Fill in the user, the"
                + " password and where each hangs, then start the hub with --onvif-devices FILE.");
        out.println("name,address,user,password,latitude,longitude");
        for (OnvifDiscovery.Found f : found) {
            String name = f.scope("name");
            String location = f.scope("location");
            if (!location.isEmpty()) {
                out.println("# " + location);
            }
            out.println((name.isEmpty() ? f.endpoint() : name).replace(",", " ") + "," + f.xaddrs().get(0) + ",,,,");
        }
        return HubCommandLine.OK;
    }
}
