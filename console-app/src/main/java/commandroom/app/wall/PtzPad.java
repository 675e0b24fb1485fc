package commandroom.app.wall;

import commandroom.app.connection.CommandFailure;
import commandroom.app.connection.ConsoleState;
import commandroom.app.model.CameraItem;
import commandroom.app.ui.Dialogs;
import commandroom.app.ui.Messages;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.MapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

/**
 * Turning a PTZ camera from its tile. A PTZ camera's tile has a 云台 button; pressed, the tile is
 * under the operator's control until pressed again or Esc: the arrow keys turn the camera while
 * held, a drag on the picture turns it towards the drag (faster the further) until the button is
 * let go, the wheel and + / - zoom, 1..9 go to a preset and Ctrl+1..9 save one. Every command
 * goes through the hub, which gives one console at a time a camera's control: a refusal says who
 * holds it, and offers the shift leader and the chief to take it over. The note also says who
 * holds a camera when it is someone else. Ctrl+1..9 saves a preset (the key hint leaves it out
 * for room). One tile at a time. FX thread. Ids: ptz-toggle,
 * ptz-take-over; style classes: ptz-bar, ptz-note (:engaged).
 */
final class PtzPad {

    private static final double DRAG_FULL = 0.25;
    private static final javafx.css.PseudoClass ENGAGED = javafx.css.PseudoClass.getPseudoClass("engaged");

    private final ConsoleState state;
    private final PtzCommands commands;
    private final String me;
    private final boolean mayTakeOver;
    private final Map<VideoTile, Bar> bars = new HashMap<>();
    private VideoTile engaged;
    private String engagedCamera;
    private boolean takeOver;
    private double[] sent = {0, 0, 0};
    private double pressX;
    private double pressY;
    private final PauseTransition zoomStop = new PauseTransition(Duration.millis(300));

    /** The bar on a PTZ camera's tile: the toggle, the take-over and the note. */
    private final class Bar extends HBox {
        final Button toggle = new Button(Messages.get("wall.ptz.button"));
        final Button take = new Button(Messages.get("wall.ptz.takeOver"));
        final Label note = new Label();

        Bar(VideoTile tile) {
            super(6);
            getStyleClass().add("ptz-bar");
            toggle.setId("ptz-toggle");
            toggle.setFocusTraversable(false);
            toggle.setOnAction(e -> {
                if (engaged == tile) {
                    disengage();
                } else {
                    engage(tile);
                }
            });
            take.setId("ptz-take-over");
            take.setFocusTraversable(false);
            take.setVisible(false);
            take.setManaged(false);
            take.setOnAction(e -> {
                takeOver = true;
                engage(tile);
                send(0, 0, 0);
            });
            // The buttons keep their words on a narrow tile; the note wraps instead.
            toggle.setMinWidth(USE_PREF_SIZE);
            take.setMinWidth(USE_PREF_SIZE);
            note.getStyleClass().add("ptz-note");
            note.setWrapText(true);
            note.setMaxWidth(560);
            setAlignment(Pos.TOP_RIGHT);
            setPickOnBounds(false);
            getChildren().addAll(note, take, toggle);
        }
    }

    PtzPad(ConsoleState state, PtzCommands commands, String me, boolean mayTakeOver) {
        this.state = state;
        this.commands = commands;
        this.me = me;
        this.mayTakeOver = mayTakeOver;
        zoomStop.setOnFinished(e -> send(0, 0, 0));
        state.ptzHolders().addListener((MapChangeListener<String, ConsoleState.PtzHolder>) c -> bars.forEach((t, b) -> {
            if (t.camera() != null && t.camera().id().equals(c.getKey())) {
                describeHolder(t, b);
            }
        }));
    }

    /** A tile shows a camera (or none): its bar comes or goes with the camera's PTZ. */
    void shown(VideoTile tile) {
        if (engaged == tile && (tile.camera() == null || !tile.camera().id().equals(engagedCamera))) {
            disengage();
        }
        Bar bar = bars.get(tile);
        boolean ptz = tile.camera() != null && isPtz(tile.camera().id());
        if (ptz && bar == null) {
            bar = new Bar(tile);
            bars.put(tile, bar);
            // First among the tile's buttons: the note grows to the left of 云台.
            tile.tools().add(0, bar);
            hook(tile);
        } else if (!ptz && bar != null) {
            tile.tools().remove(bar);
            bars.remove(tile);
        }
        if (ptz) {
            describeHolder(tile, bars.get(tile));
        }
    }

    /** The wall closes: a camera under control is let go (stopped and released on the hub). */
    void close() {
        disengage();
    }

    /** Whether a tile is under the operator's PTZ control (its drags turn the camera). */
    boolean engaged(VideoTile tile) {
        return engaged == tile;
    }

    /** The wall's keys while a tile is under control; consumed when used. */
    void key(KeyEvent e) {
        if (engaged == null) {
            return;
        }
        boolean down = e.getEventType() == KeyEvent.KEY_PRESSED;
        KeyCode k = e.getCode();
        switch (k) {
            case LEFT, RIGHT, UP, DOWN -> {
                if (down) {
                    send(k == KeyCode.LEFT ? -0.5 : k == KeyCode.RIGHT ? 0.5 : 0, k == KeyCode.UP ? 0.5 : k == KeyCode.DOWN ? -0.5 : 0, 0);
                } else {
                    send(0, 0, 0);
                }
            }
            case ADD, EQUALS, PLUS, SUBTRACT, MINUS -> send(0, 0, down ? (k == KeyCode.SUBTRACT || k == KeyCode.MINUS ? -0.5 : 0.5) : 0);
            case ESCAPE -> {
                if (down) {
                    disengage();
                }
            }
            default -> {
                int preset = k.isDigitKey() ? digit(k) : 0;
                if (down && preset > 0) {
                    boolean save = e.isShortcutDown();
                    String camera = engagedCamera;
                    VideoTile tile = engaged;
                    report(commands.preset(camera, preset, save, takeOver), tile,
                            save ? Messages.get("wall.ptz.presetSaved", preset) : null);
                } else {
                    return;
                }
            }
        }
        e.consume();
    }

    private void hook(VideoTile tile) {
        tile.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (engaged == tile && e.getButton() == MouseButton.PRIMARY) {
                pressX = e.getX();
                pressY = e.getY();
                tile.requestFocus();
                e.consume();
            }
        });
        tile.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (engaged == tile && e.isPrimaryButtonDown()) {
                double pan = step((e.getX() - pressX) / (tile.getWidth() * DRAG_FULL));
                double tilt = step(-(e.getY() - pressY) / (tile.getHeight() * DRAG_FULL));
                if (pan != sent[0] || tilt != sent[1]) {
                    send(pan, tilt, 0);
                }
                e.consume();
            }
        });
        tile.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (engaged == tile && e.getButton() == MouseButton.PRIMARY) {
                if (sent[0] != 0 || sent[1] != 0) {
                    send(0, 0, 0);
                }
                e.consume();
            }
        });
        tile.addEventFilter(MouseEvent.DRAG_DETECTED, e -> {
            if (engaged == tile) {
                e.consume();
            }
        });
        tile.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (engaged == tile && e.getDeltaY() != 0) {
                double zoom = e.getDeltaY() > 0 ? 0.5 : -0.5;
                if (sent[2] != zoom) {
                    send(0, 0, zoom);
                }
                zoomStop.playFromStart();
                e.consume();
            }
        });
    }

    private void engage(VideoTile tile) {
        if (engaged != null && engaged != tile) {
            disengage();
        }
        engaged = tile;
        engagedCamera = tile.camera().id();
        Bar b = bars.get(tile);
        b.note.pseudoClassStateChanged(ENGAGED, true);
        b.note.setText(Messages.get("wall.ptz.engaged"));
        tile.requestFocus();
    }

    private void disengage() {
        if (engaged == null) {
            return;
        }
        VideoTile tile = engaged;
        String camera = engagedCamera;
        engaged = null;
        engagedCamera = null;
        takeOver = false;
        sent = new double[] {0, 0, 0};
        zoomStop.stop();
        commands.release(camera);
        Bar b = bars.get(tile);
        if (b != null) {
            b.note.pseudoClassStateChanged(ENGAGED, false);
            describeHolder(tile, b);
        }
    }

    private void send(double pan, double tilt, double zoom) {
        if (engaged == null) {
            return;
        }
        sent = new double[] {pan, tilt, zoom};
        report(commands.move(engagedCamera, pan, tilt, zoom, takeOver), engaged, null);
    }

    /** A command's outcome on the tile's note: a refusal in words, and the take-over where it may. */
    private void report(CompletableFuture<Void> f, VideoTile tile, String done) {
        f.whenComplete((x, failure) -> Platform.runLater(() -> {
            Bar b = bars.get(tile);
            if (b == null) {
                return;
            }
            if (failure == null) {
                b.take.setVisible(false);
                b.take.setManaged(false);
                if (done != null) {
                    b.note.setText(done);
                } else if (engaged == tile) {
                    b.note.setText(Messages.get("wall.ptz.engaged"));
                }
                return;
            }
            Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            boolean held = t instanceof CommandFailure cf && cf.kind() == CommandFailure.Kind.CONFLICT;
            ConsoleState.PtzHolder h = tile.camera() == null ? null : state.ptzHolders().get(tile.camera().id());
            b.note.setText(held && h != null ? Messages.get("wall.ptz.heldBy", h.displayName())
                    : Messages.get("wall.ptz.refused", held ? t.getMessage() : Dialogs.describe(t)));
            boolean offer = held && mayTakeOver && !takeOver;
            b.take.setVisible(offer);
            b.take.setManaged(offer);
        }));
    }

    private void describeHolder(VideoTile tile, Bar b) {
        if (engaged == tile || tile.camera() == null) {
            return;
        }
        ConsoleState.PtzHolder h = state.ptzHolders().get(tile.camera().id());
        b.note.setText(h == null || h.userId().equals(me) ? "" : Messages.get("wall.ptz.heldBy", h.displayName()));
    }

    private boolean isPtz(String cameraId) {
        CameraItem c = state.cameras().get(cameraId);
        return c != null && c.origin().viaHub() && c.origin().ptz();
    }

    private static double step(double v) {
        double clamped = Math.max(-1, Math.min(1, v));
        return Math.round(clamped * 4) / 4.0;
    }

    private static int digit(KeyCode k) {
        String name = k.getName();
        char c = name.charAt(name.length() - 1);
        return Character.isDigit(c) ? c - '0' : 0;
    }
}
