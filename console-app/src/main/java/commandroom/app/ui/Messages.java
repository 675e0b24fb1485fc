package commandroom.app.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing text from the resource bundles: Chinese (zh_CN) by default, English when the
 * locale is English. Any thread.
 */
public final class Messages {

    private static final String BUNDLE = "commandroom.app.ui.messages";
    private static volatile ResourceBundle bundle = load(Locale.getDefault());

    private Messages() {}

    /** Chooses the language: English for an English locale, Chinese for everything else. */
    public static void use(Locale locale) {
        bundle = load(locale);
    }

    static ResourceBundle load(Locale locale) {
        Locale chosen = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        return ResourceBundle.getBundle(BUNDLE, chosen,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static String get(String key, Object... args) {
        try {
            String pattern = bundle.getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** Whether the bundle has a text for the key (for names of outside systems' codes, which may be new). */
    public static boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The bundle, for FXML loaders. */
    public static ResourceBundle bundle() {
        return bundle;
    }
}
