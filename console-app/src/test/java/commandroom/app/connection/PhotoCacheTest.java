package commandroom.app.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The client's few recent photos: bounded in count and bytes, the least recently seen out first. */
class PhotoCacheTest {

    @Test
    void keepsAFewRecentlySeenPhotosWithinItsCountAndBytes() {
        PhotoCache cache = new PhotoCache(3, 1000);
        cache.put("a", new byte[300]);
        cache.put("b", new byte[300]);
        cache.put("c", new byte[300]);
        assertNotNull(cache.get("a"), "a seen again: now the most recent");
        cache.put("d", new byte[300]);
        assertNull(cache.get("b"), "the least recently seen went");
        assertEquals(3, cache.size());

        cache.put("e", new byte[700]);
        assertEquals(1000, cache.bytes(), "within its bytes: d and e");
        assertNotNull(cache.get("e"));
        assertEquals(2, cache.size(), "two older ones made room: " + cache.bytes());

        cache.put("huge", new byte[1001]);
        assertNull(cache.get("huge"), "larger than the whole budget: not kept");
        assertNotNull(cache.get("e"), "and it pushed nothing out");
    }
}
