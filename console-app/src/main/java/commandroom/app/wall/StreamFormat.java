package commandroom.app.wall;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.javacpp.BytePointer;

/**
 * A video stream's encoding as its demuxer described it (codec, size, the parameter sets) and the
 * time base of its packets' timestamps: what a muxer needs to write the packets again without
 * decoding them. Kept as Java values, not as the demuxer's native struct, so the reader that found
 * them may close and nothing native outlives its user.
 */
record StreamFormat(int codecId, int width, int height, byte[] extradata, int timeBaseNum, int timeBaseDen) {

    /** What a demuxer found; its struct is only read. */
    static StreamFormat of(AVCodecParameters p, int timeBaseNum, int timeBaseDen) {
        byte[] extra = new byte[Math.max(0, p.extradata_size())];
        if (extra.length > 0) {
            p.extradata().position(0).get(extra);
        }
        return new StreamFormat(p.codec_id(), p.width(), p.height(), extra, timeBaseNum, timeBaseDen);
    }

    /** Writes this format into a muxer's stream parameters (their owner frees them). */
    void writeInto(AVCodecParameters p) {
        p.codec_type(org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO);
        p.codec_id(codecId);
        p.width(width);
        p.height(height);
        if (extradata.length > 0) {
            // The muxer frees extradata with av_free: it must come from av_malloc, with padding.
            BytePointer extra = new BytePointer(org.bytedeco.ffmpeg.global.avutil.av_mallocz(
                    extradata.length + org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE));
            extra.put(extradata);
            p.extradata(extra);
            p.extradata_size(extradata.length);
        }
    }
}
