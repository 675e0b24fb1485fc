package commandroom.app.wall;

/**
 * A decoder behind a tile: libVLC through vlcj, or (where libVLC cannot open a stream) another
 * decoder behind the same face. It decodes a stream into {@link TileFrame}s no bigger than the box
 * it is given, keeping the stream's aspect. Control calls may block: make them from the wall's
 * control thread, never from the FX thread or a decoder's callback.
 */
interface VideoSource {

    /** Which decoder this is, as a tile says it ("libVLC", "FFmpeg"). */
    String decoder();

    /** Starts playing a stream, pictures fitted into boxWidth x boxHeight pixels. */
    void play(String url, int boxWidth, int boxHeight);

    /** Stops playing; the last picture stays. */
    void stop();

    /** Stops and frees the decoder; it may not be used again. */
    void release();

    /** The picture as it is now (null before the first frame's format is known). Any thread. */
    TileFrame frame();

    /**
     * Frames the decoder decoded since this source was made; only grows. Not frames painted: a
     * player may repaint its last picture after the stream died. Any thread but a decoder callback.
     */
    long framesDecoded();
}
