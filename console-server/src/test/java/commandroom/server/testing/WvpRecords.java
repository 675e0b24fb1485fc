package commandroom.server.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The wvp stub's recordings: what GBRecordController's query and PlaybackController's start and
 * stop answer (wvp's master of 2026-08), over the recordings and playback streams the test gives
 * each channel. Times are "yyyy-MM-dd HH:mm:ss" in China's time, as wvp reads and writes them.
 * Thread-safe.
 */
final class WvpRecords {

    /** An HTTP status and wvp's answer. */
    record Answer(int status, JsonObject body) {}

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CHINA);
    /** wvp names a playback's stream device_channel_start_end, the times in this form. */
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(CHINA);

    private final Map<String, List<WvpStub.Recording>> recordings = new HashMap<>();
    private final Map<String, String> playbackStreams = new HashMap<>();
    private final Set<String> playbacks = new HashSet<>();
    private volatile String queryFailure;

    synchronized void recordings(String channelCode, List<WvpStub.Recording> list) {
        recordings.put(channelCode, List.copyOf(list));
    }

    void failQueries(String message) {
        queryFailure = message;
    }

    synchronized void playbackStream(String channelCode, String rtsp) {
        playbackStreams.put(channelCode, rtsp);
    }

    synchronized Set<String> playbacks() {
        return Set.copyOf(playbacks);
    }

    /**
     * GET /api/gb_record/query/{deviceId}/{channelId}: a missing time is an NPE there (HTTP 500), a
     * bad one code 100; data is a RecordInfo whose recordList holds the items overlapping the period.
     */
    synchronized Answer query(String device, String code, WvpStub.Channel channel, Map<String, String> q) {
        if (!q.containsKey("startTime") || !q.containsKey("endTime")) {
            return new Answer(500, WvpStub.result(500, "java.lang.NullPointerException", null));
        }
        Instant from = time(q.get("startTime"));
        Instant to = time(q.get("endTime"));
        if (from == null || to == null) {
            return ok(WvpStub.result(100, (from == null ? "startTime" : "endTime") + "格式为yyyy-MM-dd HH:mm:ss", null));
        }
        if (device == null || channel == null) {
            return ok(WvpStub.result(100, (device == null ? "设备" : code) + " 不存在", null));
        }
        if (queryFailure != null) {
            return ok(WvpStub.result(100, queryFailure, null));
        }
        JsonArray list = new JsonArray();
        for (WvpStub.Recording r : recordings.getOrDefault(code, List.of())) {
            if (r.start().isBefore(to) && r.end().isAfter(from)) {
                list.add(item(device, channel.name(), r));
            }
        }
        JsonObject info = new JsonObject();
        info.addProperty("deviceId", device);
        info.addProperty("channelId", code);
        info.addProperty("sn", "123456");
        info.addProperty("name", channel.name());
        info.addProperty("sumNum", list.size());
        info.addProperty("count", list.size());
        info.addProperty("lastTime", Instant.now().toString());
        info.add("recordList", list);
        return ok(WvpStub.result(0, "成功", info));
    }

    /** GET /api/playback/start/{deviceId}/{channelId}: a StreamContent, as a live play's. */
    synchronized Answer start(String device, String code, WvpStub.Channel channel, Map<String, String> q) {
        if (device == null || channel == null) {
            return ok(WvpStub.result(100, device == null ? "未找到设备" : "未找到通道：" + code, null));
        }
        Instant from = time(q.getOrDefault("startTime", ""));
        Instant to = time(q.getOrDefault("endTime", ""));
        if (from == null || to == null) {
            return ok(WvpStub.result(100, "时间格式错误", null));
        }
        String stream = device + "_" + code + "_" + COMPACT.format(from) + "_" + COMPACT.format(to);
        playbacks.add(stream);
        JsonObject s = new JsonObject();
        s.addProperty("app", "rtp");
        s.addProperty("stream", stream);
        s.add("ip", JsonNull.INSTANCE);
        s.addProperty("flv", "http://127.0.0.1:80/rtp/" + stream + ".live.flv");
        s.addProperty("rtmp", "rtmp://127.0.0.1:1935/rtp/" + stream);
        s.addProperty("rtsp", playbackStreams.getOrDefault(code, channel.rtsp()));
        s.add("hls", JsonNull.INSTANCE);
        s.addProperty("mediaServerId", "zlmediakit-local");
        s.addProperty("startTime", q.get("startTime"));
        s.addProperty("endTime", q.get("endTime"));
        return ok(WvpStub.result(0, "成功", s));
    }

    /** GET /api/playback/stop/{deviceId}/{channelId}/{stream}: void, which wvp's advice wraps; unknown ids code 400. */
    synchronized Answer stop(String device, String code, WvpStub.Channel channel, String stream) {
        if (device == null || channel == null) {
            return ok(WvpStub.result(400, device == null ? "设备未找到" : "通道：" + code + " 未找到", null));
        }
        playbacks.remove(stream);
        return ok(WvpStub.result(0, "成功", null));
    }

    private static JsonObject item(String device, String name, WvpStub.Recording r) {
        JsonObject o = new JsonObject();
        o.addProperty("deviceId", device);
        o.addProperty("name", name);
        o.addProperty("filePath", "/record/" + COMPACT.format(r.start()) + ".mp4");
        o.addProperty("fileSize", Long.toString(r.size()));
        o.addProperty("address", "Address 1");
        o.addProperty("startTime", TIME.format(r.start()));
        o.addProperty("endTime", TIME.format(r.end()));
        o.addProperty("secrecy", 0);
        o.addProperty("type", r.type());
        o.add("recorderId", JsonNull.INSTANCE);
        return o;
    }

    private static Answer ok(JsonObject body) {
        return new Answer(200, body);
    }

    private static Instant time(String text) {
        try {
            return LocalDateTime.parse(text, TIME).atZone(CHINA).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
