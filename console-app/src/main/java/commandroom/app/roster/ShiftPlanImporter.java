package commandroom.app.roster;

import commandroom.app.connection.ConsoleState;
import commandroom.app.connection.RegistryClient;
import commandroom.app.model.ImportOutcome;
import commandroom.app.model.UnitItem;
import commandroom.app.registry.Importer;
import commandroom.app.registry.RegistryViewModel;
import commandroom.app.ui.Messages;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The shift plan (排班表) imported as the registry's files are (the same dialog): read in this
 * console's time zone, units found by id, name or call sign, previewed by the hub (shifts added,
 * changed, removed; every problem by its line), applied when none remains. "The whole file"
 * replaces the plan between the file's first and last shift. Holds no Node; FX thread only.
 */
public final class ShiftPlanImporter implements Importer {

    private final RegistryClient client;
    private final ConsoleState state;
    private final Executor fx;
    private final ZoneId zone;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ImportOutcome> outcome = new ReadOnlyObjectWrapper<>();
    private RegistryClient.PreparedShifts prepared;

    public ShiftPlanImporter(RegistryClient client, ConsoleState state) {
        this(client, state, Platform::runLater, ZoneId.systemDefault());
    }

    ShiftPlanImporter(RegistryClient client, ConsoleState state, Executor fx, ZoneId zone) {
        this.client = client;
        this.state = state;
        this.fx = fx;
        this.zone = zone;
    }

    @Override
    public String what() {
        return Messages.get("roster.import.what");
    }

    @Override
    public String wholeFile() {
        return Messages.get("roster.import.replace");
    }

    @Override
    public CompletableFuture<ImportOutcome> preview(String fileName, byte[] bytes, boolean whole) {
        prepared = null;
        outcome.set(null);
        status.set(Messages.get("registry.import.reading", fileName));
        Map<String, String> units = new HashMap<>();
        for (UnitItem u : state.units().values()) {
            units.put(u.name(), u.id());
            units.put(u.id(), u.id());
        }
        return client.prepareShifts(fileName, bytes, whole, t -> Optional.ofNullable(units.get(t.strip())), zone)
                .handleAsync((p, failure) -> {
                    if (failure != null) {
                        status.set(Messages.get("registry.import.failed", RegistryViewModel.why(failure)));
                        return null;
                    }
                    prepared = p;
                    outcome.set(p.preview());
                    status.set(Messages.get(p.preview().problems().isEmpty() ? "registry.import.previewed"
                            : "registry.import.problems", p.preview().problems().size()));
                    return p.preview();
                }, fx);
    }

    @Override
    public void cannotRead(String path, Exception e) {
        prepared = null;
        outcome.set(null);
        status.set(Messages.get("registry.import.cannotRead", path, String.valueOf(e.getMessage())));
    }

    @Override
    public CompletableFuture<ImportOutcome> apply() {
        if (prepared == null || !prepared.preview().appliable()) {
            return CompletableFuture.completedFuture(null);
        }
        RegistryClient.PreparedShifts p = prepared;
        status.set(Messages.get("registry.import.applying"));
        return client.applyShifts(p).handleAsync((done, failure) -> {
            if (failure != null) {
                status.set(Messages.get("registry.import.failed", RegistryViewModel.why(failure)));
                return null;
            }
            prepared = null;
            outcome.set(done);
            status.set(Messages.get("roster.import.applied", done.totals().added(), done.totals().changed(),
                    done.totals().retired()));
            return done;
        }, fx);
    }

    @Override
    public void forgetImport() {
        prepared = null;
        outcome.set(null);
    }

    @Override
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyObjectProperty<ImportOutcome> importOutcomeProperty() {
        return outcome.getReadOnlyProperty();
    }
}
