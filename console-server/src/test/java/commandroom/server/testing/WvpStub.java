package commandroom.server.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A stand-in for wvp-GB28181-pro's HTTP API on 127.0.0.1, answering the paths, parameters and JSON
 * shapes of wvp's own source (master of 2026-08: UserController, DeviceQuery, PlayController,
 * GBRecordController and PlaybackController ({@link WvpRecords}), WVPResult, pagehelper's
 * PageInfo, DeviceChannel as of 2.7.3): log-in by GET only with the password's lower-case MD5,
 * the token in the {@code access-token} header (or an {@code api-key}), HTTP 401 with code 401
 * for a missing or expired token, code 100 for an unknown device. Its
 * catalog and its channels' recordings are set by the test; its plays and playbacks point at
 * whatever stream the test gives a channel; every call is recorded. Thread-safe.
 */
public final class WvpStub implements AutoCloseable {

    /** A device of the stub's catalog. */
    public record Device(String code, String name, boolean online) {}

    /** A channel: NaN position for none; status "ON"/"OFF"; GB/T 28181 PTZ type. */
    public record Channel(String device, String code, String name, double latitude, double longitude, boolean online,
                          int ptzType, String rtsp) {}

    private final HttpServer server;
    private final String username;
    private final String md5;
    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Map<String, Long> tokens = new HashMap<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile String apiKey;
    private volatile long tokenMillis = 3_600_000;
    private volatile String playFailure;
    private final Map<String, String> failing = new HashMap<>();
    private final List<JsonObject> alarms = new ArrayList<>();
    private final List<Long> ptzArrivals = new CopyOnWriteArrayList<>();
    private volatile long playDelayMillis;
    private final WvpRecords records = new WvpRecords();

    public WvpStub(String username, String password) throws IOException {
        this.username = username;
        this.md5 = HexFormat.of().formatHex(md5(password));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "wvp-stub");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public synchronized WvpStub device(String code, String name, boolean online) {
        devices.put(code, new Device(code, name, online));
        return this;
    }

    public synchronized WvpStub channel(Channel c) {
        channels.put(c.code(), c);
        return this;
    }

    public synchronized void removeChannel(String code) {
        channels.remove(code);
    }

    public synchronized Channel channelOf(String code) {
        return channels.get(code);
    }

    /** A device's code when the catalog has it, else null. */
    private synchronized String known(String device) {
        return devices.containsKey(device) ? device : null;
    }

    /** Tokens live this long (wvp: its login-timeout). */
    public void tokenLife(long millis) {
        tokenMillis = millis;
    }

    /** Every session ends now, as when wvp's login-timeout runs out or it restarts. */
    public synchronized void expireTokens() {
        tokens.clear();
    }

    public void acceptApiKey(String key) {
        apiKey = key;
    }

    /** The next plays fail with wvp's code 100 and this message (null: they work). */
    public void failPlays(String message) {
        playFailure = message;
    }

    /** Plays of one channel fail with wvp's code 100 and this message (a device the platform lost). */
    public synchronized void failPlay(String channelCode, String message) {
        failing.put(channelCode, message);
    }

    /** Plays answer after this long (a device's invite takes a second or two). */
    public void playDelay(long millis) {
        playDelayMillis = millis;
    }

    /** Every call, as "GET /path?query", in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    public long count(String pathPrefix) {
        return calls.stream().filter(c -> c.startsWith("GET " + pathPrefix)).count();
    }

    private void handle(HttpExchange x) throws IOException {
        try {
            String path = x.getRequestURI().getPath();
            calls.add(x.getRequestMethod() + " " + path + (x.getRequestURI().getRawQuery() == null ? ""
                    : "?" + x.getRequestURI().getRawQuery()));
            if (!x.getRequestMethod().equals("GET")) {
                send(x, 400, result(400, "Request method '" + x.getRequestMethod() + "' is not supported", null));
                return;
            }
            Map<String, String> q = query(x.getRequestURI().getRawQuery());
            if (path.equals("/api/user/login")) {
                login(x, q);
                return;
            }
            if (!authorized(x)) {
                JsonObject body = new JsonObject();
                body.addProperty("code", 401);
                body.addProperty("msg", "请登录后重新请求");
                send(x, 401, body);
                return;
            }
            String[] p = path.split("/");
            if (path.equals("/api/device/query/devices")) {
                List<JsonElement> list = new ArrayList<>();
                synchronized (this) {
                    devices.values().forEach(d -> list.add(deviceJson(d)));
                }
                send(x, 200, result(0, "成功", page(list, q)));
            } else if (path.startsWith("/api/device/query/devices/") && p.length == 7 && p[6].equals("channels")) {
                List<JsonElement> list = new ArrayList<>();
                synchronized (this) {
                    if (!devices.containsKey(p[5])) {
                        send(x, 200, result(100, "未找到设备：" + p[5], null));
                        return;
                    }
                    channels.values().stream().filter(c -> c.device().equals(p[5])).forEach(c -> list.add(channelJson(c)));
                }
                send(x, 200, result(0, "成功", page(list, q)));
            } else if (path.startsWith("/api/play/start/") && p.length == 6) {
                play(x, p[4], p[5]);
            } else if (path.startsWith("/api/play/stop/") && p.length == 6) {
                JsonObject data = new JsonObject();
                data.addProperty("deviceId", p[4]);
                data.addProperty("channelId", p[5]);
                send(x, 200, result(0, "成功", data));
            } else if (path.startsWith("/api/gb_record/query/") && p.length == 6) {
                send(x, records.query(known(p[4]), p[5], channelOf(p[5]), q));
            } else if (path.startsWith("/api/playback/start/") && p.length == 6) {
                send(x, records.start(known(p[4]), p[5], channelOf(p[5]), q));
            } else if (path.startsWith("/api/playback/stop/") && p.length == 7) {
                send(x, records.stop(known(p[4]), p[5], channelOf(p[5]), p[6]));
            } else if (path.equals("/api/alarm/list")) {
                alarms(x, q);
            } else if (path.startsWith("/api/front-end/ptz/") && p.length == 6) {
                ptz(x, q);
            } else if (path.startsWith("/api/front-end/preset/") && p.length == 7
                    && (p[4].equals("add") || p[4].equals("call") || p[4].equals("delete"))) {
                int id = Integer.parseInt(q.getOrDefault("presetId", "0"));
                send(x, 200, id < 1 || id > 255 ? result(100, "预置位编号必须为1-255", null) : result(0, "成功", null));
            } else {
                send(x, 404, result(404, "Not Found", null));
            }
        } finally {
            x.close();
        }
    }

    private void login(HttpExchange x, Map<String, String> q) throws IOException {
        if (!username.equals(q.get("username")) || !md5.equals(q.get("password"))) {
            send(x, 200, result(100, "用户名或密码错误", null));
            return;
        }
        String token = "eyJ" + UUID.randomUUID().toString().replace("-", "");
        synchronized (this) {
            tokens.put(token, System.currentTimeMillis() + tokenMillis);
        }
        JsonObject user = new JsonObject();
        user.addProperty("accessToken", token);
        user.addProperty("serverId", "000000");
        user.addProperty("username", username);
        user.addProperty("id", 1);
        user.add("password", JsonNull.INSTANCE);
        user.addProperty("enabled", true);
        x.getResponseHeaders().add("access-token", token);
        send(x, 200, result(0, "成功", user));
    }

    private boolean authorized(HttpExchange x) {
        String key = x.getRequestHeaders().getFirst("api-key");
        if (key != null) {
            return key.equals(apiKey);
        }
        String token = x.getRequestHeaders().getFirst("access-token");
        synchronized (this) {
            Long until = token == null ? null : tokens.get(token);
            return until != null && until > System.currentTimeMillis();
        }
    }

    private void play(HttpExchange x, String device, String code) throws IOException {
        if (playDelayMillis > 0) {
            try {
                Thread.sleep(playDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Channel c;
        String failure;
        synchronized (this) {
            c = channels.get(code);
            failure = failing.getOrDefault(code, playFailure);
        }
        if (failure != null) {
            send(x, 200, result(100, failure, null));
            return;
        }
        if (c == null || !c.device().equals(device)) {
            send(x, 200, result(100, "通道不存在", null));
            return;
        }
        JsonObject s = new JsonObject();
        s.addProperty("app", "rtp");
        s.addProperty("stream", device + "_" + code);
        s.add("ip", JsonNull.INSTANCE);
        s.addProperty("flv", "http://127.0.0.1:80/rtp/" + device + "_" + code + ".live.flv");
        s.addProperty("ws_flv", "ws://127.0.0.1:80/rtp/" + device + "_" + code + ".live.flv");
        s.addProperty("rtmp", "rtmp://127.0.0.1:1935/rtp/" + device + "_" + code);
        s.addProperty("rtsp", c.rtsp());
        s.add("hls", JsonNull.INSTANCE);
        s.addProperty("mediaServerId", "zlmediakit-local");
        send(x, 200, result(0, "成功", s));
    }

    /** A recording a channel's device keeps: type "time", "alarm" or "manual", as wvp's RecordItem says it. */
    public record Recording(java.time.Instant start, java.time.Instant end, String type, long size) {}

    /** The recordings a channel's device keeps, as the record query finds them. */
    public void recordings(String channelCode, List<Recording> list) {
        records.recordings(channelCode, list);
    }

    /** Record queries fail with wvp's code 100 and this message, e.g. "timeout" (null: they work). */
    public void failRecordQueries(String message) {
        records.failQueries(message);
    }

    /** Playbacks of a channel play this stream (else the channel's live one). */
    public void playbackStream(String channelCode, String rtsp) {
        records.playbackStream(channelCode, rtsp);
    }

    /** Playbacks started and not stopped, by wvp's stream name. */
    public java.util.Set<String> playbacks() {
        return records.playbacks();
    }

    /** Raises an alarm of a channel (wvp's Alarm, as its alarm model of 2026-04 has it); answers its id. */
    public synchronized long alarm(String channelCode, String type, java.time.Instant at, String description) {
        JsonObject a = new JsonObject();
        long id = alarms.size() + 1L;
        Channel c = channels.get(channelCode);
        a.addProperty("id", id);
        a.addProperty("channelId", Math.abs(channelCode.hashCode()));
        a.addProperty("channelDeviceId", channelCode);
        a.addProperty("channelName", c == null ? "" : c.name());
        a.addProperty("description", description);
        a.add("snapPath", JsonNull.INSTANCE);
        a.add("recordPath", JsonNull.INSTANCE);
        a.addProperty("longitude", c == null ? 0 : c.longitude());
        a.addProperty("latitude", c == null ? 0 : c.latitude());
        a.addProperty("alarmType", type);
        a.addProperty("alarmTime", at.toEpochMilli());
        alarms.add(a);
        return id;
    }

    /** GET /api/alarm/list: beginTime in China's time, newest first (alarm_time DESC). */
    private void alarms(HttpExchange x, Map<String, String> q) throws IOException {
        long from = 0;
        if (q.containsKey("beginTime")) {
            from = java.time.LocalDateTime.parse(q.get("beginTime"), java.time.format.DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm:ss")).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli();
        }
        long since = from;
        List<JsonElement> list = new ArrayList<>();
        synchronized (this) {
            alarms.stream().filter(a -> a.get("alarmTime").getAsLong() >= since)
                    .sorted((a, b) -> Long.compare(b.get("alarmTime").getAsLong(), a.get("alarmTime").getAsLong()))
                    .forEach(list::add);
        }
        send(x, 200, result(0, "成功", page(list, q)));
    }

    /** When each PTZ command arrived (System.nanoTime), in order: the bench's latency. */
    public List<Long> ptzArrivals() {
        return List.copyOf(ptzArrivals);
    }

    /** wvp's PtzController.ptz: a missing command is a 500 (an NPE there), speeds out of range code 100. */
    private void ptz(HttpExchange x, Map<String, String> q) throws IOException {
        ptzArrivals.add(System.nanoTime());
        String command = q.get("command");
        if (command == null) {
            send(x, 500, result(500, "java.lang.NullPointerException", null));
            return;
        }
        if (!List.of("left", "right", "up", "down", "upleft", "upright", "downleft", "downright", "zoomin", "zoomout",
                "stop").contains(command)) {
            send(x, 200, result(100, "未知指令", null));
            return;
        }
        int h = Integer.parseInt(q.getOrDefault("horizonSpeed", "100"));
        int v = Integer.parseInt(q.getOrDefault("verticalSpeed", "100"));
        int z = Integer.parseInt(q.getOrDefault("zoomSpeed", "16"));
        if (h < 0 || h > 255 || v < 0 || v > 255 || z < 0 || z > 15) {
            send(x, 200, result(100, "速度超出范围", null));
            return;
        }
        send(x, 200, result(0, "成功", null));
    }

    /** The PTZ commands received, in order: the command parameter of each. */
    public List<String> ptzCommands() {
        return calls.stream().filter(c -> c.startsWith("GET /api/front-end/ptz/")).map(c -> {
            int i = c.indexOf("command=");
            int end = c.indexOf('&', i);
            return i < 0 ? "" : c.substring(i + 8, end < 0 ? c.length() : end);
        }).toList();
    }

    private static JsonObject deviceJson(Device d) {
        JsonObject o = new JsonObject();
        o.addProperty("id", Math.abs(d.code().hashCode()));
        o.addProperty("deviceId", d.code());
        o.addProperty("name", d.name());
        o.addProperty("manufacturer", "Hikvision");
        o.addProperty("transport", "UDP");
        o.addProperty("streamMode", "TCP-PASSIVE");
        o.addProperty("onLine", d.online());
        o.addProperty("geoCoordSys", "WGS84");
        o.addProperty("channelCount", 0);
        return o;
    }

    private static JsonObject channelJson(Channel c) {
        JsonObject o = new JsonObject();
        o.addProperty("id", Math.abs(c.code().hashCode()));
        o.addProperty("deviceId", c.code());
        o.addProperty("parentDeviceId", c.device());
        o.addProperty("name", c.name());
        o.addProperty("status", c.online() ? "ON" : "OFF");
        if (Double.isNaN(c.latitude())) {
            o.add("longitude", JsonNull.INSTANCE);
            o.add("latitude", JsonNull.INSTANCE);
        } else {
            o.addProperty("longitude", c.longitude());
            o.addProperty("latitude", c.latitude());
        }
        o.addProperty("ptzType", c.ptzType());
        o.addProperty("subCount", 0);
        o.addProperty("channelType", 0);
        o.add("gbDeviceId", JsonNull.INSTANCE);
        o.add("gbLongitude", JsonNull.INSTANCE);
        return o;
    }

    /** pagehelper's PageInfo as Jackson writes it. */
    private static JsonObject page(List<JsonElement> all, Map<String, String> q) {
        int page = Integer.parseInt(q.getOrDefault("page", "1"));
        int count = Integer.parseInt(q.getOrDefault("count", "15"));
        int from = Math.min(all.size(), (page - 1) * count);
        int to = Math.min(all.size(), from + count);
        JsonArray list = new JsonArray();
        all.subList(from, to).forEach(list::add);
        JsonObject p = new JsonObject();
        p.addProperty("total", all.size());
        p.add("list", list);
        p.addProperty("pageNum", page);
        p.addProperty("pageSize", count);
        p.addProperty("size", to - from);
        p.addProperty("pages", (all.size() + count - 1) / count);
        p.addProperty("isFirstPage", page == 1);
        p.addProperty("isLastPage", to >= all.size());
        p.addProperty("hasNextPage", to < all.size());
        return p;
    }

    static JsonObject result(int code, String msg, JsonElement data) {
        JsonObject o = new JsonObject();
        o.addProperty("code", code);
        o.addProperty("msg", msg);
        o.add("data", data == null ? JsonNull.INSTANCE : data);
        return o;
    }

    private static void send(HttpExchange x, WvpRecords.Answer a) throws IOException {
        send(x, a.status(), a.body());
    }

    private static void send(HttpExchange x, int status, JsonObject body) throws IOException {
        byte[] b = body.toString().getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static byte[] md5(String s) {
        try {
            return MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
