package commandroom.app.wall;

/**
 * The libVLC media options a tile plays with, by the size of its picture on screen. A small tile
 * skips H.264's in-loop deblocking filter (`avcodec-skiploopfilter=4`): about a third of a
 * sub-stream's decoding, for a blockiness that a picture scaled down to a wall tile does not show;
 * on 2 cores it is what lets 16 tiles run at 20 fps and more. A big tile (the main stream, a
 * picture looked at closely) decodes in full. The wall harness's decode-only baseline plays with
 * the same options, so its ratio compares like with like. Stateless.
 */
public final class VlcMediaOptions {

    private VlcMediaOptions() {}

    /** Options for a stream shown in a box this many pixels wide. */
    public static String[] forBox(int width) {
        return width < VideoTile.MAIN_STREAM_WIDTH
                ? new String[] {":network-caching=300", ":no-audio", ":avcodec-skiploopfilter=4"}
                : new String[] {":network-caching=300", ":no-audio"};
    }
}
