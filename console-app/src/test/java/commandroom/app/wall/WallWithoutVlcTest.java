package commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.embedded.EmbeddedDefault;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.workspace.Workstation;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * First run on a workstation without libVLC: the wall says once, in Chinese, that libVLC is
 * missing and exactly what to install, and its cameras still play, through FFmpeg, not as black
 * tiles.
 */
class WallWithoutVlcTest extends FxRobot {

    @Test
    void withoutLibVlcTheWallSaysWhatToInstallAndPlaysThroughFfmpeg() throws Exception {
        try (EmbeddedDefault hub = EmbeddedDefault.start(Files.createTempDirectory("no-vlc"), 0, 1, null, false)) {
            hub.startCameraStreams(4);
            Workstation w = Consoles.open(hub.port(), hub.certificate(), "duty1",
                    Files.createTempDirectory("no-vlc-layouts"), c -> c.useVideo(VideoRuntime.start(() -> false)));
            try {
                interact(() -> {
                    w.stages().get(0).setWidth(1600);
                    w.stages().get(0).setHeight(900);
                });
                Label note = lookup("#wall-no-vlc").queryAs(Label.class);
                assertTrue(note.isVisible());
                assertEquals("未安装 libVLC：视频改由 FFmpeg 解码。请安装：sudo apt-get install libvlc5 vlc-plugin-base",
                        note.getText());
                assertEquals(1, lookup("#wall-no-vlc").queryAll().size(), "said once, not on every tile");
                Waits.until("the note shown whole", Duration.ofSeconds(5), () -> note.getHeight() >= note.prefHeight(note.getWidth()) - 1
                        && note.getHeight() > note.getFont().getSize() * 2);

                List<VideoTile> tiles = Consoles.wallOf(this, w).wall().tiles();
                Waits.until("the four cameras live", Duration.ofSeconds(30), () -> tiles.stream()
                        .allMatch(t -> t.status() == TileHealth.Status.LIVE));
                tiles.forEach(t -> assertEquals("FFmpeg", t.decoder(), t.camera().id()));
                tiles.forEach(WallPlaybackTest::waitForCameraColour);
                Screenshots.save(this, w.stages().get(0).getScene().getRoot(), "wall-without-vlc");
            } finally {
                Consoles.close(w);
            }
        }
    }
}
