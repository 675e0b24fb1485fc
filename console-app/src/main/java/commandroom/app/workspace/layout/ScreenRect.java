package commandroom.app.workspace.layout;

/**
 * A rectangle in JavaFX logical pixels (the coordinates of {@code javafx.stage.Screen#getBounds()}
 * and of a window's x, y, width and height). Used both for screens and for windows.
 *
 * <p>Immutable; any thread.
 */
public record ScreenRect(double x, double y, double width, double height) {

    /** Two screens whose edges differ by less than this are the same screen (HiDPI rounding). */
    static final double TOLERANCE = 0.5;

    public ScreenRect {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(width) || !Double.isFinite(height)) {
            throw new IllegalArgumentException("not a finite rectangle: " + x + "," + y + "," + width + "," + height);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("empty rectangle: " + width + "x" + height);
        }
    }

    public double maxX() {
        return x + width;
    }

    public double maxY() {
        return y + height;
    }

    /** Area shared with {@code other}; 0 when they do not overlap. */
    public double intersectionArea(ScreenRect other) {
        double w = Math.min(maxX(), other.maxX()) - Math.max(x, other.x);
        double h = Math.min(maxY(), other.maxY()) - Math.max(y, other.y);
        return w > 0 && h > 0 ? w * h : 0;
    }

    /** Same rectangle, up to sub-pixel rounding. */
    public boolean sameAs(ScreenRect other) {
        return Math.abs(x - other.x) < TOLERANCE && Math.abs(y - other.y) < TOLERANCE
                && Math.abs(width - other.width) < TOLERANCE && Math.abs(height - other.height) < TOLERANCE;
    }

    /** The same size, moved so that its top-left corner keeps its offset from {@code from} inside {@code to}. */
    public ScreenRect moveBetween(ScreenRect from, ScreenRect to) {
        return new ScreenRect(to.x + (x - from.x), to.y + (y - from.y), width, height);
    }

    /**
     * This rectangle shrunk to fit inside {@code screen} if it is larger, then moved the least
     * distance that puts it entirely inside.
     */
    public ScreenRect clampInto(ScreenRect screen) {
        double w = Math.min(width, screen.width);
        double h = Math.min(height, screen.height);
        double cx = Math.max(screen.x, Math.min(x, screen.maxX() - w));
        double cy = Math.max(screen.y, Math.min(y, screen.maxY() - h));
        return new ScreenRect(cx, cy, w, h);
    }

    /** "x,y,width,height", as stored in layout files. */
    public String format() {
        return num(x) + "," + num(y) + "," + num(width) + "," + num(height);
    }

    /** Reads {@link #format()}; throws {@link IllegalArgumentException} on anything else. */
    public static ScreenRect parse(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("expected x,y,width,height: " + text);
        }
        return new ScreenRect(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()),
                Double.parseDouble(parts[2].trim()), Double.parseDouble(parts[3].trim()));
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
