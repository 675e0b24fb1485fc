package commandroom.app.ui;

import java.util.List;
import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/** One-way converters for choice boxes and lists: how a value reads; nothing is parsed back. */
public final class Labels {

    private Labels() {}

    /**
     * Fills a choice of codes (the hub's names, e.g. NEIGHBOUR) that read as their message
     * {@code prefix.CODE}; the empty code reads as {@code prefix.NONE}.
     */
    public static void codes(ComboBox<String> box, String prefix, List<String> values) {
        box.getItems().setAll(values);
        box.setConverter(of(v -> v == null ? "" : Messages.get(prefix + "." + (v.isEmpty() ? "NONE" : v))));
    }

    public static <T> StringConverter<T> of(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    /**
     * A camera alarm's type in words: wvp's AlarmType names have their own; GB/T 28181 codes
     * ("5/6") and names the bundle does not know are shown as the platform gave them.
     */
    public static String alarmType(String type) {
        return Messages.has("alarmType." + type) ? Messages.get("alarmType." + type) : type;
    }
}
