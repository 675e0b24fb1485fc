package commandroom.server.cameras;

import commandroom.v1.CameraKind;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/** What the hub needs to know of any camera source, whatever speaks for it. */
public interface SourceSettings {

    /** The source's id in the registry (a camera's origin), e.g. "wvp", "onvif". */
    String id();

    /** Where it is, without credentials, for reports and the log. */
    String address();

    /** What kind of cameras it keeps (天网 or 雪亮). */
    CameraKind kind();

    /** How often its catalog is read again. */
    Duration syncPeriod();

    /** How long a camera keeps playing after the last console stopped watching it. */
    Duration playGrace();

    /** How often its alarms are read; zero for a source without alarms. */
    Duration alarmPeriod();

    /** The alarm types reported as incidents too. */
    Set<String> alarmIncidents();

    /** The registry id of a camera the source lists for the first time. */
    default String cameraId(CatalogChannel ch) {
        return "gb-" + ch.channelCode();
    }

    /** The client that speaks for it. */
    CameraPlatform open(Clock clock);
}
