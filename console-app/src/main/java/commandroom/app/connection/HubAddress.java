package commandroom.app.connection;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a hub listens. A console may be given several, comma-separated ("hub-a:7443,hub-b:7443"):
 * the replicas of one hub sharing a database, any of which can serve it.
 */
public record HubAddress(String host, int port) {

    public HubAddress {
        if (host == null || host.isBlank() || port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("not a hub address: " + host + ":" + port);
        }
    }

    /** Reads "host:port[,host:port...]"; throws IllegalArgumentException naming what is wrong. */
    public static List<HubAddress> parseList(String text) {
        List<HubAddress> out = new ArrayList<>();
        for (String part : text == null ? new String[0] : text.split(",")) {
            String p = part.trim();
            int colon = p.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("not host:port: " + p);
            }
            try {
                out.add(new HubAddress(p.substring(0, colon), Integer.parseInt(p.substring(colon + 1))));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not host:port: " + p, e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no hub address");
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
