package commandroom.app.board.report;

import commandroom.app.connection.AddressClient;
import commandroom.app.connection.CommandClient;
import commandroom.app.model.AddressSuggestion;
import commandroom.app.model.IncidentItem;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A duty officer taking in an incident: type, urgency, the offence it reports if any (for the
 * preventable-case figures), where (address and position; the map issue lets the officer pick the
 * point), what, and who called. Holds no Node; FX thread only.
 */
public final class ReportIncidentDialogViewModel {

    private final CommandClient client;
    private final StringProperty type = new SimpleStringProperty("CALL_110");
    private final StringProperty priority = new SimpleStringProperty("HIGH");
    /** "": no offence, or not classified. */
    private final StringProperty offence = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty reporter = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final DoubleProperty latitude = new SimpleDoubleProperty();
    private final DoubleProperty longitude = new SimpleDoubleProperty();
    /** The standard addresses matching what is typed (type-ahead); empty when none or none asked. */
    private final javafx.collections.ObservableList<AddressSuggestion> suggestions =
            javafx.collections.FXCollections.observableArrayList();
    /** The standard address picked, or null while the address is the officer's own words. */
    private final javafx.beans.property.ObjectProperty<AddressSuggestion> picked =
            new javafx.beans.property.SimpleObjectProperty<>();
    private final AddressClient addresses;
    /** Counts the searches: an answer to an older keystroke is dropped. */
    private long asked;
    private boolean picking;

    /** Starts at a position (the county centre until the map can pick one). */
    public ReportIncidentDialogViewModel(CommandClient client, double lat, double lon) {
        this(client, null, lat, lon);
    }

    /** With the standard addresses to offer as the officer types (null: none). */
    public ReportIncidentDialogViewModel(CommandClient client, AddressClient addresses, double lat, double lon) {
        this.client = client;
        this.addresses = addresses;
        latitude.set(lat);
        longitude.set(lon);
        address.addListener((o, was, now) -> typed(now));
    }

    public javafx.collections.ObservableList<AddressSuggestion> suggestions() {
        return suggestions;
    }

    public javafx.beans.property.ReadOnlyObjectProperty<AddressSuggestion> pickedProperty() {
        return picked;
    }

    /**
     * Asks for the standard addresses matching what is typed (two characters or more). A free
     * address that matches nothing is still taken: the position is then the officer's to give.
     */
    private void typed(String text) {
        if (picking || addresses == null) {
            return;
        }
        picked.set(null);
        long mine = ++asked;
        if (text == null || text.strip().length() < 2) {
            suggestions.clear();
            return;
        }
        addresses.search(text.strip(), 8).whenComplete((found, failure) -> javafx.application.Platform.runLater(() -> {
            if (mine == asked) {
                suggestions.setAll(failure == null ? found : java.util.List.of());
            }
        }));
    }

    /** Takes a standard address: its text, its position; the offers close. */
    public void pick(AddressSuggestion s) {
        picking = true;
        try {
            address.set(s.text());
            latitude.set(s.latitude());
            longitude.set(s.longitude());
            picked.set(s);
            asked++;
            suggestions.clear();
        } finally {
            picking = false;
        }
    }

    /** Closes the offers without taking one (Escape). */
    public void dismissSuggestions() {
        asked++;
        suggestions.clear();
    }

    public StringProperty typeProperty() {
        return type;
    }

    public StringProperty priorityProperty() {
        return priority;
    }

    public StringProperty offenceProperty() {
        return offence;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty reporterProperty() {
        return reporter;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public DoubleProperty latitudeProperty() {
        return latitude;
    }

    public DoubleProperty longitudeProperty() {
        return longitude;
    }

    public BooleanBinding canSendProperty() {
        return Bindings.createBooleanBinding(() -> !address.get().isBlank() && !summary.get().isBlank(),
                address, summary);
    }

    public CompletableFuture<IncidentItem> send() {
        return client.report(new CommandClient.IncidentDraft(type.get(), priority.get(), latitude.get(),
                longitude.get(), address.get().trim(), summary.get().trim(), reporter.get().trim(), phone.get().trim(),
                offence.get() == null ? "" : offence.get()));
    }
}
