package commandroom.app.wall;

/** A camera as the wall plays it: its id and name, and its sub-stream and main-stream addresses. */
public record WallCamera(String id, String name, String subStreamUrl, String mainStreamUrl) {

    /** The stream for a tile this wide on screen: the main stream for a big tile, else the sub-stream. */
    String urlFor(double tileWidth) {
        boolean big = tileWidth >= VideoTile.MAIN_STREAM_WIDTH;
        String main = mainStreamUrl == null || mainStreamUrl.isEmpty() ? subStreamUrl : mainStreamUrl;
        String sub = subStreamUrl == null || subStreamUrl.isEmpty() ? main : subStreamUrl;
        return big ? main : sub;
    }
}
