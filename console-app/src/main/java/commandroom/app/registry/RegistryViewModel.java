package commandroom.app.registry;

import commandroom.app.connection.CommandFailure;
import commandroom.app.connection.ConsoleState;
import commandroom.app.connection.RegistryClient;
import commandroom.app.model.ImportOutcome;
import commandroom.app.model.RegistryChangeLine;
import commandroom.app.model.RegistryEntry;
import commandroom.app.model.RegistryEntry.Registry;
import commandroom.app.model.ZoneItem;
import commandroom.app.ui.Messages;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;

/**
 * The administration window's registry: the zones, units and cameras as the hub has them (with
 * their versions), searched; the chosen item's history; saves, retirements and imports, each
 * saying what happened or what the hub refused. Follows the hub: when a zone or camera changes,
 * or a unit comes or goes, on any console, it reads the registry again. Holds no Node; FX thread
 * only (answers come back to it).
 */
public final class RegistryViewModel implements Importer {

    private final RegistryClient client;
    private final ConsoleState state;
    private final Executor fx;
    private final ObjectProperty<Registry> registry = new SimpleObjectProperty<>(Registry.CAMERA);
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<RegistryEntry> shown = FXCollections.observableArrayList();
    private final ObjectProperty<RegistryEntry> selected = new SimpleObjectProperty<>();
    private final ObservableList<RegistryChangeLine> history = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private RegistryClient.Contents contents = new RegistryClient.Contents(List.of(), List.of(), List.of());
    private final ImportSteps<RegistryClient.Prepared> imports;
    private boolean reloadAsked;
    /** Counts the address searches: an older answer is dropped. */
    private long searches;

    public RegistryViewModel(RegistryClient client, ConsoleState state) {
        this(client, state, Platform::runLater);
    }

    RegistryViewModel(RegistryClient client, ConsoleState state, Executor fx) {
        this.client = client;
        this.state = state;
        this.fx = fx;
        this.imports = new ImportSteps<>(fx, status, RegistryClient.Prepared::preview);
        registry.addListener((o, was, r) -> refilter());
        query.addListener((o, was, q) -> refilter());
        selected.addListener((o, was, e) -> readHistory(e));
        // What another console changed reaches this one's stream: read the registry again then.
        state.zones().addListener((MapChangeListener<String, ZoneItem>) c -> reloadSoon());
        state.cameras().addListener((MapChangeListener<String, commandroom.app.model.CameraItem>) c -> reloadSoon());
        state.units().addListener((MapChangeListener<String, commandroom.app.model.UnitItem>) c -> {
            if (c.wasAdded() != c.wasRemoved()) {
                reloadSoon();
            }
        });
    }

    public ObjectProperty<Registry> registryProperty() {
        return registry;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<RegistryEntry> shown() {
        return shown;
    }

    public ObjectProperty<RegistryEntry> selectedProperty() {
        return selected;
    }

    public ObservableList<RegistryChangeLine> history() {
        return history;
    }

    @Override
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyObjectProperty<ImportOutcome> importOutcomeProperty() {
        return imports.outcomeProperty();
    }

    /** The zones to choose from in a form, as the registry has them. */
    public List<RegistryEntry> zones() {
        return contents.zones();
    }

    /** The county's roads as the console has them: drawn under a zone's outline while it is edited. */
    public java.util.Collection<commandroom.app.model.RoadItem> roads() {
        return List.copyOf(state.roads().values());
    }

    /** Reads the registry from the hub, saying so. */
    public CompletableFuture<Void> load() {
        return load(false);
    }

    /** Quietly: what the stream reported is read again without covering what the user was told. */
    private CompletableFuture<Void> load(boolean quiet) {
        if (!quiet) {
            status.set(Messages.get("registry.loading"));
        }
        return client.load().handleAsync((c, failure) -> {
            if (failure != null) {
                status.set(Messages.get("registry.failed", why(failure)));
            } else {
                contents = c;
                if (!quiet) {
                    status.set(Messages.get("registry.loaded", c.zones().size(), c.units().size(), c.cameras().size()));
                }
                refilter();
            }
            return null;
        }, fx);
    }

    private void reloadSoon() {
        if (!reloadAsked) {
            reloadAsked = true;
            fx.execute(() -> {
                reloadAsked = false;
                load(true);
            });
        }
    }

    private void refilter() {
        if (registry.get() == Registry.ADDRESS) {
            // The book is hundreds of thousands of rows: the hub finds the ones asked for.
            long mine = ++searches;
            client.searchAddresses(query.get()).whenCompleteAsync((found, failure) -> {
                if (mine == searches) {
                    shown.setAll(failure == null ? found : List.of());
                    selected.set(null);
                }
            }, fx);
            return;
        }
        List<RegistryEntry> all = switch (registry.get()) {
            case ZONE -> contents.zones();
            case UNIT -> contents.units();
            default -> contents.cameras();
        };
        String keep = selected.get() == null ? null : selected.get().id();
        shown.setAll(all.stream().filter(e -> e.matches(query.get())).toList());
        selected.set(shown.stream().filter(e -> e.id().equals(keep)).findFirst().orElse(null));
    }

    private void readHistory(RegistryEntry e) {
        history.clear();
        if (e == null || e.registry() == Registry.ADDRESS) {
            return;
        }
        client.history(e.registry(), e.id()).whenCompleteAsync((lines, failure) -> {
            if (failure == null && e.equals(selected.get())) {
                history.setAll(lines);
            }
        }, fx);
    }

    /** Saves an item; the future fails with the hub's refusal in words (the form shows it). */
    public CompletableFuture<Long> save(RegistryEntry e) {
        return client.save(e).handleAsync((version, failure) -> {
            if (failure != null) {
                // The hub's refusal as it came: the form says it with the field at fault.
                throw failure instanceof java.util.concurrent.CompletionException c ? c
                        : new java.util.concurrent.CompletionException(failure);
            }
            String saved = Messages.get("registry.saved", e.id(), version);
            load().thenRun(() -> status.set(saved));
            return version;
        }, fx);
    }

    public CompletableFuture<Long> retire(RegistryEntry e, String reason) {
        return client.retire(e, reason).handleAsync((version, failure) -> {
            if (failure != null) {
                status.set(Messages.get("registry.retireRefused", e.id(), why(failure)));
                return null;
            }
            String retired = Messages.get("registry.retired", e.id());
            load().thenRun(() -> status.set(retired));
            return version;
        }, fx);
    }

    @Override
    public String what() {
        return Messages.get("registry.import.what." + registry.get().name());
    }

    @Override
    public String wholeFile() {
        return Messages.get("registry.import.retireMissing");
    }

    /** Reads a file of the chosen registry and has the hub preview it; the outcome is shown. */
    @Override
    public CompletableFuture<ImportOutcome> preview(String fileName, byte[] bytes, boolean retireMissing) {
        Map<String, String> zoneIds = new java.util.HashMap<>();
        contents.zones().forEach(z -> {
            zoneIds.put(z.id(), z.id());
            zoneIds.put(z.name(), z.id());
        });
        return imports.preview(fileName, () -> client.prepare(registry.get(), fileName, bytes, retireMissing,
                t -> Optional.ofNullable(zoneIds.get(t))));
    }

    /** A file that could not be read at all. */
    @Override
    public void cannotRead(String path, Exception e) {
        imports.cannotRead(path, e);
    }

    /** The import dialog closed: what it previewed is not applied later by accident. */
    @Override
    public void forgetImport() {
        imports.forget();
    }

    /** Applies the import previewed (nothing if there is none or it has problems), then reads the registry again. */
    @Override
    public CompletableFuture<ImportOutcome> apply() {
        return imports.apply(client::apply, done -> {
            String applied = Messages.get("registry.import.applied", done.totals().added(), done.totals().changed(),
                    done.totals().retired());
            load().thenRun(() -> status.set(applied));
        });
    }

    private static final java.util.regex.Pattern INSTANT = java.util.regex.Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");
    private static final java.time.format.DateTimeFormatter LOCAL_TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.systemDefault());

    /** A problem in the console's words. */
    public static String describe(ImportOutcome.Problem p) {
        String where = p.line() == 0 ? Messages.get("registry.problem.file") : Messages.get("registry.problem.line", p.line());
        // A time the hub names (a shift's start or end) is said in the console's time, to the minute.
        Object[] args = p.args().stream().map(a -> INSTANT.matcher(a).matches()
                ? LOCAL_TIME.format(java.time.Instant.parse(a)) : a).toArray();
        return where + (p.column().isEmpty() ? "" : "［" + p.column() + "］") + " "
                + Messages.get("registry.problem." + p.code(), args);
    }

    public static String why(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof CommandFailure f) {
            return Messages.get("failure." + f.kind().name(), f.getMessage());
        }
        return String.valueOf(cause.getMessage());
    }
}
