package commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.testing.Waits;
import commandroom.app.ui.Theme;
import commandroom.sim.video.FfmpegStream;
import commandroom.sim.video.TestPattern;
import java.net.DatagramSocket;
import java.time.Duration;
import javafx.scene.Scene;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * A tile plays a real stream served on loopback (ffmpeg, MPEG-TS over UDP) through libVLC, headless:
 * its pixels show the camera's own colour and keep coming; when the source is killed the tile
 * says offline within 3 s, though libVLC raises no event over UDP; when the source is back the tile
 * is live again within 5 s.
 */
class WallPlaybackTest extends FxRobot {

    @Test
    void udpStreamPlaysItsCameraGoesOfflineWhenKilledAndComesBack() throws Exception {
        int port = freeUdpPort();
        try (VideoRuntime runtime = VideoRuntime.start();
             FfmpegStream stream = new FfmpegStream("c-001", "人民路口", port, 704, 576).start()) {
            assertEquals("", runtime.problem().orElse(""), "libVLC is installed (apt-get install libvlc5 vlc-plugin-base)");
            FxToolkit.registerPrimaryStage();
            FxToolkit.setupFixture(Theme::install);
            WallView[] wall = new WallView[1];
            FxToolkit.setupStage(stage -> {
                wall[0] = new WallView(runtime, WallLayout.GRID_4);
                stage.setScene(Theme.style(new Scene(wall[0], 1280, 720)));
                stage.show();
            });
            try {
                interact(() -> wall[0].show(0, new WallCamera("c-001", "人民路口", stream.url(), stream.url())));
                VideoTile tile = wall[0].tiles().get(0);
                Waits.until("the tile live", Duration.ofSeconds(15), () -> tile.status() == TileHealth.Status.LIVE);
                assertEquals("libVLC", tile.decoder());
                long frames = tile.framesDecoded();
                Waits.until("frames keep coming", Duration.ofSeconds(5), () -> tile.framesDecoded() > frames + 25);
                waitForCameraColour(tile);

                ProcessHandle.of(stream.pid()).orElseThrow().destroyForcibly();
                long killed = System.nanoTime();
                Waits.until("the tile offline", Duration.ofSeconds(6), () -> tile.status() == TileHealth.Status.OFFLINE);
                long offlineAfter = (System.nanoTime() - killed) / 1_000_000;
                assertTrue(offlineAfter <= 3000, "offline shown " + offlineAfter + " ms after the source died");

                stream.start();
                long restarted = System.nanoTime();
                Waits.until("the tile live again", Duration.ofSeconds(10), () -> tile.status() == TileHealth.Status.LIVE);
                long liveAfter = (System.nanoTime() - restarted) / 1_000_000;
                assertTrue(liveAfter <= 5000, "live again " + liveAfter + " ms after the source came back");
            } finally {
                interact(() -> wall[0].close());
            }
        }
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

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }
}
