package commandroom.app.workspace.layout;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Where windows really land is proved on a real X server by {@link MultiScreenXvncTest}. */
class WindowPlacerTest {

    @Test
    void offTheFxThreadItRefusesToTouchScreens() {
        assertThrows(IllegalStateException.class, WindowPlacer::currentScreens);
    }
}
