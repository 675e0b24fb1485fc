package commandroom.bench.wall;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;

/**
 * A wire between a camera and its tile on loopback: every datagram the camera pushes to this
 * relay's port goes on to the tile's port unchanged. It notes when the first datagram passed after
 * {@link #arm()}: when a restarted camera was back, its first byte servable to the tile. Costs one
 * thread; a datagram the tile's port refuses (no player yet) is dropped, as UDP would. Thread-safe.
 */
final class UdpRelay implements AutoCloseable {

    private final DatagramSocket in;
    private final DatagramSocket out;
    private final InetSocketAddress tile;
    private final Thread pump;
    /** System.nanoTime of the first datagram after the last arm(), 0 until it came. */
    private volatile long firstAfterArm;

    /** A relay to udp 127.0.0.1:tilePort, listening on a free port of its own. */
    UdpRelay(int tilePort) throws SocketException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        in = new DatagramSocket(new InetSocketAddress(loopback, 0));
        out = new DatagramSocket(new InetSocketAddress(loopback, 0));
        tile = new InetSocketAddress(loopback, tilePort);
        pump = new Thread(this::pump, "udp-relay-" + tilePort);
        pump.setDaemon(true);
        pump.start();
    }

    /** The port the camera pushes to. */
    int cameraPort() {
        return in.getLocalPort();
    }

    /** From now on, note the next datagram's arrival (call before the camera starts again). */
    void arm() {
        firstAfterArm = 0;
    }

    /** When the first datagram since {@link #arm()} passed (System.nanoTime), or 0 if none yet. */
    long firstAfterArm() {
        return firstAfterArm;
    }

    private void pump() {
        byte[] buf = new byte[65536];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        while (!in.isClosed()) {
            try {
                p.setLength(buf.length);
                in.receive(p);
                if (firstAfterArm == 0) {
                    firstAfterArm = System.nanoTime();
                }
                out.send(new DatagramPacket(buf, p.getLength(), tile));
            } catch (IOException e) {
                // Closed, or the tile's port refused the datagram (no player yet): go on while open.
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        in.close();
        out.close();
        pump.join(2000);
    }
}
