package commandroom.server.cameras;

import java.io.IOException;

/** The platform refused or failed a call: its code and message as it said them (wvp's WVPResult). */
public final class WvpException extends IOException {

    private final int code;

    public WvpException(int code, String message) {
        super(message);
        this.code = code;
    }

    /** wvp's code: 100 failed, 400 bad request, 401 not logged in, 404, 500; negative for a failed invite. */
    public int code() {
        return code;
    }
}
