package commandroom.app.wall;

/** A camera as the wall plays it: its id and name, and its sub-stream and main-stream addresses. */
public record WallCamera(String id, String name, String subStreamUrl, String mainStreamUrl) {

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
