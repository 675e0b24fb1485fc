package commandroom.app.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * A workaround for the headless toolkit (Monocle), tests only. Monocle's MouseInput remembers the
 * view of a plain mouse drag (a press, moves, a release: no drag-and-drop) in its dragView field and
 * clears it only when a drag-and-drop ends. The next drag-and-drop in another window then tells
 * that stale view "drag left", which throws (it never had a drag enter) and breaks the gesture.
 * After a plain drag, a test forgets it here. Real platforms are not affected.
 */
public final class MonocleDrags {

    private MonocleDrags() {}

    /** Call on the FX thread after a plain mouse drag. */
    public static void forgetPlainDrag() {
        try {
            Class<?> input = Class.forName("com.sun.glass.ui.monocle.MouseInput");
            Method instance = input.getDeclaredMethod("getInstance");
            instance.setAccessible(true);
            Field view = input.getDeclaredField("dragView");
            view.setAccessible(true);
            view.set(instance.invoke(null), null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Monocle's MouseInput changed: check whether the workaround is still needed",
                    e);
        }
    }
}
