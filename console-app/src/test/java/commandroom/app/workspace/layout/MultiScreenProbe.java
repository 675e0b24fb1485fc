package commandroom.app.workspace.layout;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

/**
 * A stand-in for the workstation, run by {@link MultiScreenXvncTest} in its own JVM on a real X
 * server: opens the windows of a user's layout the way the workstation does (saved layout, else
 * the role's default; {@link ScreenPlacement}; {@link WindowPlacer}), each filled with its own
 * colour, waits until they hold still, prints where each one is as {@link WindowPlacer} reads it
 * back, saves the layout, and keeps the windows open until its standard input ends (so the test
 * can look at the X server's pixels).
 *
 * <p>Arguments: {@code --layouts DIR --user NAME --role ROLE}. Standard output, one line each:
 * {@code SCREEN i x,y,w,h}, then {@code WINDOW id panels screen-x,y,w,h bounds-x,y,w,h maximized
 * RRGGBB}, then {@code SAVED true|false}.
 */
public final class MultiScreenProbe {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private static final String COLOUR_KEY = "probe.colour";
    private static final long SETTLE_TIMEOUT_MS = 15_000;
    /** One colour per window, in placement order: what the test looks for on each screen. */
    static final int[] COLOURS = {0xC83232, 0x32A050, 0x3250C8, 0xD2B428, 0xA032B4, 0x28B4B4};
    /** Window positions must hold still this many pulses before they are read. */
    private static final int STABLE_PULSES = 6;

    private MultiScreenProbe() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        LayoutStore store = new LayoutStore(Path.of(options.get("--layouts")));
        String user = options.get("--user");
        String role = options.get("--role");

        CountDownLatch finished = new CountDownLatch(1);
        Throwable[] failure = new Throwable[1];
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            try {
                run(store, user, role, finished);
            } catch (Throwable t) {
                failure[0] = t;
                finished.countDown();
            }
        });
        if (!finished.await(SETTLE_TIMEOUT_MS * 3, TimeUnit.MILLISECONDS)) {
            failure[0] = new IllegalStateException("windows did not settle");
        }
        if (failure[0] != null) {
            failure[0].printStackTrace();
            System.exit(1);
        }
        System.in.transferTo(OutputStream.nullOutputStream());
        Platform.exit();
        System.exit(0);
    }

    private static void run(LayoutStore store, String user, String role, CountDownLatch finished) {
        List<ScreenRect> screens = WindowPlacer.currentScreens();
        for (int i = 0; i < screens.size(); i++) {
            OUT.println("SCREEN " + i + " " + screens.get(i).format());
        }
        WorkspaceLayout layout = store.load(user).orElseGet(() -> DefaultLayouts.forRole(role, screens));
        List<Placement> placements = ScreenPlacement.place(layout, screens);
        Map<Stage, Placement> stages = new LinkedHashMap<>();
        for (Placement placement : placements) {
            Stage stage = new Stage();
            stage.setTitle(placement.windowId());
            int colour = COLOURS[stages.size() % COLOURS.length];
            stage.setScene(new Scene(new Pane(), Color.rgb(colour >> 16, (colour >> 8) & 0xff, colour & 0xff)));
            stage.getProperties().put(COLOUR_KEY, colour);
            WindowPlacer.apply(stage, placement);
            stage.show();
            stages.put(stage, placement);
        }
        afterSettling(stages, () -> report(store, user, layout, stages, finished));
    }

    private static void report(LayoutStore store, String user, WorkspaceLayout layout, Map<Stage, Placement> stages,
                               CountDownLatch finished) {
        List<WindowLayout> windows = new ArrayList<>();
        stages.forEach((stage, placement) -> {
            WindowLayout w = WindowPlacer.read(stage, placement.windowId(), placement.panels());
            windows.add(w);
            OUT.println("WINDOW " + w.windowId() + " " + String.join(",", w.panels()) + " " + w.screen().format()
                    + " " + w.bounds().format() + " " + w.maximized() + " "
                    + String.format("%06X", (Integer) stage.getProperties().get(COLOUR_KEY)));
        });
        OUT.println("SAVED " + store.save(user, new WorkspaceLayout(windows, layout.boardFilter())));
        finished.countDown();
    }

    /** Runs {@code then} once every window is shown and none has moved for a few pulses. */
    private static void afterSettling(Map<Stage, Placement> stages, Runnable then) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_TIMEOUT_MS);
        new AnimationTimer() {
            private String last = "";
            private int stable;

            @Override
            public void handle(long now) {
                StringBuilder state = new StringBuilder();
                for (Stage stage : stages.keySet()) {
                    state.append(stage.isShowing()).append(stage.getX()).append(',').append(stage.getY()).append(',')
                            .append(stage.getWidth()).append(',').append(stage.getHeight()).append(';');
                }
                stable = state.toString().equals(last) ? stable + 1 : 0;
                last = state.toString();
                if (stable >= STABLE_PULSES || System.nanoTime() > deadline) {
                    stop();
                    then.run();
                }
            }
        }.start();
    }
}
