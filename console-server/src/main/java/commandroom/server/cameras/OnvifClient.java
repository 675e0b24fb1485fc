package commandroom.server.cameras;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One ONVIF device, by the few calls the hub needs (Device, Media and PTZ services, as ONVIF's own
 * WSDLs name them): its clock (GetSystemDateAndTime, to put the UsernameToken's created time on
 * the device's clock: a device whose clock is minutes off refuses a digest made on ours), where
 * its media and PTZ services are (GetCapabilities), its profiles (GetProfiles), a profile's RTSP
 * address (GetStreamUri), and PTZ (ContinuousMove, Stop, GotoPreset, SetPreset). Thread-safe.
 */
final class OnvifClient {

    /** A media profile: its token, name, encoder resolution and whether it has a PTZ configuration. */
    record Profile(String token, String name, int width, int height, boolean ptz) {}

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final URI deviceService;
    private final String user;
    private final String password;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Duration offset;
    private volatile URI media;
    private volatile URI ptz;

    OnvifClient(URI deviceService, String user, String password, Clock clock) {
        this.deviceService = deviceService;
        this.user = user;
        this.password = password;
        this.clock = clock;
    }

    /** How far the device's clock is ahead of ours (read again with every catalog read). */
    Duration clockOffset() throws IOException {
        Instant asked = clock.instant();
        Document d = call(deviceService, OnvifSoap.DEVICE + "/GetSystemDateAndTime",
                "<tds:GetSystemDateAndTime xmlns:tds=\"" + OnvifSoap.DEVICE + "\"/>", false);
        Element utc = OnvifSoap.all(d, OnvifSoap.SCHEMA, "UTCDateTime").stream().findFirst()
                .orElseThrow(() -> new IOException("the device's answer has no UTCDateTime"));
        try {
            LocalDateTime t = LocalDateTime.of(number(utc, "Year"), number(utc, "Month"), number(utc, "Day"),
                    number(utc, "Hour"), number(utc, "Minute"), number(utc, "Second"));
            Instant answered = clock.instant();
            Instant mid = asked.plus(Duration.between(asked, answered).dividedBy(2));
            offset = Duration.between(mid, t.toInstant(ZoneOffset.UTC));
            return offset;
        } catch (java.time.DateTimeException | NumberFormatException e) {
            throw new IOException("the device's clock cannot be read: " + e.getMessage(), e);
        }
    }

    List<Profile> profiles() throws IOException {
        Document d = call(mediaService(), OnvifSoap.MEDIA + "/GetProfiles",
                "<trt:GetProfiles xmlns:trt=\"" + OnvifSoap.MEDIA + "\"/>", true);
        List<Profile> out = new ArrayList<>();
        for (Element p : OnvifSoap.all(d, OnvifSoap.MEDIA, "Profiles")) {
            int w = 0;
            int h = 0;
            var encoder = OnvifSoap.all(p, OnvifSoap.SCHEMA, "VideoEncoderConfiguration");
            if (!encoder.isEmpty()) {
                try {
                    w = Integer.parseInt(OnvifSoap.text(encoder.get(0), OnvifSoap.SCHEMA, "Width"));
                    h = Integer.parseInt(OnvifSoap.text(encoder.get(0), OnvifSoap.SCHEMA, "Height"));
                } catch (NumberFormatException e) {
                    // A profile without a resolution still plays; it sorts last.
                }
            }
            out.add(new Profile(p.getAttribute("token"), OnvifSoap.text(p, OnvifSoap.SCHEMA, "Name"), w, h,
                    !OnvifSoap.all(p, OnvifSoap.SCHEMA, "PTZConfiguration").isEmpty()));
        }
        return out;
    }

    /** A profile's RTSP address (RTP over RTSP, unicast). */
    String streamUri(String profile) throws IOException {
        Document d = call(mediaService(), OnvifSoap.MEDIA + "/GetStreamUri", "<trt:GetStreamUri xmlns:trt=\""
                + OnvifSoap.MEDIA + "\"><trt:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream><tt:Transport><tt:Protocol>RTSP"
                + "</tt:Protocol></tt:Transport></trt:StreamSetup><trt:ProfileToken>" + OnvifSoap.escape(profile)
                + "</trt:ProfileToken></trt:GetStreamUri>", true);
        String uri = OnvifSoap.text(d, OnvifSoap.SCHEMA, "Uri");
        if (uri.isEmpty()) {
            throw new IOException("the device gave no stream address for profile " + profile);
        }
        return uri;
    }

    /** Moves until the next command; all 0 is Stop (pan, tilt and zoom together). */
    void move(String profile, double pan, double tilt, double zoom) throws IOException {
        String token = "<tptz:ProfileToken>" + OnvifSoap.escape(profile) + "</tptz:ProfileToken>";
        if (pan == 0 && tilt == 0 && zoom == 0) {
            call(ptzService(), OnvifSoap.PTZ + "/Stop", "<tptz:Stop xmlns:tptz=\"" + OnvifSoap.PTZ + "\">" + token
                    + "<tptz:PanTilt>true</tptz:PanTilt><tptz:Zoom>true</tptz:Zoom></tptz:Stop>", true);
        } else {
            call(ptzService(), OnvifSoap.PTZ + "/ContinuousMove", "<tptz:ContinuousMove xmlns:tptz=\"" + OnvifSoap.PTZ
                    + "\">" + token + "<tptz:Velocity><tt:PanTilt x=\"" + speed(pan) + "\" y=\"" + speed(tilt)
                    + "\"/><tt:Zoom x=\"" + speed(zoom) + "\"/></tptz:Velocity></tptz:ContinuousMove>", true);
        }
    }

    /** Goes to a preset, or saves the current view as one (the preset's number is its token). */
    void preset(String profile, boolean save, int preset) throws IOException {
        String token = "<tptz:ProfileToken>" + OnvifSoap.escape(profile) + "</tptz:ProfileToken>";
        if (save) {
            call(ptzService(), OnvifSoap.PTZ + "/SetPreset", "<tptz:SetPreset xmlns:tptz=\"" + OnvifSoap.PTZ + "\">" + token
                    + "<tptz:PresetName>" + preset + "</tptz:PresetName><tptz:PresetToken>" + preset
                    + "</tptz:PresetToken></tptz:SetPreset>", true);
        } else {
            call(ptzService(), OnvifSoap.PTZ + "/GotoPreset", "<tptz:GotoPreset xmlns:tptz=\"" + OnvifSoap.PTZ + "\">" + token
                    + "<tptz:PresetToken>" + preset + "</tptz:PresetToken></tptz:GotoPreset>", true);
        }
    }

    private URI mediaService() throws IOException {
        if (media == null) {
            capabilities();
        }
        return media;
    }

    private URI ptzService() throws IOException {
        if (ptz == null) {
            capabilities();
        }
        if (ptz == null) {
            throw new IOException("the device has no PTZ service");
        }
        return ptz;
    }

    private void capabilities() throws IOException {
        Document d = call(deviceService, OnvifSoap.DEVICE + "/GetCapabilities", "<tds:GetCapabilities xmlns:tds=\""
                + OnvifSoap.DEVICE + "\"><tds:Category>All</tds:Category></tds:GetCapabilities>", true);
        media = service(d, "Media");
        if (media == null) {
            throw new IOException("the device has no media service");
        }
        ptz = service(d, "PTZ");
    }

    private static URI service(Document d, String name) {
        for (Element e : OnvifSoap.all(d, OnvifSoap.SCHEMA, name)) {
            String x = OnvifSoap.text(e, OnvifSoap.SCHEMA, "XAddr");
            if (!x.isEmpty()) {
                return URI.create(x);
            }
        }
        return null;
    }

    private Document call(URI to, String action, String body, boolean authenticated) throws IOException {
        if (authenticated && offset == null) {
            clockOffset();
        }
        String xml = OnvifSoap.envelope(body, authenticated ? user : null, password,
                clock.instant().plus(offset == null ? Duration.ZERO : offset));
        HttpRequest r = HttpRequest.newBuilder(to).timeout(CALL_TIMEOUT)
                .header("Content-Type", "application/soap+xml; charset=utf-8; action=\"" + action + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build();
        HttpResponse<byte[]> res;
        try {
            res = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        Document d;
        try {
            d = OnvifSoap.parse(res.body());
        } catch (IOException e) {
            throw new IOException("HTTP " + res.statusCode() + " from " + to + ", not SOAP", e);
        }
        if (!OnvifSoap.all(d, OnvifSoap.SOAP, "Fault").isEmpty()) {
            String reason = OnvifSoap.text(d, OnvifSoap.SOAP, "Text");
            String code = OnvifSoap.text(d, OnvifSoap.SOAP, "Subcode");
            throw new IOException("the device refused " + action.substring(action.lastIndexOf('/') + 1) + ": "
                    + (reason.isEmpty() ? code : reason));
        }
        if (res.statusCode() != 200) {
            throw new IOException("HTTP " + res.statusCode() + " from " + to);
        }
        return d;
    }

    private static int number(Element under, String name) {
        return Integer.parseInt(OnvifSoap.text(under, OnvifSoap.SCHEMA, name));
    }

    private static String speed(double v) {
        return String.format(Locale.ROOT, "%.2f", Math.max(-1, Math.min(1, v)));
    }
}
