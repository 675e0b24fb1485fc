package commandroom.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A TCP port free on this machine now, for a server that must be told its port before it starts
 * (a hub that others follow, a replica restarted where its clients look). Stateless.
 */
public final class FreePort {

    private FreePort() {}

    public static int next() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
