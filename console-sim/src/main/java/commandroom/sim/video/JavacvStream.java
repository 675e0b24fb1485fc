package commandroom.sim.video;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated camera for machines without an ffmpeg binary: the same {@link TestPattern} marks
 * (the camera's colour block top left, its name and a running clock, over a moving pattern) drawn
 * in this JVM and encoded by the FFmpeg libraries that come from Maven Central with JavaCV, as
 * MPEG-TS over UDP to 127.0.0.1 at 25 fps with a keyframe every second. MPEG-2 video, because the
 * libraries from Maven Central carry no H.264 encoder; libVLC and FFmpeg both play it. Costs more
 * CPU than the ffmpeg binary with x264, so the demo uses it only when that is missing. Not
 * thread-safe: one owner.
 */
public final class JavacvStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JavacvStream.class);
    private static final int FPS = 25;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final String cameraId;
    private final String label;
    private final int port;
    private final int width;
    private final int height;
    private ScheduledExecutorService ticker;
    private FFmpegFrameRecorder recorder;
    private long frame;

    /** A stream of the camera to udp://127.0.0.1:port, not started yet. */
    public JavacvStream(String cameraId, String name, int port, int width, int height) {
        this.cameraId = cameraId;
        this.label = name + "  " + cameraId;
        this.port = port;
        this.width = width;
        this.height = height;
    }

    /** The address a player opens. */
    public String url() {
        return "udp://@127.0.0.1:" + port;
    }

    /** Starts encoding (ending the encoder before, if any); throws when FFmpeg cannot be loaded. */
    public JavacvStream start() {
        close();
        FFmpegFrameRecorder r = new FFmpegFrameRecorder("udp://127.0.0.1:" + port + "?pkt_size=1316", width, height);
        r.setFormat("mpegts");
        r.setVideoCodec(avcodec.AV_CODEC_ID_MPEG2VIDEO);
        r.setFrameRate(FPS);
        r.setGopSize(FPS);
        r.setVideoBitrate(2_000_000);
        r.setOption("muxdelay", "0");
        r.setOption("muxpreload", "0");
        try {
            r.start();
        } catch (FrameRecorder.Exception | RuntimeException | LinkageError e) {
            throw new IllegalStateException("FFmpeg from JavaCV could not encode: " + e.getMessage(), e);
        }
        recorder = r;
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Java2DFrameConverter converter = new Java2DFrameConverter();
        ticker = Executors.newSingleThreadScheduledExecutor(t -> {
            Thread th = new Thread(t, "camera-" + cameraId);
            th.setDaemon(true);
            return th;
        });
        ticker.scheduleAtFixedRate(() -> encodeOne(r, picture, converter), 0, 1000 / FPS, TimeUnit.MILLISECONDS);
        return this;
    }

    private void encodeOne(FFmpegFrameRecorder r, BufferedImage picture, Java2DFrameConverter converter) {
        draw(picture, frame++);
        try {
            r.record(converter.convert(picture));
        } catch (FrameRecorder.Exception | RuntimeException e) {
            LOG.warn("camera {} could not encode a frame: {}", cameraId, e.getMessage());
        }
    }

    /** The pattern: dimmed moving bars, the camera's colour block, its name and the clock. */
    private void draw(BufferedImage picture, long n) {
        Graphics2D g = picture.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int bars = 8;
            int shift = (int) (n * 4 % width);
            for (int i = 0; i < bars; i++) {
                int grey = 40 + 20 * i;
                g.setColor(new Color(grey, grey, grey));
                g.fillRect((i * width / bars + shift) % width, 0, width / bars + 1, height);
            }
            g.setColor(new Color(TestPattern.colourOf(cameraId)));
            g.fillRect(0, 0, width / 4, height / 4);
            int size = Math.max(16, height / 16);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
            g.setColor(new Color(0, 0, 0, 150));
            g.fillRect(width / 4 + size / 2, size / 2, g.getFontMetrics().stringWidth(label) + size / 2, size * 3);
            g.setColor(Color.WHITE);
            g.drawString(label, width / 4 + size * 3 / 4, size * 3 / 2);
            g.drawString(LocalTime.now().format(CLOCK), width / 4 + size * 3 / 4, size * 3);
        } finally {
            g.dispose();
        }
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ticker = null;
        }
        if (recorder != null) {
            try {
                recorder.close();
            } catch (FrameRecorder.Exception e) {
                LOG.warn("camera {} did not close its encoder: {}", cameraId, e.getMessage());
            }
            recorder = null;
        }
    }
}
