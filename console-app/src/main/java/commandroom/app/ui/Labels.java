package commandroom.app.ui;

import java.util.function.Function;
import javafx.util.StringConverter;

/** One-way converters for choice boxes and lists: how a value reads; nothing is parsed back. */
public final class Labels {

    private Labels() {}

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
}
