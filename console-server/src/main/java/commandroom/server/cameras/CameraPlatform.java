package commandroom.server.cameras;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * A camera source as the hub uses it: what it lists, how its cameras are played and turned, and
 * what alarms it raised. A GB/T 28181 platform ({@link WvpPlatform}) or ONVIF devices
 * ({@link OnvifPlatform}). Thread-safe.
 */
public interface CameraPlatform {

    /**
     * Where to play a camera the source started (or serves anyway): its stream, and a smaller one
     * for small tiles when the source has one ("" otherwise).
     */
    record Play(String rtsp, String flv, String rtspSub) {
        public Play(String rtsp, String flv) {
            this(rtsp, flv, "");
        }
    }

    /** The source's catalog: how many devices it has, and their cameras. */
    record Catalog(int devices, List<CatalogChannel> channels) {}

    Catalog catalog() throws IOException;

    /** Starts playing a camera, where the source has to (a platform invites the device). */
    Play play(String deviceCode, String channelCode) throws IOException;

    /** Stops a play started for the consoles. */
    void stop(String deviceCode, String channelCode) throws IOException;

    /** Moves a PTZ camera until the next command: pan, tilt and zoom -1..1; all 0 stops it. */
    void move(String deviceCode, String channelCode, double pan, double tilt, double zoom) throws IOException;

    /** Turns to a preset (1..255), or saves the current view as one. */
    void preset(String deviceCode, String channelCode, boolean save, int preset) throws IOException;

    /** Alarms raised since a moment, oldest first; empty for a source without alarms. */
    List<SourceAlarm> alarms(Instant since) throws IOException;
}
