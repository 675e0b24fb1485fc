package commandroom.app.keyperson;

import commandroom.app.connection.KeyPersonClient;
import commandroom.app.model.KeyPersonAccessItem;
import commandroom.app.ui.Dialogs;
import commandroom.app.ui.Messages;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The key persons register's access log as the chief reviews it: every read and every refused
 * attempt, newest first, read from the hub when asked (reading it is not itself an access to the
 * register). Persons are named while the register is open, shown by id otherwise. FX thread only.
 */
public final class AccessLogViewModel {

    /** How many entries the panel asks for. */
    static final int LIMIT = 200;

    private final KeyPersonClient client;
    private final UnaryOperator<String> personName;
    private final UnaryOperator<String> unitName;
    private final ObservableList<KeyPersonAccessItem> entries = FXCollections.observableArrayList();
    private final ObservableList<KeyPersonAccessItem> entriesView = FXCollections.unmodifiableObservableList(entries);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private long asked;

    AccessLogViewModel(KeyPersonClient client, UnaryOperator<String> personName, UnaryOperator<String> unitName) {
        this.client = client;
        this.personName = personName;
        this.unitName = unitName;
    }

    /** Reads the log again from the hub. */
    public void refresh() {
        long mine = ++asked;
        loading.set(true);
        client.accessLog(LIMIT).whenComplete((list, failure) -> Platform.runLater(() -> {
            if (mine != asked) {
                return;
            }
            loading.set(false);
            if (failure != null) {
                entries.clear();
                problem.set(Dialogs.describe(failure));
            } else {
                problem.set("");
                entries.setAll(list);
            }
        }));
    }

    public ObservableList<KeyPersonAccessItem> entries() {
        return entriesView;
    }

    /** Why the log could not be read, or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True while the hub answers. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Who, as people say it: 王所长（所长）; a unit's terminal by the unit's name. */
    public String who(KeyPersonAccessItem e) {
        String name = !e.unitId().isEmpty() ? unitName.apply(e.unitId())
                : e.displayName().isEmpty() ? e.userId() : e.displayName();
        return Messages.get("keyperson.access.who", name, Messages.get("role." + e.role()));
    }

    /** What was done: viewing one person, listing the register, or exporting the figures. */
    public String what(KeyPersonAccessItem e) {
        return Messages.get(switch (e.how()) {
            case "get" -> "keyperson.access.get";
            case "figures-csv" -> "keyperson.access.figuresCsv";
            case "figures-pdf" -> "keyperson.access.figuresPdf";
            default -> "keyperson.access.list";
        });
    }

    /** Which persons: by name where the chief can see them now, by id otherwise. */
    public String persons(KeyPersonAccessItem e) {
        if (e.personIds().isEmpty()) {
            return Messages.get("keyperson.access.nobody");
        }
        return e.personIds().stream().map(personName).collect(Collectors.joining("、"));
    }
}
