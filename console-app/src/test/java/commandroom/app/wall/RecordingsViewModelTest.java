package commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.model.CameraRecording;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The recordings timeline's day, answers and picks, without the toolkit or a hub. */
class RecordingsViewModelTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-08-06T07:00:00Z"); // 15:00 in China

    /** Answers every query with the list given, and remembers the periods asked. */
    private static final class Recordings implements CameraRecordings {
        final List<Instant[]> asked = new ArrayList<>();
        CompletableFuture<List<CameraRecording>> answer = CompletableFuture.completedFuture(List.of());

        @Override
        public CompletableFuture<List<CameraRecording>> list(String cameraId, Instant from, Instant to) {
            asked.add(new Instant[] {from, to});
            return answer;
        }

        @Override
        public AutoCloseable watch(String cameraId, Instant start, Instant end, Consumer<CameraAddresses.Urls> onUrls,
                                   Consumer<String> onProblem) {
            return () -> { };
        }
    }

    private static Instant at(String time) {
        return LocalDate.of(2026, 8, 6).atTime(java.time.LocalTime.parse(time)).atZone(CHINA).toInstant();
    }

    private static CameraRecording rec(String from, String to, CameraRecording.Kind kind) {
        return new CameraRecording(at(from), at(to), kind, 0);
    }

    @Test
    void theTimelineAsksForTodayAndDropsAnAnswerForADayNoLongerShown() {
        Recordings hub = new Recordings();
        RecordingsViewModel model = new RecordingsViewModel(hub, CHINA, Clock.fixed(NOW, CHINA));
        model.open("gb-1", "人民路东口球机");
        assertEquals(LocalDate.of(2026, 8, 6), model.dayProperty().get(), "today, in the console's zone");
        assertEquals("录像 · 人民路东口球机", model.titleProperty().get());
        RecordingsViewModel.Loading today = model.load();
        assertEquals(at("00:00"), hub.asked.get(0)[0]);
        assertEquals(at("00:00").plusSeconds(86_400), hub.asked.get(0)[1], "the whole day, 24 h");
        assertEquals("正在向视频平台查询当日录像…", model.statusProperty().get());

        model.dayProperty().set(LocalDate.of(2026, 8, 5));
        model.loaded(today, List.of(rec("09:00", "10:00", CameraRecording.Kind.TIMED)), null);
        assertTrue(model.recordings().isEmpty(), "yesterday is shown now: today's answer is dropped");

        RecordingsViewModel.Loading yesterday = model.load();
        model.loaded(yesterday, List.of(rec("11:00", "12:00", CameraRecording.Kind.ALARM),
                rec("09:00", "10:00", CameraRecording.Kind.TIMED)), null);
        assertEquals(List.of(at("09:00"), at("11:00")), model.recordings().stream().map(CameraRecording::start).toList(),
                "oldest first");
        assertEquals("当日 2 段录像 · 点击录像条从该时刻回放", model.statusProperty().get());

        RecordingsViewModel.Loading failing = model.load();
        model.loaded(failing, null, new java.util.concurrent.CompletionException(new IllegalStateException("timeout")));
        assertTrue(model.recordings().isEmpty());
        assertTrue(model.statusProperty().get().startsWith("未能查询录像："), model.statusProperty().get());
        assertTrue(model.statusProperty().get().contains("timeout"), model.statusProperty().get());
    }

    @Test
    void aPickedMomentPlaysToTheEndOfTheRecordingsThatRunOnFromIt() {
        Recordings hub = new Recordings();
        RecordingsViewModel model = new RecordingsViewModel(hub, CHINA, Clock.fixed(NOW, CHINA));
        model.open("gb-1", "人民路东口球机");
        RecordingsViewModel.Loading q = model.load();
        // Hourly files written back to back, a second apart, then an alarm's recording later.
        model.loaded(q, List.of(rec("00:00", "01:00", CameraRecording.Kind.TIMED),
                rec("01:00:01", "02:00", CameraRecording.Kind.TIMED),
                rec("02:30", "02:40", CameraRecording.Kind.ALARM)), null);

        Optional<RecordingsViewModel.Stretch> run = model.stretchAt(at("00:30:15").plusMillis(700));
        assertEquals(new RecordingsViewModel.Stretch(at("00:30:15"), at("02:00")), run.orElseThrow(),
                "from the second picked, through the next file");
        assertEquals(new RecordingsViewModel.Stretch(at("02:35"), at("02:40")), model.stretchAt(at("02:35")).orElseThrow());

        assertTrue(model.stretchAt(at("02:10")).isEmpty(), "a gap plays nothing");
        assertEquals("02:10:00 没有录像", model.statusProperty().get());
        assertTrue(model.stretchAt(at("02:40")).isEmpty(), "a recording's end is not in it");
    }
}
