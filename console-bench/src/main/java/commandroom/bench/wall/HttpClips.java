package commandroom.bench.wall;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * A camera served over HTTP as MPEG-TS, to as many readers as connect: each reader gets its own
 * ffmpeg copying the clip in a loop at its own pace ({@code -re -stream_loop -1 -c copy}: no
 * encoding, timestamps running on across loops), as a camera or a platform serves HTTP-FLV or TS.
 * A replay's harness needs two readers of one camera (the tile's decoder and its ring), which a
 * UDP push cannot give.
 */
final class HttpClips implements AutoCloseable {

    private final HttpServer server;

    HttpClips(Path clip) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/camera.ts", exchange -> {
            Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-re",
                    "-stream_loop", "-1", "-i", clip.toString(), "-c", "copy", "-f", "mpegts", "pipe:1")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            exchange.getResponseHeaders().add("Content-Type", "video/mp2t");
            exchange.sendResponseHeaders(200, 0);
            try (InputStream in = ffmpeg.getInputStream(); OutputStream out = exchange.getResponseBody()) {
                in.transferTo(out);
            } catch (IOException readerGone) {
                // The reader closed the connection: its ffmpeg goes with it.
            } finally {
                ffmpeg.destroyForcibly();
            }
        });
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "http-clips");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/camera.ts";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
