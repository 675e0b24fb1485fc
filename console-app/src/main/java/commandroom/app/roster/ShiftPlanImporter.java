package commandroom.app.roster;

import commandroom.app.connection.ConsoleState;
import commandroom.app.connection.RegistryClient;
import commandroom.app.model.ImportOutcome;
import commandroom.app.model.UnitItem;
import commandroom.app.registry.ImportSteps;
import commandroom.app.registry.Importer;
import commandroom.app.ui.Messages;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
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
    private final ZoneId zone;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ImportSteps<RegistryClient.PreparedShifts> imports;

    public ShiftPlanImporter(RegistryClient client, ConsoleState state) {
        this(client, state, Platform::runLater, ZoneId.systemDefault());
    }

    ShiftPlanImporter(RegistryClient client, ConsoleState state, Executor fx, ZoneId zone) {
        this.client = client;
        this.state = state;
        this.zone = zone;
        this.imports = new ImportSteps<>(fx, status, RegistryClient.PreparedShifts::preview);
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
        Map<String, String> units = new HashMap<>();
        for (UnitItem u : state.units().values()) {
            units.put(u.name(), u.id());
            units.put(u.id(), u.id());
        }
        return imports.preview(fileName, () -> client.prepareShifts(fileName, bytes, whole,
                t -> Optional.ofNullable(units.get(t.strip())), zone));
    }

    @Override
    public void cannotRead(String path, Exception e) {
        imports.cannotRead(path, e);
    }

    @Override
    public CompletableFuture<ImportOutcome> apply() {
        return imports.apply(client::applyShifts, done -> status.set(Messages.get("roster.import.applied",
                done.totals().added(), done.totals().changed(), done.totals().retired())));
    }

    @Override
    public void forgetImport() {
        imports.forget();
    }

    @Override
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyObjectProperty<ImportOutcome> importOutcomeProperty() {
        return imports.outcomeProperty();
    }
}
