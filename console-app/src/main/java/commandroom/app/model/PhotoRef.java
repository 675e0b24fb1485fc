package commandroom.app.model;

/**
 * A feedback photo as the hub describes it in events and snapshots: not the picture, which is
 * fetched by its hash when someone looks at it. Immutable.
 *
 * @param sha256 the picture's SHA-256, hex
 * @param size   its size in bytes (0 when the hub did not say)
 */
public record PhotoRef(String name, String contentType, String sha256, long size) {}
