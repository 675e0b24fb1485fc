package commandroom.app.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing text from the resource bundles: Chinese (zh_CN) by default, English when the user
 * chose English (the system's language, or {@code --lang en}). Any thread.
 */
public final class Messages {

    private static final String BUNDLE = "commandroom.app.ui.messages";
    private static volatile ResourceBundle bundle = load(systemLanguage(System.getenv(), Locale.getDefault()));

    private Messages() {}

    /** Chooses the language: English for an English locale, Chinese for everything else. */
    public static void use(Locale locale) {
        bundle = load(locale);
    }

    /**
     * The language the user chose for the system. On Linux that is the first of LC_ALL,
     * LC_MESSAGES and LANG that is set (POSIX's order); {@code C} and {@code POSIX} are no choice
     * (a server's or a container's default, which Java reads as English), so they give Chinese.
     * Without those variables (Windows) the JVM's locale, which is the user's display language.
     */
    public static Locale systemLanguage(Map<String, String> env, Locale jvmDefault) {
        for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                continue;
            }
            // language[_territory][.codeset][@modifier]
            String language = value.split("[_.@]", 2)[0];
            if (language.equals("C") || language.equals("POSIX") || language.isEmpty()) {
                return Locale.SIMPLIFIED_CHINESE;
            }
            return Locale.forLanguageTag(language);
        }
        return jvmDefault;
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
