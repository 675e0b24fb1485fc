package commandroom.sim.video;

import commandroom.v1.Camera;
import commandroom.v1.CountySeed;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo county's cameras as live streams on loopback, as real cameras serve them: for the first
 * cameras (by id) whose sub-stream is MPEG-TS over UDP on 127.0.0.1, an encoder of the camera's
 * test pattern at the sub-stream's size; and for those whose main stream is RTSP on 127.0.0.1,
 * one RTSP server that encodes a camera's 1920x1080 main stream only while someone watches it.
 * Live encodes cost CPU (about a tenth of a core each for a sub-stream here), so only as many as
 * asked for run; the others stay dark and a wall shows them offline, as it should. Without an
 * ffmpeg binary the sub-streams are encoded in this JVM ({@link JavacvStream}).
 */
public final class DemoCameraStreams implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCameraStreams.class);
    private static final Pattern UDP = Pattern.compile("udp://@?127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern RTSP = Pattern.compile("rtsp://127\\.0\\.0\\.1:(\\d+)/([\\w-]+)");
    static final int MAIN_WIDTH = 1920;
    static final int MAIN_HEIGHT = 1080;

    private final List<AutoCloseable> streams = new ArrayList<>();

    private DemoCameraStreams() {}

    /**
     * Starts sub-streams for up to count cameras of the county at a picture size (the sub-stream's
     * is 704x576), and their main streams. Without ffmpeg or the RTSP server, says so and goes on
     * without what is missing.
     */
    public static DemoCameraStreams start(CountySeed county, int count, int width, int height) {
        return start(county, count, width, height, false);
    }

    /**
     * As above; with worn, the cameras units wear or carry (body cameras, the drone's) stream too,
     * whatever count says: the demo shows them moving with their units.
     */
    public static DemoCameraStreams start(CountySeed county, int count, int width, int height, boolean worn) {
        DemoCameraStreams s = new DemoCameraStreams();
        List<Camera> udp = county.getCamerasList().stream().sorted(Comparator.comparing(Camera::getId))
                .filter(c -> UDP.matcher(c.getSubStreamUrl()).matches()).toList();
        List<Camera> streamed = new ArrayList<>(udp.stream().limit(count).toList());
        if (worn) {
            udp.stream().filter(c -> !c.getUnitId().isEmpty() && !streamed.contains(c)).forEach(streamed::add);
        }
        boolean binary = FfmpegStream.available();
        if (!binary && !streamed.isEmpty()) {
            LOG.info("no ffmpeg on the PATH: the demo cameras are encoded in this JVM (FFmpeg from JavaCV)");
        }
        for (Camera c : streamed) {
            Matcher m = UDP.matcher(c.getSubStreamUrl());
            m.matches();
            int port = Integer.parseInt(m.group(1));
            try {
                s.streams.add(binary ? new FfmpegStream(c.getId(), c.getName(), port, width, height).start()
                        : new JavacvStream(c.getId(), c.getName(), port, width, height).start());
            } catch (IllegalStateException cannot) {
                LOG.warn("the demo cameras cannot stream: {}", cannot.getMessage());
                break;
            }
        }
        s.startMainStreams(streamed);
        return s;
    }

    /** One RTSP server for the main streams of the cameras that stream (they share its port). */
    private void startMainStreams(List<Camera> streamed) {
        List<RtspCameras.Camera> mains = new ArrayList<>();
        int port = -1;
        for (Camera c : streamed) {
            Matcher m = RTSP.matcher(c.getMainStreamUrl());
            if (m.matches() && m.group(2).equals(c.getId())) {
                port = Integer.parseInt(m.group(1));
                mains.add(new RtspCameras.Camera(c.getId(), c.getName(), MAIN_WIDTH, MAIN_HEIGHT));
            }
        }
        if (mains.isEmpty()) {
            return;
        }
        RtspCameras server = new RtspCameras(port, mains);
        try {
            streams.add(server.start());
        } catch (IOException e) {
            server.close();
            LOG.warn("the demo cameras' main streams cannot be served: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        for (AutoCloseable s : streams) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.warn("a demo camera stream did not close", e);
            }
        }
    }
}
