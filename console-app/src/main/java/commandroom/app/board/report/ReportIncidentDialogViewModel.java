package commandroom.app.board.report;

import commandroom.app.connection.CommandClient;
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

    /** Starts at a position (the county centre until the map can pick one). */
    public ReportIncidentDialogViewModel(CommandClient client, double lat, double lon) {
        this.client = client;
        latitude.set(lat);
        longitude.set(lon);
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
