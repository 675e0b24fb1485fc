package commandroom.bench.wall;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import uk.co.caprica.vlcj.factory.MediaPlayerFactory;
import uk.co.caprica.vlcj.media.MediaStatistics;
import uk.co.caprica.vlcj.player.base.MediaPlayer;
import uk.co.caprica.vlcj.player.embedded.EmbeddedMediaPlayer;
import uk.co.caprica.vlcj.player.embedded.videosurface.CallbackVideoSurface;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormat;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormatCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.RenderCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.format.RV32BufferFormat;

/**
 * The baseline: libVLC decoding the same streams into RV32 at the same sizes as the wall's tiles,
 * doing nothing with the pictures (no copy, no scene, no paint); either with the wall's own media
 * options (the same decoding work: what is left over is the wall's display cost) or with libVLC's
 * defaults (what a plain player decoding these streams costs).
 */
final class DecodeOnly implements AutoCloseable {

    private final boolean wallOptions;

    /** A baseline with the wall's media options, or with libVLC's defaults. */
    DecodeOnly(boolean wallOptions) {
        this.wallOptions = wallOptions;
    }

    private final MediaPlayerFactory factory = new MediaPlayerFactory("--no-osd", "--no-snapshot-preview",
            "--no-video-title-show", "--no-audio", "--quiet");
    private final List<EmbeddedMediaPlayer> players = new ArrayList<>();
    private final List<Object> keep = new ArrayList<>();

    /** Plays each stream at a box size (the size its tile would have). */
    void play(List<String> urls, int width, int height) {
        for (String url : urls) {
            BufferFormatCallback formats = new BufferFormatCallback() {
                @Override
                public BufferFormat getBufferFormat(int w, int h) {
                    return new RV32BufferFormat(width, height);
                }

                @Override
                public void newFormatSize(int bw, int bh, int dw, int dh) {
                }

                @Override
                public void allocatedBuffers(ByteBuffer[] buffers) {
                }
            };
            RenderCallback renders = new RenderCallback() {
                @Override
                public void lock(MediaPlayer mp) {
                }

                @Override
                public void display(MediaPlayer mp, ByteBuffer[] buffers, BufferFormat format, int w, int h) {
                }

                @Override
                public void unlock(MediaPlayer mp) {
                }
            };
            CallbackVideoSurface surface = factory.videoSurfaces().newVideoSurface(formats, renders, true);
            EmbeddedMediaPlayer p = factory.mediaPlayers().newEmbeddedMediaPlayer();
            p.videoSurface().set(surface);
            keep.add(formats);
            keep.add(renders);
            keep.add(surface);
            players.add(p);
            p.media().play(url, wallOptions ? commandroom.app.wall.VlcMediaOptions.forBox(width)
                    : new String[] {":network-caching=300", ":no-audio"});
        }
    }

    /** Pictures decoded so far by each player. */
    long[] decoded() {
        long[] out = new long[players.size()];
        MediaStatistics stats = new MediaStatistics();
        for (int i = 0; i < out.length; i++) {
            out[i] = players.get(i).media().info().statistics(stats) ? stats.decodedVideo() : 0;
        }
        return out;
    }

    @Override
    public void close() {
        for (EmbeddedMediaPlayer p : players) {
            p.controls().stop();
            p.release();
        }
        factory.release();
        Reference.reachabilityFence(keep);
    }
}
