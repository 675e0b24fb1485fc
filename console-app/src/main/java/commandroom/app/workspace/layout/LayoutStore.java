package commandroom.app.workspace.layout;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves and loads each user's {@link WorkspaceLayout} as a UTF-8 properties file,
 * {@code <directory>/layout-<user>.properties} (the user name escaped so that any name is a safe
 * file name).
 * The caller picks the directory: {@code $XDG_CONFIG_HOME/commandroom/layouts} or the
 * {@code %APPDATA%} equivalent.
 *
 * <p>Never throws at the UI: a missing, unreadable or corrupt file loads as empty (use the
 * default layout), and a failed save is logged and reported as {@code false}. Saving writes a
 * temporary file in the same directory and moves it over the old one, so a crash mid-save leaves
 * the previous layout intact. Blocking file I/O: call it off the FX thread where that matters;
 * safe from any thread, the last save wins.
 */
public final class LayoutStore {

    private static final Logger LOG = LoggerFactory.getLogger(LayoutStore.class);
    private static final String FORMAT = "1";
    private static final String FILTER = "filter.";
    private static final String PANEL = "panel.";

    private final Path directory;

    public LayoutStore(Path directory) {
        this.directory = directory;
    }

    /** The file a user's layout lives in; the user name must not be empty. */
    public Path fileOf(String user) {
        // The prefix keeps names like "CON" or "NUL" clear of Windows' reserved device names.
        return directory.resolve("layout-" + escape(user) + ".properties");
    }

    public Optional<WorkspaceLayout> load(String user) {
        if (user == null || user.isEmpty()) {
            return Optional.empty();
        }
        Path file = fileOf(user);
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Unreadable layout {}, using the default: {}", file, e.toString());
            return Optional.empty();
        }
        try {
            return Optional.of(decode(props));
        } catch (RuntimeException e) {
            LOG.warn("Corrupt layout {}, using the default: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /** @return whether the layout is now on disk */
    public boolean save(String user, WorkspaceLayout layout) {
        Path file = null;
        Path temp = null;
        try {
            file = fileOf(user);
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, ".layout-", ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                encode(layout).store(out, "Command Room Console workspace layout of " + user);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not save the layout {}: {}", file, e.toString());
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Nothing more to do: a stray temporary file is harmless.
                }
            }
            return false;
        }
    }

    private static Properties encode(WorkspaceLayout layout) {
        Properties props = new SortedProperties();
        props.setProperty("format", FORMAT);
        props.setProperty("windows", Integer.toString(layout.windows().size()));
        for (int i = 0; i < layout.windows().size(); i++) {
            WindowLayout w = layout.windows().get(i);
            String p = "window." + i + ".";
            props.setProperty(p + "id", w.windowId());
            props.setProperty(p + "panels", String.join(",", w.panels()));
            props.setProperty(p + "screen", w.screen().format());
            props.setProperty(p + "bounds", w.bounds().format());
            props.setProperty(p + "maximized", Boolean.toString(w.maximized()));
        }
        layout.boardFilter().forEach((k, v) -> props.setProperty(FILTER + k, v));
        layout.panelState().forEach((k, v) -> props.setProperty(PANEL + k, v));
        return props;
    }

    private static WorkspaceLayout decode(Properties props) {
        if (!FORMAT.equals(props.getProperty("format"))) {
            throw new IllegalArgumentException("unknown format " + props.getProperty("format"));
        }
        int count = Integer.parseInt(required(props, "windows"));
        if (count < 0 || count > 64) {
            throw new IllegalArgumentException("window count " + count);
        }
        List<WindowLayout> windows = new ArrayList<>(count);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String p = "window." + i + ".";
            String id = required(props, p + "id");
            if (id.isBlank() || !ids.add(id)) {
                throw new IllegalArgumentException("blank or repeated window id '" + id + "'");
            }
            String panelText = required(props, p + "panels");
            List<String> panels = panelText.isEmpty() ? List.of()
                    : Arrays.stream(panelText.split(",", -1)).map(String::trim).toList();
            if (panels.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("empty panel id in '" + panelText + "'");
            }
            String maximized = required(props, p + "maximized");
            if (!maximized.equals("true") && !maximized.equals("false")) {
                throw new IllegalArgumentException("maximized=" + maximized);
            }
            windows.add(new WindowLayout(id, panels, ScreenRect.parse(required(props, p + "screen")),
                    ScreenRect.parse(required(props, p + "bounds")), Boolean.parseBoolean(maximized)));
        }
        Map<String, String> filter = new TreeMap<>();
        Map<String, String> panels = new TreeMap<>();
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith(FILTER)) {
                filter.put(key.substring(FILTER.length()), props.getProperty(key));
            } else if (key.startsWith(PANEL)) {
                panels.put(key.substring(PANEL.length()), props.getProperty(key));
            }
        }
        return new WorkspaceLayout(windows, filter, panels);
    }

    /** Writes its keys in order, so that a saved layout reads well and diffs well. */
    private static final class SortedProperties extends Properties {
        @Override
        public Set<Map.Entry<Object, Object>> entrySet() {
            Set<Map.Entry<Object, Object>> sorted = new TreeSet<>(Comparator.comparing(e -> e.getKey().toString()));
            sorted.addAll(super.entrySet());
            return Collections.unmodifiableSet(sorted);
        }
    }

    private static String required(Properties props, String key) {
        String value = props.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return value.trim();
    }

    /** Letters, digits, '-' and '_' as they are; every other UTF-8 byte as %XX. */
    static String escape(String user) {
        if (user == null || user.isEmpty()) {
            throw new IllegalArgumentException("no user name");
        }
        StringBuilder out = new StringBuilder();
        for (byte b : user.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
