package commandroom.app.wall;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a camera's last seconds in a {@link PacketRing}: one thread reads the stream's packets
 * (demuxing only, never decoding: about 1 % of a core for a 1080p camera against 13 % to decode
 * it) and copies the video ones into the ring. It opens the stream on its own, beside the tile's
 * decoder, so it works whichever decoder plays the tile; a stream that cannot be opened twice
 * (MPEG-TS pushed to one UDP port) is not recorded ({@link #recordable}). A stream that ends or
 * fails is opened again after a pause, while the recorder runs. Each start is a generation, so
 * stop never waits on the network.
 */
final class RingRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(RingRecorder.class);
    private static final String READ_TIMEOUT_US = "3000000";
    private static final long RETRY_MILLIS = 2000;
    private static final long WAIT_MILLIS = 250;

    private final PacketRing ring;
    private final AtomicLong generation = new AtomicLong();
    private final java.util.function.BooleanSupplier mayConnect;
    private volatile String url;

    /**
     * mayConnect says when the reader may (re)connect: only once the tile's own decoder is live, so
     * the ring never takes the place of the picture at a source that serves one reader only (an
     * ffmpeg {@code -listen} server, a camera out of sessions).
     */
    RingRecorder(PacketRing ring, java.util.function.BooleanSupplier mayConnect) {
        this.ring = ring;
        this.mayConnect = mayConnect;
    }

    /** Whether a second reader can open this stream beside the tile's (not a UDP push). */
    static boolean recordable(String url) {
        return url != null && (url.startsWith("rtsp:") || url.startsWith("rtsps:") || url.startsWith("http:")
                || url.startsWith("https:") || url.startsWith("rtmp:") || url.startsWith("file:"));
    }

    PacketRing ring() {
        return ring;
    }

    /** The stream being recorded, or null. */
    String url() {
        return url;
    }

    /** Records this stream from now on, dropping what was kept of another. */
    void start(String streamUrl) {
        long mine = generation.incrementAndGet();
        url = streamUrl;
        ring.clear();
        Thread reader = new Thread(() -> run(mine, streamUrl), "wall-ring");
        reader.setDaemon(true);
        reader.start();
    }

    /** Stops recording; what was kept is dropped. */
    void stop() {
        generation.incrementAndGet();
        url = null;
        ring.clear();
    }

    private void run(long mine, String streamUrl) {
        try {
            while (generation.get() == mine) {
                while (!mayConnect.getAsBoolean() && generation.get() == mine) {
                    Thread.sleep(WAIT_MILLIS);
                }
                if (generation.get() != mine) {
                    return;
                }
                read(mine, streamUrl);
                Thread.sleep(RETRY_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void read(long mine, String streamUrl) {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(streamUrl)) {
            if (streamUrl.startsWith("rtsp")) {
                grabber.setOption("rtsp_transport", "tcp");
            }
            grabber.setOption("timeout", READ_TIMEOUT_US);
            grabber.start();
            AVFormatContext oc = grabber.getFormatContext();
            int video = -1;
            for (int i = 0; i < oc.nb_streams(); i++) {
                if (oc.streams(i).codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
                    video = i;
                    break;
                }
            }
            if (video < 0) {
                return;
            }
            AVStream st = oc.streams(video);
            if (generation.get() != mine) {
                return;
            }
            ring.begin(StreamFormat.of(st.codecpar(), st.time_base().num(), st.time_base().den()));
            while (generation.get() == mine) {
                AVPacket pkt = grabber.grabPacket();
                if (pkt == null) {
                    return;
                }
                try {
                    if (pkt.stream_index() == video && pkt.size() > 0 && pkt.dts() != AV_NOPTS_VALUE) {
                        byte[] data = new byte[pkt.size()];
                        pkt.data().position(0).get(data);
                        long pts = pkt.pts() == AV_NOPTS_VALUE ? pkt.dts() : pkt.pts();
                        ring.add(new PacketRing.Packet(data, pts, pkt.dts(), (pkt.flags() & AV_PKT_FLAG_KEY) != 0,
                                System.currentTimeMillis()));
                    }
                } finally {
                    av_packet_unref(pkt);
                }
            }
        } catch (Exception e) {
            LOG.debug("ring of {} stopped: {}", streamUrl, e.toString());
        }
    }
}
