package commandroom.server.cameras;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ONVIF devices as one camera source: each device is one camera, its largest profile (the main
 * stream) its channel, its smallest the stream for small tiles. The device plays its own RTSP stream, so a watch asks it for the address
 * (GetStreamUri) and hands the console the address with the hub's account in it; PTZ is
 * ContinuousMove and Stop on that profile. A device that does not answer keeps its camera, marked
 * offline, if it answered before.
 */
final class OnvifPlatform implements CameraPlatform {

    private static final Logger LOG = LoggerFactory.getLogger(OnvifPlatform.class);

    private final Map<String, OnvifSettings.Device> devices = new LinkedHashMap<>();
    private final Map<String, OnvifClient> clients = new LinkedHashMap<>();
    /** The last profile each device answered with: kept while the device does not answer. */
    private final Map<String, String> lastProfile = new ConcurrentHashMap<>();
    /** Each device's smallest profile, for small tiles, when it is not the main one. */
    private final Map<String, String> subProfile = new ConcurrentHashMap<>();

    OnvifPlatform(OnvifSettings settings, Clock clock) {
        for (OnvifSettings.Device d : settings.devices()) {
            devices.put(d.code(), d);
            clients.put(d.code(), new OnvifClient(d.service(), d.user(), d.password(), clock));
        }
    }

    @Override
    public Catalog catalog() {
        List<CatalogChannel> out = new ArrayList<>();
        for (OnvifSettings.Device d : devices.values()) {
            OnvifClient c = clients.get(d.code());
            try {
                c.clockOffset();
                List<OnvifClient.Profile> profiles = c.profiles();
                OnvifClient.Profile main = profiles.stream()
                        .max(Comparator.comparingLong(p -> (long) p.width() * p.height())).orElse(null);
                if (main == null) {
                    continue;
                }
                lastProfile.put(d.code(), main.token());
                profiles.stream().min(Comparator.comparingLong(p -> (long) p.width() * p.height()))
                        .filter(p -> !p.token().equals(main.token()))
                        .ifPresentOrElse(p -> subProfile.put(d.code(), p.token()), () -> subProfile.remove(d.code()));
                out.add(new CatalogChannel(d.code(), main.token(), d.name(), d.latitude(), d.longitude(), true,
                        main.ptz() ? 1 : 3));
            } catch (IOException e) {
                LOG.warn("ONVIF device {} ({}): {}", d.name(), d.service(), e.getMessage());
                String known = lastProfile.get(d.code());
                if (known != null) {
                    out.add(new CatalogChannel(d.code(), known, d.name(), d.latitude(), d.longitude(), false, 0));
                }
            }
        }
        return new Catalog(devices.size(), out);
    }

    @Override
    public Play play(String deviceCode, String channelCode) throws IOException {
        OnvifSettings.Device d = device(deviceCode);
        OnvifClient c = client(deviceCode);
        String sub = subProfile.get(deviceCode);
        return new Play(withAccount(d, c.streamUri(channelCode)), "", sub == null ? "" : withAccount(d, c.streamUri(sub)));
    }

    /** The device wants the account on its RTSP too; the console gets it only while it watches. */
    private static String withAccount(OnvifSettings.Device d, String address) {
        URI uri = URI.create(address);
        if (uri.getRawUserInfo() != null) {
            return uri.toString();
        }
        String auth = URLEncoder.encode(d.user(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(d.password(), StandardCharsets.UTF_8) + "@";
        return uri.getScheme() + "://" + auth + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    @Override
    public void stop(String deviceCode, String channelCode) {
        // The device serves its stream to whoever asks; nothing was started for the consoles.
    }

    @Override
    public void move(String deviceCode, String channelCode, double pan, double tilt, double zoom) throws IOException {
        client(deviceCode).move(channelCode, pan, tilt, zoom);
    }

    @Override
    public void preset(String deviceCode, String channelCode, boolean save, int preset) throws IOException {
        client(deviceCode).preset(channelCode, save, preset);
    }

    @Override
    public List<SourceAlarm> alarms(Instant since) {
        return List.of();
    }

    private OnvifClient client(String deviceCode) throws IOException {
        device(deviceCode);
        return clients.get(deviceCode);
    }

    private OnvifSettings.Device device(String deviceCode) throws IOException {
        OnvifSettings.Device d = devices.get(deviceCode);
        if (d == null) {
            throw new IOException("ONVIF device " + deviceCode + " is no longer in the hub's devices file");
        }
        return d;
    }
}
