package commandroom.app.testing.xvnc;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Just enough of a VNC client (RFB 3.8, RFC 6143, plus the ExtendedDesktopSize extension) for
 * {@link XvncServer}: set the monitors with {@code SetDesktopSize}, and read single pixels of the
 * X server's framebuffer (what is actually on the screens) with raw framebuffer updates.
 *
 * <p>One short connection per call, no authentication (the server runs with
 * {@code -SecurityTypes None} on a private unix socket). Blocking; a watchdog closes the socket if
 * the server stalls. Any thread, one call at a time per server.
 */
final class RfbClient {

    private static final int SECURITY_NONE = 1;
    private static final int ENCODING_RAW = 0;
    private static final int ENCODING_DESKTOP_SIZE = -223;
    private static final int ENCODING_EXTENDED_DESKTOP_SIZE = -308;
    private static final int MSG_SET_PIXEL_FORMAT = 0;
    private static final int MSG_SET_ENCODINGS = 2;
    private static final int MSG_UPDATE_REQUEST = 3;
    private static final int MSG_POINTER_EVENT = 5;
    private static final int MSG_SET_DESKTOP_SIZE = 251;
    private static final long TIMEOUT_MS = 10_000;

    private final DataInputStream in;
    private final DataOutputStream out;
    private int desktopWidth;
    private int desktopHeight;

    private RfbClient(SocketChannel channel) {
        this.in = new DataInputStream(Channels.newInputStream(channel));
        // Buffered, and flushed once per message: Xvnc 1.12 misreads a SetDesktopSize that arrives
        // in pieces (it drops the connection with "invalid pixel format").
        this.out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 8192));
    }

    /** Makes {@code screens} the server's monitors; the desktop becomes their bounding box. */
    static void setScreens(Path socket, List<XvncServer.Output> screens) throws IOException, InterruptedException {
        session(socket, client -> {
            client.setTrueColour32();
            client.setEncodings(ENCODING_EXTENDED_DESKTOP_SIZE, ENCODING_DESKTOP_SIZE, ENCODING_RAW);
            client.requestUpdate(false, 0, 0, 1, 1);
            // The first update after SetEncodings carries the current layout; only then may we change it.
            client.awaitLayout(false);
            client.sendDesktopSize(screens);
            client.requestUpdate(true, 0, 0, 1, 1);
            List<XvncServer.Output> granted = client.awaitLayout(true);
            if (granted.size() != screens.size() || !granted.containsAll(screens)) {
                throw new IOException("asked for screens " + screens + ", the server has " + granted);
            }
            return null;
        });
    }

    /** The colours (0xRRGGBB) at these points of the framebuffer, each point {x, y}. */
    static List<Integer> colorsAt(Path socket, List<int[]> points) throws IOException, InterruptedException {
        return session(socket, client -> {
            client.setTrueColour32();
            client.setEncodings(ENCODING_RAW);
            client.movePointer(0, 0); // Xvnc paints the pointer into the pixels: park it in a corner
            List<Integer> colours = new ArrayList<>(points.size());
            for (int[] p : points) {
                if (p[0] < 0 || p[1] < 0 || p[0] >= client.desktopWidth || p[1] >= client.desktopHeight) {
                    // The server would silently never answer.
                    throw new IllegalArgumentException("(" + p[0] + "," + p[1] + ") is outside the "
                            + client.desktopWidth + "x" + client.desktopHeight + " desktop");
                }
                client.requestUpdate(false, p[0], p[1], 1, 1);
                colours.add(client.awaitPixel(p[0], p[1]));
            }
            return colours;
        });
    }

    private interface Action<T> {
        T run(RfbClient client) throws IOException;
    }

    private static <T> T session(Path socket, Action<T> action) throws IOException, InterruptedException {
        SocketChannel channel = connect(socket);
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rfb-watchdog");
            t.setDaemon(true);
            return t;
        });
        AtomicBoolean timedOut = new AtomicBoolean();
        watchdog.schedule(() -> {
            timedOut.set(true);
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing is all the watchdog can do.
            }
        }, TIMEOUT_MS, TimeUnit.MILLISECONDS);
        try (channel) {
            RfbClient client = new RfbClient(channel);
            client.handshake();
            return action.run(client);
        } catch (IOException e) {
            if (timedOut.get()) {
                throw new IOException("VNC server on " + socket + " did not answer within " + TIMEOUT_MS + " ms", e);
            }
            throw e;
        } finally {
            watchdog.shutdownNow();
        }
    }

    private static SocketChannel connect(Path socket) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        while (true) {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
                return channel;
            } catch (IOException e) {
                channel.close();
                if (System.nanoTime() > deadline) {
                    throw new IOException("cannot connect to the VNC socket " + socket, e);
                }
                Thread.sleep(50);
            }
        }
    }

    private void handshake() throws IOException {
        String version = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        if (!version.startsWith("RFB 003.")) {
            throw new IOException("not an RFB server: '" + version + "'");
        }
        out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        int count = in.readUnsignedByte();
        if (count == 0) {
            throw new IOException("server refused the connection: " + readString());
        }
        boolean none = false;
        for (byte type : in.readNBytes(count)) {
            none |= type == SECURITY_NONE;
        }
        if (!none) {
            throw new IOException("server does not offer security type None (start it with -SecurityTypes None)");
        }
        out.writeByte(SECURITY_NONE);
        out.flush();
        if (in.readInt() != 0) {
            throw new IOException("security handshake failed: " + readString());
        }
        out.writeByte(1); // ClientInit: shared, other viewers stay connected
        out.flush();
        desktopWidth = in.readUnsignedShort();
        desktopHeight = in.readUnsignedShort();
        skip(16); // the server's pixel format: we set our own before asking for pixels
        readString(); // desktop name
    }

    /** 32 bits per pixel, big-endian, red in bits 16-23, green 8-15, blue 0-7: one int is 0xRRGGBB. */
    private void setTrueColour32() throws IOException {
        out.writeByte(MSG_SET_PIXEL_FORMAT);
        out.write(new byte[3]);
        out.writeByte(32); // bits per pixel
        out.writeByte(24); // depth
        out.writeByte(1); // big-endian
        out.writeByte(1); // true colour
        out.writeShort(255);
        out.writeShort(255);
        out.writeShort(255);
        out.writeByte(16);
        out.writeByte(8);
        out.writeByte(0);
        out.write(new byte[3]);
        out.flush();
    }

    private void movePointer(int x, int y) throws IOException {
        out.writeByte(MSG_POINTER_EVENT);
        out.writeByte(0); // no button pressed
        out.writeShort(x);
        out.writeShort(y);
        out.flush();
    }

    private void setEncodings(int... encodings) throws IOException {
        out.writeByte(MSG_SET_ENCODINGS);
        out.writeByte(0);
        out.writeShort(encodings.length);
        for (int encoding : encodings) {
            out.writeInt(encoding);
        }
        out.flush();
    }

    private void requestUpdate(boolean incremental, int x, int y, int width, int height) throws IOException {
        out.writeByte(MSG_UPDATE_REQUEST);
        out.writeByte(incremental ? 1 : 0);
        out.writeShort(x);
        out.writeShort(y);
        out.writeShort(width);
        out.writeShort(height);
        out.flush();
    }

    private void sendDesktopSize(List<XvncServer.Output> screens) throws IOException {
        out.writeByte(MSG_SET_DESKTOP_SIZE);
        out.writeByte(0);
        out.writeShort(screens.stream().mapToInt(s -> s.x() + s.width()).max().orElseThrow());
        out.writeShort(screens.stream().mapToInt(s -> s.y() + s.height()).max().orElseThrow());
        out.writeByte(screens.size());
        out.writeByte(0);
        for (int i = 0; i < screens.size(); i++) {
            XvncServer.Output s = screens.get(i);
            out.writeInt(i + 1); // screen id
            out.writeShort(s.x());
            out.writeShort(s.y());
            out.writeShort(s.width());
            out.writeShort(s.height());
            out.writeInt(0); // flags
        }
        out.flush();
    }

    /**
     * Reads server messages until an ExtendedDesktopSize rectangle arrives; with {@code reply},
     * only the one answering our SetDesktopSize (x = 1), which must report success (y = 0).
     */
    private List<XvncServer.Output> awaitLayout(boolean reply) throws IOException {
        while (true) {
            expectFramebufferUpdate();
            int rects = in.readUnsignedShort();
            List<XvncServer.Output> found = null;
            for (int r = 0; r < rects; r++) {
                int x = in.readUnsignedShort();
                int y = in.readUnsignedShort();
                int w = in.readUnsignedShort();
                int h = in.readUnsignedShort();
                int encoding = in.readInt();
                if (encoding == ENCODING_EXTENDED_DESKTOP_SIZE) {
                    List<XvncServer.Output> screens = readScreens();
                    if (reply && x == 1 && y != 0) {
                        throw new IOException("server refused the screen layout: " + statusText(y));
                    }
                    if (!reply || x == 1) {
                        found = screens;
                    }
                } else if (encoding == ENCODING_RAW) {
                    skip(4L * w * h); // 32 bits per pixel, as set
                } else if (encoding != ENCODING_DESKTOP_SIZE) {
                    throw new IOException("unexpected encoding " + encoding);
                }
            }
            if (found != null) {
                return found;
            }
            requestUpdate(true, 0, 0, 1, 1);
        }
    }

    private int awaitPixel(int px, int py) throws IOException {
        while (true) {
            expectFramebufferUpdate();
            int rects = in.readUnsignedShort();
            Integer colour = null;
            for (int r = 0; r < rects; r++) {
                int x = in.readUnsignedShort();
                int y = in.readUnsignedShort();
                int w = in.readUnsignedShort();
                int h = in.readUnsignedShort();
                int encoding = in.readInt();
                if (encoding != ENCODING_RAW) {
                    throw new IOException("unexpected encoding " + encoding);
                }
                for (int row = 0; row < h; row++) {
                    for (int col = 0; col < w; col++) {
                        int pixel = in.readInt() & 0xffffff;
                        if (x + col == px && y + row == py) {
                            colour = pixel;
                        }
                    }
                }
            }
            if (colour != null) {
                return colour;
            }
        }
    }

    /** Skips what the server may send unasked, up to the next FramebufferUpdate's rectangle count. */
    private void expectFramebufferUpdate() throws IOException {
        while (true) {
            int type = in.readUnsignedByte();
            switch (type) {
                case 0 -> {
                    in.readUnsignedByte();
                    return;
                }
                case 1 -> { // SetColourMapEntries
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                    skip(6L * in.readUnsignedShort());
                }
                case 2 -> { } // Bell
                case 3 -> { // ServerCutText
                    skip(3);
                    skip(Integer.toUnsignedLong(in.readInt()));
                }
                default -> throw new IOException("unexpected server message type " + type);
            }
        }
    }

    private List<XvncServer.Output> readScreens() throws IOException {
        int count = in.readUnsignedByte();
        skip(3);
        List<XvncServer.Output> screens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            in.readInt(); // id
            int x = in.readUnsignedShort();
            int y = in.readUnsignedShort();
            int w = in.readUnsignedShort();
            int h = in.readUnsignedShort();
            in.readInt(); // flags
            screens.add(new XvncServer.Output(x, y, w, h));
        }
        return screens;
    }

    private static String statusText(int status) {
        return switch (status) {
            case 1 -> "resize is administratively prohibited";
            case 2 -> "out of resources";
            case 3 -> "invalid screen layout";
            default -> "error " + status;
        };
    }

    private String readString() throws IOException {
        int length = in.readInt();
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private void skip(long n) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException();
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }
}
