package commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.testing.Waits;
import commandroom.app.ui.Theme;
import commandroom.server.testing.FreePort;
import commandroom.sim.video.FfmpegStream;
import commandroom.sim.video.RtspCameras;
import commandroom.sim.video.TestPattern;
import java.net.DatagramSocket;
import java.util.List;
import java.time.Duration;
import javafx.scene.Scene;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * A tile plays a real stream served on loopback, headless: MPEG-TS over UDP and HTTP from ffmpeg
 * through libVLC, and RTSP from gst-rtsp-server through FFmpeg (Debian's libVLC has no RTSP). Its pixels
 * show the camera's own colour and keep coming; when the source is killed by PID the tile says
 * offline within 3 s (over UDP libVLC raises no event at all); when the source is back the tile is
 * live again within 5 s.
 */
class WallPlaybackTest extends FxRobot {

    /** A camera's stream on loopback that the test can kill by PID and start again. */
    private interface Source extends AutoCloseable {
        String url();

        long pid();

        void restart() throws Exception;

        @Override
        void close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "http", "rtsp"})
    void streamPlaysItsCameraGoesOfflineWhenKilledAndComesBack(String scheme) throws Exception {
        try (VideoRuntime runtime = VideoRuntime.start(); Source stream = source(scheme, "c-001", "人民路口")) {
            assertEquals("", runtime.problem().orElse(""), "libVLC is installed (apt-get install libvlc5 vlc-plugin-base)");
            WallView[] wall = {openWall(runtime, WallLayout.GRID_4)};
            // What the wall tells the console (and so the map) about its cameras.
            java.util.Map<String, java.time.Instant> dark = new java.util.concurrent.ConcurrentHashMap<>();
            java.util.Set<String> heardLive = java.util.concurrent.ConcurrentHashMap.newKeySet();
            try {
                interact(() -> wall[0].setOnHealth((id, since) -> {
                    if (since == null) {
                        dark.remove(id);
                        heardLive.add(id);
                    } else {
                        dark.put(id, since);
                    }
                }));
                interact(() -> wall[0].show(0, new WallCamera("c-001", "人民路口", stream.url(), stream.url())));
                VideoTile tile = wall[0].tiles().get(0);
                Waits.until("the tile live", Duration.ofSeconds(15), () -> tile.status() == TileHealth.Status.LIVE);
                // Debian's libVLC cannot open RTSP: that goes through the second decoder.
                assertEquals(scheme.equals("rtsp") ? "FFmpeg" : "libVLC", tile.decoder());
                long frames = tile.framesDecoded();
                Waits.until("frames keep coming", Duration.ofSeconds(5), () -> tile.framesDecoded() > frames + 25);
                waitForCameraColour(tile);

                ProcessHandle.of(stream.pid()).orElseThrow().destroyForcibly();
                long killed = System.nanoTime();
                Waits.until("the tile offline", Duration.ofSeconds(6), () -> tile.status() == TileHealth.Status.OFFLINE);
                long offlineAfter = (System.nanoTime() - killed) / 1_000_000;
                assertTrue(offlineAfter <= 3000, "offline shown " + offlineAfter + " ms after the source died");
                Waits.until("the console told it is dark", Duration.ofSeconds(2), () -> dark.containsKey("c-001"));
                assertTrue(heardLive.contains("c-001"), "and told before that it was live");

                stream.restart();
                long restarted = System.nanoTime();
                Waits.until("the tile live again", Duration.ofSeconds(10), () -> tile.status() == TileHealth.Status.LIVE);
                long liveAfter = (System.nanoTime() - restarted) / 1_000_000;
                assertTrue(liveAfter <= 5000, "live again " + liveAfter + " ms after the source came back");
                Waits.until("the console told it is live again", Duration.ofSeconds(2), () -> !dark.containsKey("c-001"));
                System.out.printf("wall playback %s (%s): offline %d ms after the kill, live %d ms after the restart%n",
                        scheme, tile.decoder(), offlineAfter, liveAfter);
                waitForCameraColour(tile);
            } finally {
                interact(() -> wall[0].close());
            }
        }
    }

    /** On a machine without an ffmpeg binary the simulator encodes in the JVM: a tile plays that too. */
    @org.junit.jupiter.api.Test
    void aCameraEncodedInTheJvmPlaysItsPattern() throws Exception {
        try (VideoRuntime runtime = VideoRuntime.start();
             commandroom.sim.video.JavacvStream stream = new commandroom.sim.video.JavacvStream("c-003", "北门",
                     freeUdpPort(), 704, 576).start()) {
            WallView[] wall = {openWall(runtime, WallLayout.GRID_4)};
            try {
                interact(() -> wall[0].show(0, new WallCamera("c-003", "北门", stream.url(), stream.url())));
                VideoTile tile = wall[0].tiles().get(0);
                Waits.until("the tile live", Duration.ofSeconds(15), () -> tile.status() == TileHealth.Status.LIVE);
                long frames = tile.framesDecoded();
                Waits.until("frames keep coming", Duration.ofSeconds(5), () -> tile.framesDecoded() > frames + 25);
                waitForCameraColour(tile);
            } finally {
                interact(() -> wall[0].close());
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aBigTilePlaysTheMainStreamAndTheSubStreamWhenTheMainStreamDies() throws Exception {
        String id = "c-002";
        try (VideoRuntime runtime = VideoRuntime.start();
             FfmpegStream sub = new FfmpegStream(id, "西门桥", freeUdpPort(), 704, 576).start();
             RtspCameras main = new RtspCameras(FreePort.next(), List.of(new RtspCameras.Camera(id, "西门桥", 1280, 720)))
                     .start()) {
            WallView[] wall = {openWall(runtime, WallLayout.GRID_1)};
            try {
                interact(() -> wall[0].show(0, new WallCamera(id, "西门桥", sub.url(), main.url(id))));
                VideoTile tile = wall[0].tiles().get(0);
                Waits.until("the main stream live", Duration.ofSeconds(20),
                        () -> tile.status() == TileHealth.Status.LIVE && tile.decoder().equals("FFmpeg"));
                waitForCameraColour(tile);

                main.kill();
                Waits.until("the sub-stream live in its place", Duration.ofSeconds(15),
                        () -> tile.status() == TileHealth.Status.LIVE && tile.decoder().equals("libVLC"));
                waitForCameraColour(tile);
                Waits.until("the tile says the main stream is down", Duration.ofSeconds(5), () ->
                        from(tile).lookup(".tile-state").queryLabeled().getText().contains("主码流不可用"));
            } finally {
                interact(() -> wall[0].close());
            }
        }
    }

    /** A wall of the layout in a 1280x720 window of the headless toolkit. */
    static WallView openWall(VideoRuntime runtime, WallLayout layout) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(Theme::install);
        WallView[] wall = new WallView[1];
        FxToolkit.setupStage(stage -> {
            wall[0] = new WallView(runtime, layout);
            stage.setScene(Theme.style(new Scene(wall[0], 1280, 720)));
            stage.show();
        });
        return wall[0];
    }

    private static Source source(String scheme, String id, String name) throws Exception {
        if (scheme.equals("rtsp")) {
            RtspCameras server = new RtspCameras(FreePort.next(), List.of(new RtspCameras.Camera(id, name, 704, 576)))
                    .start();
            return new Source() {
                public String url() {
                    return server.url(id);
                }

                public long pid() {
                    return server.pid();
                }

                public void restart() throws Exception {
                    server.start();
                }

                public void close() {
                    server.close();
                }
            };
        }
        FfmpegStream udp = scheme.equals("http")
                ? new FfmpegStream(id, name, FreePort.next(), 704, 576, FfmpegStream.Transport.HTTP).start()
                : new FfmpegStream(id, name, freeUdpPort(), 704, 576).start();
        return new Source() {
            public String url() {
                return udp.url();
            }

            public long pid() {
                return udp.pid();
            }

            public void restart() {
                udp.start();
            }

            public void close() {
                udp.close();
            }
        };
    }

    /** Waits until the tile shows its camera's colour block (a new player starts on a black picture). */
    static void waitForCameraColour(VideoTile tile) {
        int rgb = TestPattern.colourOf(tile.camera().id());
        try {
            Waits.until("the colour of " + tile.camera().id(), Duration.ofSeconds(5), () -> {
                int argb = tile.pixelAt(TestPattern.BLOCK_CENTRE, TestPattern.BLOCK_CENTRE);
                return Math.abs((rgb >> 16 & 0xff) - (argb >> 16 & 0xff)) <= 48
                        && Math.abs((rgb >> 8 & 0xff) - (argb >> 8 & 0xff)) <= 48
                        && Math.abs((rgb & 0xff) - (argb & 0xff)) <= 48;
            });
        } catch (AssertionError e) {
            assertColourNear(rgb, tile.pixelAt(TestPattern.BLOCK_CENTRE, TestPattern.BLOCK_CENTRE));
        }
    }

    /** The decoded colour is the camera's within what compression and scaling change. */
    static void assertColourNear(int rgb, int argb) {
        int[] want = {rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff};
        int[] got = {argb >> 16 & 0xff, argb >> 8 & 0xff, argb & 0xff};
        for (int i = 0; i < 3; i++) {
            assertTrue(Math.abs(want[i] - got[i]) <= 48,
                    String.format("camera colour %06X, tile shows %06X", rgb, argb & 0xffffff));
        }
    }

    static int freeUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }
}
