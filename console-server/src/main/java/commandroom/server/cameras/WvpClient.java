package commandroom.server.cameras;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import commandroom.geo.Gcj02;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The few calls of wvp-GB28181-pro's HTTP API the hub needs, as its source has them (checked
 * against its master of 2026-08): log-in by GET with the password's lower-case MD5, the token
 * sent back in the {@code access-token} header (or an {@code api-key} instead), every answer a
 * {@code {code, msg, data}} wrapper where 0 is success and a lost session is HTTP 401; lists are
 * pagehelper pages ({@code list}, {@code total}); times are China's wall clock as
 * "yyyy-MM-dd HH:mm:ss". Channels are read in both shapes wvp has had:
 * 2.7.3 on names the channel {@code deviceId} (its device {@code parentDeviceId}) with status
 * "ON"/"OFF"; before, {@code channelId} and a boolean status. Thread-safe.
 */
public final class WvpClient {

    /** wvp's session lasts its login-timeout, 60 minutes by default and 30 in its sample settings. */
    static final Duration TOKEN_RENEWAL = Duration.ofMinutes(25);
    static final int PAGE = 200;
    /** A storm of alarms is read 1,000 at a time: the rest on the next poll. */
    private static final int ALARM_PAGES = 5;
    private static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");
    /** How wvp writes and reads times: China's wall clock, to the second. */
    private static final java.time.format.DateTimeFormatter PLATFORM_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CHINA);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

    private final WvpSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private String token;
    private Instant loggedInAt;
    private int logins;
    private volatile boolean oldAlarms;

    public WvpClient(WvpSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A device as the platform lists it: its code, name, whether online and in which datum it reports. */
    public record Device(String code, String name, boolean online, boolean gcj02) {}

    public List<Device> devices() throws IOException {
        List<Device> out = new ArrayList<>();
        for (JsonObject d : pages("/api/device/query/devices", Map.of())) {
            out.add(new Device(text(d, "deviceId"), text(d, "name"), bool(d, "onLine"),
                    "GCJ02".equalsIgnoreCase(text(d, "geoCoordSys"))));
        }
        return out;
    }

    /** A device's channels, positions in WGS-84 (a device that reports GCJ-02 is converted). */
    public List<CatalogChannel> channels(Device device) throws IOException {
        List<CatalogChannel> out = new ArrayList<>();
        for (JsonObject c : pages("/api/device/query/devices/" + segment(device.code()) + "/channels", Map.of())) {
            boolean old = c.has("channelId") && !c.get("channelId").isJsonNull();
            String channel = old ? text(c, "channelId") : text(c, "deviceId");
            String parent = old ? text(c, "deviceId") : text(c, "parentDeviceId");
            double lat = number(c, "latitude");
            double lon = number(c, "longitude");
            // 0,0 is what a platform says for a channel nobody placed.
            if (lat == 0 && lon == 0) {
                lat = Double.NaN;
                lon = Double.NaN;
            } else if (device.gcj02() && Gcj02.inChina(lat, lon)) {
                double[] w = Gcj02.toWgs84(lat, lon);
                lat = w[0];
                lon = w[1];
            }
            JsonElement status = c.get("status");
            boolean online = status != null && !status.isJsonNull() && status.isJsonPrimitive()
                    && (status.getAsJsonPrimitive().isBoolean() ? status.getAsBoolean() : "ON".equalsIgnoreCase(status.getAsString()));
            out.add(new CatalogChannel(parent.isEmpty() ? device.code() : parent, channel, text(c, "name"), lat, lon, online,
                    (int) (Double.isNaN(number(c, "ptzType")) ? 0 : number(c, "ptzType"))));
        }
        return out;
    }

    /** Starts playing a channel (the platform invites the device) and says where to pull it from. */
    public CameraPlatform.Play play(String deviceCode, String channelCode) throws IOException {
        return addresses(streamContent(call("/api/play/start/" + segment(deviceCode) + "/" + segment(channelCode),
                Map.of()), "play"));
    }

    /**
     * A channel's recordings overlapping a period (GET /api/gb_record/query: the platform asks the
     * device, and answers code 100 "timeout" when it did not answer in time), oldest first. An item
     * without readable times is left out; fileSize is a string of bytes, possibly missing.
     */
    public List<CameraPlatform.Recording> recordings(String deviceCode, String channelCode, Instant from, Instant to)
            throws IOException {
        JsonElement data = call("/api/gb_record/query/" + segment(deviceCode) + "/" + segment(channelCode),
                period(from, to));
        if (data == null || !data.isJsonObject()) {
            throw new WvpException(0, "the platform answered the record query without a record list");
        }
        JsonElement list = data.getAsJsonObject().get("recordList");
        List<CameraPlatform.Recording> out = new ArrayList<>();
        if (list == null || !list.isJsonArray()) {
            return out;
        }
        for (JsonElement e : list.getAsJsonArray()) {
            if (!e.isJsonObject()) {
                continue;
            }
            JsonObject r = e.getAsJsonObject();
            Instant start = platformTime(text(r, "startTime"));
            Instant end = platformTime(text(r, "endTime"));
            if (start == null || end == null) {
                continue;
            }
            double size = number(r, "fileSize");
            out.add(new CameraPlatform.Recording(start, end, kind(text(r, "type")),
                    Double.isNaN(size) || size < 0 ? 0 : (long) size));
        }
        out.sort(java.util.Comparator.comparing(CameraPlatform.Recording::start));
        return out;
    }

    /**
     * Starts playing back a stretch of a channel's recordings (GET /api/playback/start): where to
     * pull it from, and the platform's stream name, which stopping it needs.
     */
    public CameraPlatform.Playback startPlayback(String deviceCode, String channelCode, Instant start, Instant end)
            throws IOException {
        JsonObject o = streamContent(call("/api/playback/start/" + segment(deviceCode) + "/" + segment(channelCode),
                period(start, end)), "playback");
        String stream = text(o, "stream");
        if (stream.isEmpty()) {
            throw new WvpException(0, "the platform started the playback but did not name its stream");
        }
        return new CameraPlatform.Playback(addresses(o), stream);
    }

    /** Stops a playback (GET /api/playback/stop/{deviceId}/{channelId}/{stream}). */
    public void stopPlayback(String deviceCode, String channelCode, String stream) throws IOException {
        call("/api/playback/stop/" + segment(deviceCode) + "/" + segment(channelCode) + "/" + segment(stream), Map.of());
    }

    /** wvp's startTime and endTime parameters. */
    private static Map<String, String> period(Instant from, Instant to) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("startTime", PLATFORM_TIME.format(from));
        q.put("endTime", PLATFORM_TIME.format(to));
        return q;
    }

    private static JsonObject streamContent(JsonElement data, String what) throws WvpException {
        if (data == null || !data.isJsonObject()) {
            throw new WvpException(0, "the platform started the " + what + " but gave no addresses");
        }
        return data.getAsJsonObject();
    }

    /** A StreamContent's addresses: RTSP, else HTTP-FLV (the console's decoders read both). */
    private static CameraPlatform.Play addresses(JsonObject o) throws WvpException {
        CameraPlatform.Play p = new CameraPlatform.Play(text(o, "rtsp"), text(o, "flv"));
        if (p.rtsp().isEmpty() && p.flv().isEmpty()) {
            throw new WvpException(0, "the platform's media server serves neither RTSP nor HTTP-FLV for this channel");
        }
        return p;
    }

    private static CameraPlatform.RecordingKind kind(String type) {
        return switch (type) {
            case "time" -> CameraPlatform.RecordingKind.TIMED;
            case "alarm" -> CameraPlatform.RecordingKind.ALARM;
            case "manual" -> CameraPlatform.RecordingKind.MANUAL;
            default -> CameraPlatform.RecordingKind.UNKNOWN;
        };
    }

    /** A time as wvp writes it, or null when it is not one. */
    private static Instant platformTime(String text) {
        try {
            return java.time.LocalDateTime.parse(text, PLATFORM_TIME).atZone(CHINA).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** Stops playing a channel. */
    public void stop(String deviceCode, String channelCode) throws IOException {
        call("/api/play/stop/" + segment(deviceCode) + "/" + segment(channelCode), Map.of());
    }

    /**
     * Moves a channel's camera until the next command (wvp's front-end control, GET
     * /api/front-end/ptz): pan and tilt -1..1 become left/right/up/down and their diagonals at
     * 0..255; zoom -1..1 zoomout/zoomin at 0..15 (sent always: wvp's default of 16 is out of its
     * own range); all 0 is stop. One command moves or zooms: zoom wins.
     */
    public void move(String deviceCode, String channelCode, double pan, double tilt, double zoom) throws IOException {
        String command;
        if (zoom != 0) {
            command = zoom > 0 ? "zoomin" : "zoomout";
        } else {
            String v = tilt > 0 ? "up" : tilt < 0 ? "down" : "";
            String h = pan > 0 ? "right" : pan < 0 ? "left" : "";
            command = (v + h).isEmpty() ? "stop" : v + h;
        }
        call("/api/front-end/ptz/" + segment(deviceCode) + "/" + segment(channelCode), Map.of("command", command,
                "horizonSpeed", Integer.toString(speed(pan, 255)), "verticalSpeed", Integer.toString(speed(tilt, 255)),
                "zoomSpeed", Integer.toString(speed(zoom, 15))));
    }

    /** Turns to a preset (call) or saves the current view as one (add): 1..255. */
    public void preset(String deviceCode, String channelCode, boolean save, int preset) throws IOException {
        call("/api/front-end/preset/" + (save ? "add" : "call") + "/" + segment(deviceCode) + "/" + segment(channelCode),
                Map.of("presetId", Integer.toString(preset)));
    }

    private static int speed(double fraction, int max) {
        return (int) Math.round(Math.min(1, Math.abs(fraction)) * max);
    }

    /**
     * Alarms raised since a moment, oldest first. wvp's alarm model since 2026-04 answers GET
     * /api/alarm/list (beginTime "yyyy-MM-dd HH:mm:ss" in China's time; channelDeviceId, alarmType
     * by name, alarmTime in epoch ms); releases before it GET /api/alarm/all (startTime; channelId,
     * alarmMethod and alarmType as GB/T 28181 codes, alarmTime as text). The first 404 of the new
     * path makes the client use the old one.
     */
    public List<SourceAlarm> alarms(Instant since) throws IOException {
        String from = PLATFORM_TIME.format(since);
        List<SourceAlarm> out = new ArrayList<>();
        if (!oldAlarms) {
            try {
                for (JsonObject a : pages("/api/alarm/list", Map.of("beginTime", from), ALARM_PAGES)) {
                    double ms = number(a, "alarmTime");
                    out.add(new SourceAlarm(text(a, "id"), text(a, "channelDeviceId"), text(a, "alarmType"),
                            Double.isNaN(ms) ? since : Instant.ofEpochMilli((long) ms), text(a, "description")));
                }
                out.sort(java.util.Comparator.comparing(SourceAlarm::at));
                return out;
            } catch (WvpException e) {
                if (e.code() != 404) {
                    throw e;
                }
                oldAlarms = true;
            }
        }
        for (JsonObject a : pages("/api/alarm/all", Map.of("startTime", from), ALARM_PAGES)) {
            Instant parsed = platformTime(text(a, "alarmTime"));
            Instant at = parsed == null ? since : parsed;
            out.add(new SourceAlarm(text(a, "id"), text(a, "channelId"), text(a, "alarmMethod") + "/" + text(a, "alarmType"),
                    at, text(a, "alarmDescription")));
        }
        out.sort(java.util.Comparator.comparing(SourceAlarm::at));
        return out;
    }

    /** How many times the client logged in (tests watch the renewal). */
    public synchronized int logins() {
        return logins;
    }

    private List<JsonObject> pages(String path, Map<String, String> query) throws IOException {
        return pages(path, query, 10_000);
    }

    private List<JsonObject> pages(String path, Map<String, String> query, int maxPages) throws IOException {
        List<JsonObject> out = new ArrayList<>();
        for (int page = 1; page <= maxPages; page++) {
            Map<String, String> q = new LinkedHashMap<>(query);
            q.put("page", Integer.toString(page));
            q.put("count", Integer.toString(PAGE));
            JsonElement data = call(path, q);
            if (data == null || !data.isJsonObject() || !data.getAsJsonObject().has("list")) {
                throw new WvpException(0, path + " answered no page (no \"list\")");
            }
            JsonObject p = data.getAsJsonObject();
            var list = p.getAsJsonArray("list");
            list.forEach(e -> out.add(e.getAsJsonObject()));
            long total = p.has("total") ? p.get("total").getAsLong() : out.size();
            if (list.isEmpty() || out.size() >= total) {
                return out;
            }
        }
        return out;
    }

    /** One call: the wrapper's data on code 0; a lost session is logged in again once. */
    private JsonElement call(String path, Map<String, String> query) throws IOException {
        try {
            return once(path, query);
        } catch (WvpException e) {
            if (e.code() != 401 || hasApiKey()) {
                throw e;
            }
            synchronized (this) {
                token = null;
            }
            return once(path, query);
        }
    }

    private JsonElement once(String path, Map<String, String> query) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path, query)).timeout(CALL_TIMEOUT).GET();
        if (hasApiKey()) {
            b.header("api-key", settings.apiKey());
        } else {
            b.header("access-token", token());
        }
        return unwrap(send(b.build()));
    }

    private synchronized String token() throws IOException {
        if (token == null || !clock.instant().isBefore(loggedInAt.plus(TOKEN_RENEWAL))) {
            // wvp maps its log-in to GET only (a POST is a 400).
            HttpRequest r = HttpRequest.newBuilder(uri("/api/user/login", Map.of("username", settings.username(),
                    "password", md5(settings.password())))).timeout(CALL_TIMEOUT).GET().build();
            JsonElement data = unwrap(send(r));
            String t = data != null && data.isJsonObject() ? text(data.getAsJsonObject(), "accessToken") : "";
            if (t.isEmpty()) {
                throw new WvpException(0, "the platform's log-in answered no accessToken");
            }
            token = t;
            loggedInAt = clock.instant();
            logins++;
        }
        return token;
    }

    private HttpResponse<String> send(HttpRequest r) throws IOException {
        try {
            return http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static JsonElement unwrap(HttpResponse<String> r) throws IOException {
        JsonObject body;
        try {
            JsonElement e = JsonParser.parseString(r.body());
            body = e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (JsonParseException | IllegalStateException e) {
            body = null;
        }
        if (r.statusCode() == 401) {
            throw new WvpException(401, body != null ? text(body, "msg") : "not logged in");
        }
        if (body == null || !body.has("code")) {
            throw new WvpException(r.statusCode(), "HTTP " + r.statusCode() + " without wvp's answer");
        }
        int code = body.get("code").getAsInt();
        if (code != 0) {
            throw new WvpException(code, text(body, "msg"));
        }
        return body.get("data");
    }

    private URI uri(String path, Map<String, String> query) {
        StringBuilder s = new StringBuilder(settings.base().toString().replaceAll("/+$", "")).append(path);
        char sep = '?';
        for (var e : query.entrySet()) {
            s.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return URI.create(s.toString());
    }

    private boolean hasApiKey() {
        return settings.apiKey() != null && !settings.apiKey().isEmpty();
    }

    /** A code in a path: digits as GB/T 28181 has them, anything else encoded. */
    private static String segment(String code) {
        return URLEncoder.encode(code, StandardCharsets.UTF_8);
    }

    static String md5(String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    private static String text(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? "" : e.getAsString();
    }

    private static boolean bool(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e != null && e.isJsonPrimitive() && (e.getAsJsonPrimitive().isBoolean() ? e.getAsBoolean()
                : "true".equalsIgnoreCase(e.getAsString()) || "1".equals(e.getAsString()));
    }

    private static double number(JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull() || !e.isJsonPrimitive()) {
            return Double.NaN;
        }
        try {
            return e.getAsDouble();
        } catch (NumberFormatException x) {
            return Double.NaN;
        }
    }
}
