package commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.testing.Waits;
import commandroom.server.testing.FreePort;
import commandroom.sim.video.RtspCameras;
import commandroom.sim.video.TestPattern;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A real RTSP camera on loopback (gst-rtsp-server) recorded into the ring without decoding: the
 * ring fills, its slice is written to an MPEG-TS file as it came, and that file plays back with
 * the camera's own picture, for as long as was asked, paused and sought.
 */
class RingRecorderTest {

    @Test
    void aCameraRecordedWithoutDecodingPlaysBackItsLastSeconds() throws Exception {
        try (RtspCameras camera = new RtspCameras(FreePort.next(), List.of(new RtspCameras.Camera("c-007", "西门桥", 1280, 720)))
                .start()) {
            RingRecorder recorder = new RingRecorder(new PacketRing(30_000), () -> true);
            assertTrue(RingRecorder.recordable(camera.url("c-007")));
            assertFalse(RingRecorder.recordable("udp://@127.0.0.1:5004"), "a UDP push has one reader only");
            recorder.start(camera.url("c-007"));
            try {
                Waits.until("six seconds in the ring", Duration.ofSeconds(20), () -> recorder.ring().reachMillis() >= 6000);
                long now = System.currentTimeMillis();
                PacketRing.Slice slice = recorder.ring().slice(now - 4000, now).orElseThrow();
                assertTrue(slice.packets().get(0).key(), "a replay starts at a keyframe");
                long spanMillis = slice.toMillis() - slice.fromMillis();
                assertTrue(spanMillis >= 3900 && spanMillis <= 5500, "about 4 s back (keyframes every second): " + spanMillis);
                Path file = Files.createTempFile(ClipWriter.scratch(), "ring-test", ".ts");
                try {
                    ClipWriter.write(slice, file);
                    assertTrue(Files.size(file) > 10_000, "the clip holds the packets: " + Files.size(file));
                    ReplaySource replay = new ReplaySource(new FramePool(), spanMillis);
                    replay.play(file.toString(), 640, 360);
                    Waits.until("the first replayed picture", Duration.ofSeconds(5), () -> replay.frame() != null
                            && replay.framesDecoded() > 0);
                    TileFrame f = replay.frame();
                    assertEquals(640, f.width());
                    WallPlaybackTest.assertColourNear(TestPattern.colourOf("c-007"),
                            f.argbAt((int) (TestPattern.BLOCK_CENTRE * 640), (int) (TestPattern.BLOCK_CENTRE * 360)));
                    // At its own pace: after a second, about a second in.
                    Thread.sleep(1000);
                    long at = replay.positionMillis();
                    assertTrue(at >= 600 && at <= 1500, "a second in at ×1: " + at);
                    replay.pause(true);
                    Thread.sleep(200);
                    long paused = replay.positionMillis();
                    Thread.sleep(500);
                    assertEquals(paused, replay.positionMillis(), "paused stays");
                    replay.seek(3000);
                    Waits.until("the picture at 3 s while paused", Duration.ofSeconds(3),
                            () -> Math.abs(replay.positionMillis() - 3000) <= 200 && replay.seekPending() == false);
                    replay.pause(false);
                    replay.rate(2);
                    Waits.until("the end", Duration.ofSeconds(3), replay::ended);
                    replay.release();
                } finally {
                    Files.deleteIfExists(file);
                }
            } finally {
                recorder.stop();
            }
            assertEquals(0, recorder.ring().bytes(), "a stopped ring holds nothing");
        }
    }
}
