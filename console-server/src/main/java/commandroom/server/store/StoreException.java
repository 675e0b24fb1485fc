package commandroom.server.store;

/** The database could not do what was asked; callers answer UNAVAILABLE, never INTERNAL. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
