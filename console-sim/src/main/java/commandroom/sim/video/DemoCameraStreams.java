package commandroom.sim.video;

import commandroom.v1.Camera;
import commandroom.v1.CountySeed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo county's cameras as live streams on loopback: for the first cameras (by id) whose
 * stream address is MPEG-TS over UDP on 127.0.0.1, an ffmpeg encoder of the camera's test pattern. Live encodes cost CPU (about a tenth of a core each here), so only as
 * many as asked for run; the others stay dark and a wall shows them offline, as it should.
 */
public final class DemoCameraStreams implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCameraStreams.class);
    private static final Pattern UDP = Pattern.compile("udp://@?127\\.0\\.0\\.1:(\\d+)");

    private final List<FfmpegStream> streams = new ArrayList<>();

    private DemoCameraStreams() {}

    /**
     * Starts encoders for up to count cameras of the county, at a picture size (the sub-stream's is
     * 704x576). Without ffmpeg, says so and starts none.
     */
    public static DemoCameraStreams start(CountySeed county, int count, int width, int height) {
        DemoCameraStreams s = new DemoCameraStreams();
        List<Camera> cameras = county.getCamerasList().stream().sorted(Comparator.comparing(Camera::getId)).toList();
        for (Camera c : cameras) {
            Matcher m = UDP.matcher(c.getSubStreamUrl());
            if (s.streams.size() >= count || !m.matches()) {
                continue;
            }
            try {
                s.streams.add(new FfmpegStream(c.getId(), c.getName(), Integer.parseInt(m.group(1)), width, height)
                        .start());
            } catch (IllegalStateException noFfmpeg) {
                LOG.warn("the demo cameras cannot stream: {}", noFfmpeg.getMessage());
                break;
            }
        }
        return s;
    }

    @Override
    public void close() {
        streams.forEach(FfmpegStream::close);
    }
}
