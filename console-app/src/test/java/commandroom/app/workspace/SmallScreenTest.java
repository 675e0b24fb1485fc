package commandroom.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import commandroom.app.embedded.EmbeddedDefault;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.CutOffText;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.ui.Messages;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The consoles on a 1366x768 screen (the common office laptop and many a command room's side
 * monitor), in Chinese and in English: every label and button reads whole, none
 * cut off with "…" — the duty officer's wall with its tour controls, the leader's board, map and
 * intake dialog, the chief's statistics. One hub for all of it.
 */
class SmallScreenTest extends FxRobot {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void everyLabelReadsWholeOnALaptopScreenInBothLanguages() throws Exception {
        List<String> cut = new ArrayList<>();
        try (EmbeddedDefault hub = EmbeddedDefault.start(Files.createTempDirectory("small"), 0, 1, null, false)) {
            for (Locale language : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                Messages.use(language);
                try {
                    // What reads whole at 1366 pixels reads whole wider (each row only gains room).
                    for (int[] size : List.of(new int[] {1366, 768})) {
                        String where = language.getLanguage() + " " + size[0] + "x" + size[1];
                        String shot = size[0] == 1366 ? language.getLanguage() + "-1366" : null;
                        look(hub, "duty1", size, where, cut, shot == null ? null : "small-wall-" + shot, "tab-wall");
                        look(hub, "chief1", size, where, cut, null, "tab-stats");
                        Workstation leader = open(hub, "leader1", size);
                        try {
                            for (String tab : List.of("tab-board", "tab-map")) {
                                if (lookup("#" + tab).tryQuery().isPresent()) {
                                    clickOn("#" + tab);
                                    settle();
                                    collect(where + " leader1 " + tab, cut);
                                }
                            }
                            clickOn("#action-report");
                            Waits.until("the intake dialog", WAIT, () -> lookup("#report-dialog").tryQuery().isPresent());
                            settle();
                            collect(where + " intake", cut);
                            if (shot != null) {
                                Screenshots.save(this, lookup("#report-dialog").query(), "small-intake-" + shot);
                            }
                            type(KeyCode.ESCAPE);
                        } finally {
                            Consoles.close(leader);
                        }
                    }
                } finally {
                    Messages.use(Locale.SIMPLIFIED_CHINESE);
                }
            }
        }
        assertEquals(List.of(), cut, "labels and buttons cut off");
    }

    private void look(EmbeddedDefault hub, String user, int[] size, String where, List<String> cut, String shot,
                      String tab) throws Exception {
        Workstation w = open(hub, user, size);
        try {
            if (lookup("#" + tab).tryQuery().isPresent()) {
                clickOn("#" + tab);
            }
            settle();
            collect(where + " " + user, cut);
            if (shot != null) {
                Screenshots.save(this, w.stages().get(0).getScene().getRoot(), shot);
            }
        } finally {
            Consoles.close(w);
        }
    }

    private Workstation open(EmbeddedDefault hub, String user, int[] size) throws Exception {
        Workstation w = Consoles.open(hub.port(), hub.certificate(), user);
        Stage stage = w.stages().get(0);
        interact(() -> {
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
        });
        Waits.until("live", WAIT, () -> w.state().connectionProperty().get().isLive());
        return w;
    }

    private void collect(String where, List<String> cut) {
        interact(() -> CutOffText.inShowingWindows().forEach(c -> cut.add(where + " " + c)));
    }

    /** Two pulses for the layout to settle. */
    private void settle() {
        interact(() -> { });
        sleep(300);
        interact(() -> { });
    }
}
