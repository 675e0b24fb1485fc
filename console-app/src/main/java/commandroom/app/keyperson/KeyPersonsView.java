package commandroom.app.keyperson;

import atlantafx.base.theme.Styles;
import commandroom.app.ui.FactSheet;
import commandroom.app.ui.Messages;
import commandroom.app.ui.ReasonDialog;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/**
 * The key persons panel (重点人员): the register ({@link RegisterView}) and its access log
 * ({@link AccessLogView}), one at a time behind a two-way switch.
 *
 * <p>The register is closed until opened with a reason: each time the register part comes into
 * view while closed (the panel's tab is picked, its window shown, or the switch turned back to it)
 * the chief is asked why ({@link ReasonDialog}) and the register is read with that reason; Cancel
 * leaves it closed with a calm line and a button to give a reason later. When the panel leaves the
 * view (another tab, the window hidden) the register closes and nothing of it stays on screen, so
 * the next look asks again; repaints and turning to the access log and back do not. The access log
 * is read from the hub each time it comes into view. Ids: keypersons-show-register,
 * keypersons-show-access. Style classes: keypersons, keypersons-switch. FX thread only.
 */
public final class KeyPersonsView extends BorderPane {

    private final KeyPersonsViewModel model;
    private final ToggleButton showRegister = new ToggleButton(Messages.get("keyperson.part.register"));
    private final ToggleButton showAccess = new ToggleButton(Messages.get("keyperson.part.access"));
    private final RegisterView register;
    private final AccessLogView access;
    private boolean shown;
    private boolean asking;

    public KeyPersonsView(KeyPersonsViewModel model) {
        this.model = model;
        getStyleClass().add("keypersons");
        register = new RegisterView(model, this::askReason);
        access = new AccessLogView(model.accessLog());
        showRegister.setId("keypersons-show-register");
        showRegister.getStyleClass().add(Styles.LEFT_PILL);
        showAccess.setId("keypersons-show-access");
        showAccess.getStyleClass().add(Styles.RIGHT_PILL);
        ToggleGroup parts = new ToggleGroup();
        showRegister.setToggleGroup(parts);
        showAccess.setToggleGroup(parts);
        showRegister.setSelected(true);
        // One of the two is always down: a click on the pressed one keeps it.
        parts.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else {
                setCenter(now == showAccess ? access : register);
                cameIntoView();
            }
        });
        HBox switcher = new HBox(showRegister, showAccess);
        switcher.getStyleClass().add("keypersons-switch");
        HBox top = new HBox(24, FactSheet.section("panel.keypersons"), switcher);
        top.setAlignment(Pos.CENTER_LEFT);
        BorderPane.setMargin(top, new Insets(0, 0, 12, 0));
        setTop(top);
        setCenter(register);
        parentProperty().addListener((o, a, p) -> follow());
        parentProperty().flatMap(Node::visibleProperty).addListener((o, a, v) -> follow());
        sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).addListener((o, a, v) -> follow());
        sceneProperty().addListener((o, a, s) -> follow());
    }

    /**
     * In view: in a showing window, and either the scene's root or in a visible parent (a tab pane
     * hides the content of the tabs not picked by hiding its holder).
     */
    private boolean inView() {
        Scene scene = getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
            return false;
        }
        return scene.getRoot() == this || (getParent() != null && getParent().isVisible());
    }

    private void follow() {
        boolean now = inView();
        if (now == shown) {
            return;
        }
        shown = now;
        if (now) {
            cameIntoView();
        } else {
            model.close();
        }
    }

    private void cameIntoView() {
        if (!shown) {
            return;
        }
        if (showAccess.isSelected()) {
            model.accessLog().refresh();
        } else if (!model.openProperty().get()) {
            // After the tab switch or the window's show has finished, not inside it.
            Platform.runLater(this::askReason);
        }
    }

    private void askReason() {
        if (asking || !shown || model.openProperty().get() || getScene() == null) {
            return;
        }
        asking = true;
        ReasonDialog.ask(getScene().getWindow(), "keyperson", KeyPersonsViewModel.QUICK_REASONS, reason -> {
            asking = false;
            model.open(reason);
        }, () -> {
            asking = false;
            model.decline();
        });
    }
}
