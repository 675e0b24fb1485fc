package commandroom.app.fraud;

import commandroom.app.connection.ConsoleState;
import commandroom.app.connection.FraudClient;
import commandroom.app.model.FraudWarningRow;
import commandroom.app.model.ZoneItem;
import commandroom.app.ui.Dialogs;
import commandroom.app.ui.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Taking in the county's anti-fraud list (精准电诈劝阻): the file's path, what it holds (rows and
 * every problem by line), and the import, after which each person is a dissuasion task with its
 * own clock. Nothing is sent while the file has a problem. FX thread only.
 */
public final class FraudImportViewModel {

    private final FraudClient client;
    private final ConsoleState state;
    private final StringProperty path = new SimpleStringProperty("");
    private final ObservableList<FraudWarningRow> rows = FXCollections.observableArrayList();
    private final ObservableList<FraudWarningRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper importable = new ReadOnlyBooleanWrapper(false);
    private WarningFile.Contents contents;

    public FraudImportViewModel(FraudClient client, ConsoleState state) {
        this.client = client;
        this.state = state;
        path.addListener((o, a, b) -> forget());
    }

    /** Reads the file at the path: its rows and problems. */
    public void read() {
        forget();
        Path file = Path.of(path.get().trim());
        if (!Files.isRegularFile(file)) {
            problems.add(Messages.get("fraud.problem.noFile", file));
            return;
        }
        Map<String, String> zones = new HashMap<>();
        for (ZoneItem z : state.zones().values()) {
            zones.put(z.name(), z.id());
            zones.put(z.id(), z.id());
        }
        try {
            contents = WarningFile.read(file, zones);
        } catch (IOException e) {
            problems.add(Messages.get("fraud.problem.unreadable", file, e.getMessage()));
            return;
        }
        rows.setAll(contents.rows());
        problems.setAll(contents.problems());
        importable.set(contents.importable());
    }

    /** Sends the list; says how many tasks were made. */
    public void importList() {
        if (contents == null || !contents.importable()) {
            return;
        }
        importable.set(false);
        result.set(Messages.get("fraud.sending"));
        client.importWarnings(contents.source(), contents.rows()).whenComplete((done, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                result.set(Dialogs.describe(failure));
                importable.set(true);
            } else if (done.created() == 0) {
                result.set(Messages.get("fraud.already", done.taskIds().size()));
            } else {
                result.set(Messages.get("fraud.done", done.created()));
            }
        }));
    }

    private void forget() {
        contents = null;
        rows.clear();
        problems.clear();
        result.set("");
        importable.set(false);
    }

    public StringProperty pathProperty() {
        return path;
    }

    public ObservableList<FraudWarningRow> rows() {
        return rowsView;
    }

    public ObservableList<String> problems() {
        return problemsView;
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty importableProperty() {
        return importable.getReadOnlyProperty();
    }

    /** A zone's name for display. */
    public String zoneName(String id) {
        return state.zoneName(id);
    }
}
