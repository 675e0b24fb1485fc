package commandroom.server.linkage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a hub is linked to others: the stations a county hub follows, or the county a station hub
 * follows (a hub may be both, in a city–county–station chain). The links log in to the other hub
 * with one account, and trust one certificate (the bureau's) for all of them.
 *
 * @param stationId this hub's station, as the county names it (a station hub; "" otherwise)
 * @param county    the county hub this station follows for its instructions; null for none
 * @param stations  the stations this county hub follows; empty for none
 * @param username  the account the links log in with on the other hubs
 * @param password  its password
 * @param trusted   PEM certificate the other hubs' TLS must chain to
 */
public record LinkSettings(String stationId, Peer county, List<Peer> stations, String username, String password,
                           Path trusted) {

    /** Another hub: its id (a station's, or "county") and where it listens. */
    public record Peer(String id, String host, int port) {
        @Override
        public String toString() {
            return id + "@" + host + ":" + port;
        }
    }

    public LinkSettings {
        stations = List.copyOf(stations);
        stationId = stationId == null ? "" : stationId;
    }

    /** No links. */
    public static LinkSettings none() {
        return new LinkSettings("", null, List.of(), null, null, null);
    }

    public boolean followsAnything() {
        return county != null || !stations.isEmpty();
    }

    /** Reads "host:port" as the county. */
    public static Peer county(String hostPort) {
        return peer("county", hostPort);
    }

    /** Reads "id@host:port,id@host:port" as stations; throws IllegalArgumentException saying what is wrong. */
    public static List<Peer> stations(String list) {
        List<Peer> out = new ArrayList<>();
        for (String part : list.split(",")) {
            String p = part.trim();
            int at = p.indexOf('@');
            if (at <= 0) {
                throw new IllegalArgumentException("a station is id@host:port, not " + p);
            }
            out.add(peer(p.substring(0, at), p.substring(at + 1)));
        }
        return out;
    }

    private static Peer peer(String id, String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try {
            int port = Integer.parseInt(hostPort.substring(colon + 1));
            if (colon <= 0 || port <= 0 || port > 65_535) {
                throw new NumberFormatException();
            }
            return new Peer(id, hostPort.substring(0, colon), port);
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not host:port: " + hostPort, e);
        }
    }
}
