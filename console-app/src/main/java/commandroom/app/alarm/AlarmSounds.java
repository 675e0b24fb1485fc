package commandroom.app.alarm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.media.AudioClip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the alarm sounds through JavaFX media. A machine without sound (a server, no audio device,
 * no GStreamer) keeps its queue and flash; the problem is said once, in words, where the queue is.
 * FX thread.
 */
public final class AlarmSounds {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmSounds.class);
    private static final List<String> PRIORITIES = List.of("URGENT", "HIGH", "NORMAL", "LOW");

    private final Map<String, AudioClip> clips = new HashMap<>();
    private String problem = "";
    private int played;

    private AlarmSounds() {}

    /** Writes the tones into a folder and loads them; never throws (see {@link #problem}). */
    public static AlarmSounds load(Path folder) {
        AlarmSounds s = new AlarmSounds();
        // JavaFX plays through ALSA on Linux; without a sound device each clip fails on the media
        // thread, out of reach of any catch here, with a stack trace per alarm. Say so once instead.
        if (isLinux() && !Files.isDirectory(Path.of("/dev/snd"))) {
            s.problem = commandroom.app.ui.Messages.get("alarm.noDevice");
            LOG.warn("alarm sounds cannot be played: {}", s.problem);
            return s;
        }
        try {
            Files.createDirectories(folder);
            for (String p : PRIORITIES) {
                Path wav = folder.resolve("alarm-" + p.toLowerCase(java.util.Locale.ROOT) + ".wav");
                Files.write(wav, AlarmTones.wav(p));
                s.clips.put(p, new AudioClip(wav.toUri().toString()));
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            s.problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warn("alarm sounds cannot be played: {}", s.problem);
        }
        return s;
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
    }

    /** Plays a priority's sound (louder the more urgent). */
    public void play(String priority) {
        AudioClip clip = clips.get(priority);
        if (clip == null) {
            return;
        }
        try {
            clip.play(priority.equals("URGENT") ? 1.0 : 0.7);
            played++;
        } catch (RuntimeException e) {
            if (problem.isEmpty()) {
                problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                LOG.warn("alarm sound cannot be played: {}", problem);
            }
        }
    }

    /** Why no sound is heard, or "" when the sounds loaded. */
    public String problem() {
        return problem;
    }

    /** Sounds started so far (for the console's own checks). */
    public int played() {
        return played;
    }
}
