package commandroom.app.wall;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Writes packets of a {@link PacketRing} to an MPEG-TS file as they are: no decoding, no encoding,
 * so a 15 s replay or a 30 s clip is written in milliseconds and is bit for bit what the camera
 * sent. MPEG-TS because camera streams carry their parameter sets in band (Annex B), which TS keeps
 * as they are, and because every player a police workstation has opens it. Timestamps start at 0.
 */
final class ClipWriter {

    /** Where replays are written: memory (/dev/shm) where the system has it, else the temp dir. */
    static Path scratch() {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    private ClipWriter() {}

    /** Writes a slice to a file (replaced if it exists). */
    static void write(PacketRing.Slice slice, Path file) throws IOException {
        AVFormatContext oc = new AVFormatContext(null);
        String name = file.toAbsolutePath().toString();
        if (avformat_alloc_output_context2(oc, null, "mpegts", name) < 0) {
            throw new IOException("no MPEG-TS muxer");
        }
        AVPacket pkt = av_packet_alloc();
        try {
            AVStream st = avformat_new_stream(oc, null);
            StreamFormat f = slice.format();
            f.writeInto(st.codecpar());
            AVRational source = new AVRational().num(f.timeBaseNum()).den(f.timeBaseDen());
            st.time_base(source);
            AVIOContext pb = new AVIOContext(null);
            if (avio_open(pb, name, AVIO_FLAG_WRITE) < 0) {
                throw new IOException("cannot write " + name);
            }
            oc.pb(pb);
            if (avformat_write_header(oc, (AVDictionary) null) < 0) {
                throw new IOException("the muxer refused the stream's format");
            }
            // Starts at 0; B-frames may have a pts below the first dts, so both shift by the lowest.
            long origin = slice.packets().stream().mapToLong(p -> Math.min(p.pts(), p.dts())).min().orElse(0);
            long lastDts = Long.MIN_VALUE;
            for (PacketRing.Packet p : slice.packets()) {
                if (p.dts() - origin <= lastDts) {
                    continue; // a repeated timestamp (a camera's glitch) would make the muxer fail
                }
                lastDts = p.dts() - origin;
                if (av_new_packet(pkt, p.data().length) < 0) {
                    throw new IOException("out of native memory for a packet");
                }
                pkt.data().position(0).put(p.data());
                pkt.pts(p.pts() - origin);
                pkt.dts(p.dts() - origin);
                pkt.flags(p.key() ? AV_PKT_FLAG_KEY : 0);
                pkt.stream_index(0);
                av_packet_rescale_ts(pkt, source, st.time_base());
                if (av_interleaved_write_frame(oc, pkt) < 0) {
                    throw new IOException("the muxer refused a packet");
                }
            }
            av_write_trailer(oc);
        } finally {
            av_packet_free(pkt);
            if (oc.pb() != null && !oc.pb().isNull()) {
                avio_closep(oc.pb());
            }
            avformat_free_context(oc);
        }
    }
}
