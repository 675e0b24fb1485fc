package commandroom.server.cameras;

import commandroom.server.loop.HubException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * A camera source as the hub uses it: what it lists, how its cameras are played and turned, what
 * alarms it raised and what recordings it keeps. A GB/T 28181 platform ({@link WvpPlatform}) or
 * ONVIF devices ({@link OnvifPlatform}). Thread-safe.
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

    /** Why a recording was made, as the platform says it. */
    enum RecordingKind { TIMED, ALARM, MANUAL, UNKNOWN }

    /** A stretch of a camera's video its device or NVR keeps; sizeBytes 0 when not said. */
    record Recording(Instant start, Instant end, RecordingKind kind, long sizeBytes) {}

    /** A playback the source started: where to play it, and the source's name for it (to stop it). */
    record Playback(Play play, String stream) {}

    /** A camera's recordings that overlap a period, oldest first. */
    default List<Recording> recordings(String deviceCode, String channelCode, Instant from, Instant to) throws IOException {
        throw noRecordings();
    }

    /** Starts playing a stretch of a camera's recordings. */
    default Playback startPlayback(String deviceCode, String channelCode, Instant start, Instant end) throws IOException {
        throw noRecordings();
    }

    /** Stops a playback started for the consoles. */
    default void stopPlayback(String deviceCode, String channelCode, String stream) throws IOException {
        throw noRecordings();
    }

    /** What a source that keeps no recordings (ONVIF devices, as the hub speaks to them) answers. */
    private static HubException noRecordings() {
        return HubException.precondition("this camera's source has no recordings the hub can reach");
    }
}
