package commandroom.app.wall;

/**
 * A camera as the wall plays it: its id and name, and its sub-stream and main-stream addresses;
 * for a camera a camera source keeps (viaHub), the addresses come from the hub when a tile shows
 * it, and are empty until then.
 */
public record WallCamera(String id, String name, String subStreamUrl, String mainStreamUrl, boolean viaHub) {

    public WallCamera(String id, String name, String subStreamUrl, String mainStreamUrl) {
        this(id, name, subStreamUrl, mainStreamUrl, false);
    }

    /** Whether the tile must ask the hub where to play it first. */
    boolean needsAddresses() {
        return viaHub && (subStreamUrl == null || subStreamUrl.isEmpty()) && (mainStreamUrl == null || mainStreamUrl.isEmpty());
    }

    /**
     * The camera with the addresses the hub gave: the main stream for big tiles, the sub-stream for
     * small ones when the source has one (else the main stream for every size).
     */
    WallCamera at(String main, String sub) {
        return new WallCamera(id, name, sub == null || sub.isEmpty() ? main : sub, main, viaHub);
    }

    /** The stream for a tile this wide on screen: the main stream for a big tile, else the sub-stream. */
    String urlFor(double tileWidth) {
        return tileWidth >= VideoTile.MAIN_STREAM_WIDTH ? main() : sub();
    }

    /** The sub-stream, or the main stream for a camera that has only that. */
    String sub() {
        return subStreamUrl == null || subStreamUrl.isEmpty() ? main() : subStreamUrl;
    }

    private String main() {
        return mainStreamUrl == null || mainStreamUrl.isEmpty() ? subStreamUrl : mainStreamUrl;
    }
}
