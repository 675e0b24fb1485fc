package commandroom.sim.video;

/**
 * What a simulated camera's picture shows, so that a test can tell from the pixels whose picture
 * it is: a block of the camera's own colour in the top-left eighth of the frame, its name and a
 * running clock beside it, over a moving test pattern.
 */
public final class TestPattern {

    /** Saturated colours far apart from each other, so a decoded block is told apart after compression. */
    private static final int[] COLOURS = {0xE03020, 0x20C040, 0x2050E0, 0xE0C020, 0xC020C0, 0x20C0C0,
            0xF08020, 0x8040E0};

    private TestPattern() {}

    /** The camera's colour, 0xRRGGBB. */
    public static int colourOf(String cameraId) {
        return COLOURS[Math.floorMod(cameraId.hashCode(), COLOURS.length)];
    }

    /**
     * Where the colour block's centre lies, as a fraction of the frame's width and height
     * (the block spans the first quarter of each).
     */
    public static final double BLOCK_CENTRE = 0.125;

    /** An ffmpeg filter graph that draws the pattern's marks onto a frame of the given size. */
    static String filter(String cameraId, java.nio.file.Path nameFile, String fontFile, int width, int height) {
        int fontSize = Math.max(16, height / 16);
        String font = fontFile == null ? "" : "fontfile=" + fontFile + ":";
        return String.format("lutyuv=y=val*0.7,drawbox=x=0:y=0:w=%d:h=%d:color=0x%06X@1:t=fill,"
                        + "drawtext=%stextfile=%s:x=%d:y=%d:fontsize=%d:fontcolor=white:box=1:boxcolor=black@0.6,"
                        + "drawtext=%stext='%%{localtime\\:%%T}':x=%d:y=%d:fontsize=%d:fontcolor=white:box=1:boxcolor=black@0.6",
                width / 4, height / 4, colourOf(cameraId),
                font, nameFile, width / 4 + fontSize / 2, fontSize / 2, fontSize,
                font, width / 4 + fontSize / 2, fontSize * 2, fontSize);
    }
}
