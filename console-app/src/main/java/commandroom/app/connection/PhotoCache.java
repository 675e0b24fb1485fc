package commandroom.app.connection;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The photos this console fetched last, by hash: the review panel shows a task again on every
 * event of it, and the case file shows the photos the chief has just reviewed. Bounded in count
 * and in bytes (the least recently seen go first); a photo larger than the whole budget is not
 * kept. Thread-safe.
 */
final class PhotoCache {

    private final int maxPhotos;
    private final long maxBytes;
    private final LinkedHashMap<String, byte[]> photos = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    PhotoCache(int maxPhotos, long maxBytes) {
        this.maxPhotos = maxPhotos;
        this.maxBytes = maxBytes;
    }

    /** The photo with this hash, or null; a hit counts as recently seen. */
    synchronized byte[] get(String sha256) {
        return photos.get(sha256);
    }

    synchronized void put(String sha256, byte[] data) {
        if (data.length > maxBytes) {
            return;
        }
        byte[] before = photos.put(sha256, data);
        bytes += data.length - (before == null ? 0 : before.length);
        Iterator<Map.Entry<String, byte[]>> eldest = photos.entrySet().iterator();
        while ((photos.size() > maxPhotos || bytes > maxBytes) && eldest.hasNext()) {
            Map.Entry<String, byte[]> e = eldest.next();
            bytes -= e.getValue().length;
            eldest.remove();
        }
    }

    synchronized int size() {
        return photos.size();
    }

    synchronized long bytes() {
        return bytes;
    }
}
