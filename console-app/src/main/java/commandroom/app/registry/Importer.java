package commandroom.app.registry;

import commandroom.app.model.ImportOutcome;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * What {@link ImportDialog} imports through: a registry (zones, units, cameras, addresses) or the
 * shift plan. Each reads the station's file, has the hub preview it, and applies what was
 * previewed; the dialog is the same for all. FX thread only.
 */
public interface Importer {

    /** What file this takes, in words for the dialog's head. */
    String what();

    /** The words beside the box that makes the file the whole of what it covers. */
    String wholeFile();

    /** Reads a file and has the hub preview it; the outcome is shown. */
    CompletableFuture<ImportOutcome> preview(String fileName, byte[] bytes, boolean whole);

    /** A file that could not be read at all. */
    void cannotRead(String path, Exception e);

    /** Applies what was previewed; nothing if there is none or it has problems. */
    CompletableFuture<ImportOutcome> apply();

    /** The dialog closed: what it previewed is not applied later by accident. */
    void forgetImport();

    ReadOnlyStringProperty statusProperty();

    ReadOnlyObjectProperty<ImportOutcome> importOutcomeProperty();
}
