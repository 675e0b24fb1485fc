package commandroom.server.cameras;

import commandroom.v1.CameraKind;
import java.net.URI;
import java.time.Duration;

/**
 * A GB/T 28181 platform the hub keeps cameras from, through wvp-GB28181-pro's HTTP API.
 *
 * @param id          the source's id in the registry (a camera's origin), e.g. "wvp"
 * @param base        the platform's address, e.g. http://10.12.0.5:18080 (no path)
 * @param username    the account the hub logs in with; with password
 * @param password    its password as people type it (sent as wvp expects: its MD5)
 * @param apiKey      an API key made in wvp's user settings, used instead of the account; or null
 * @param kind        what kind of cameras its channels are (天网 unless the settings say 雪亮)
 * @param syncPeriod  how often the catalog is read again
 * @param playGrace   how long a channel keeps playing after the last console stopped watching
 *                    (a tile that swaps back should not wait for a new invite)
 * @param alarmPeriod how often the platform's alarms are read (GB/T 28181 bounds an alarm's way to
 *                    the screen at 2 s)
 * @param alarmIncidents the alarm types (wvp's AlarmType names) that are reported as incidents too
 */
public record WvpSettings(String id, URI base, String username, String password, String apiKey, CameraKind kind,
                          Duration syncPeriod, Duration playGrace, Duration alarmPeriod,
                          java.util.Set<String> alarmIncidents) implements SourceSettings {

    /** The alarm types that become incidents unless the settings say otherwise: someone is where they should not be. */
    public static final java.util.Set<String> DEFAULT_ALARM_INCIDENTS = java.util.Set.of("IntrusionDetection",
            "TripwireDetection");

    public WvpSettings {
        if (id == null || !id.matches("[a-z0-9-]{1,32}")) {
            throw new IllegalArgumentException("a camera source's id is 1..32 of a-z, 0-9 and -, not " + id);
        }
        if (base == null || !("http".equals(base.getScheme()) || "https".equals(base.getScheme()))
                || base.getHost() == null) {
            throw new IllegalArgumentException("the platform's address is http(s)://host:port, not " + base);
        }
        if ((apiKey == null || apiKey.isEmpty()) && (username == null || password == null)) {
            throw new IllegalArgumentException("the platform needs an account (user and password) or an API key");
        }
        alarmIncidents = alarmIncidents == null ? DEFAULT_ALARM_INCIDENTS : java.util.Set.copyOf(alarmIncidents);
    }

    /** A platform with the usual periods: the catalog every 10 minutes, plays kept 30 s. */
    public static WvpSettings of(String id, URI base, String username, String password, String apiKey) {
        return new WvpSettings(id, base, username, password, apiKey, CameraKind.CAMERA_KIND_SKYNET,
                Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofSeconds(1), DEFAULT_ALARM_INCIDENTS);
    }

    public WvpSettings withPeriods(Duration sync, Duration grace) {
        return new WvpSettings(id, base, username, password, apiKey, kind, sync, grace, alarmPeriod, alarmIncidents);
    }

    public WvpSettings withAlarms(Duration period, java.util.Set<String> incidents) {
        return new WvpSettings(id, base, username, password, apiKey, kind, syncPeriod, playGrace, period, incidents);
    }

    /** The address without credentials, for reports and the log. */
    @Override
    public String address() {
        return base.toString();
    }

    @Override
    public CameraPlatform open(java.time.Clock clock) {
        return new WvpPlatform(new WvpClient(this, clock));
    }
}
