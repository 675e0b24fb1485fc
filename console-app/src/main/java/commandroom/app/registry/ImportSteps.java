package commandroom.app.registry;

import commandroom.app.model.ImportOutcome;
import commandroom.app.ui.Messages;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;

/**
 * The steps every import takes between the file and the hub, kept in one place for each kind of
 * file ({@link Importer}): read and previewed (the outcome shown, what to send kept), or not
 * readable at all; applied only when the preview is appliable; forgotten when the dialog closes.
 * What happens is said in the owner's status line. P: what a preview prepared for the apply.
 * FX thread only (answers come back through fx).
 */
public final class ImportSteps<P> {

    private final Executor fx;
    private final StringProperty status;
    private final Function<P, ImportOutcome> previewOf;
    private final ReadOnlyObjectWrapper<ImportOutcome> outcome = new ReadOnlyObjectWrapper<>();
    private P prepared;

    /**
     * @param status the owner's status line
     * @param previewOf the hub's preview in what a prepared import holds
     */
    public ImportSteps(Executor fx, StringProperty status, Function<P, ImportOutcome> previewOf) {
        this.fx = fx;
        this.status = status;
        this.previewOf = previewOf;
    }

    /** Reads and previews a file with prepare; the outcome is shown and kept for the apply. */
    public CompletableFuture<ImportOutcome> preview(String fileName, Supplier<CompletableFuture<P>> prepare) {
        forget();
        status.set(Messages.get("registry.import.reading", fileName));
        return prepare.get().handleAsync((p, failure) -> {
            if (failure != null) {
                status.set(Messages.get("registry.import.failed", RegistryViewModel.why(failure)));
                return null;
            }
            prepared = p;
            ImportOutcome o = previewOf.apply(p);
            outcome.set(o);
            status.set(Messages.get(o.problems().isEmpty() ? "registry.import.previewed" : "registry.import.problems",
                    o.problems().size()));
            return o;
        }, fx);
    }

    /** A file that could not be read at all. */
    public void cannotRead(String path, Exception e) {
        forget();
        status.set(Messages.get("registry.import.cannotRead", path, String.valueOf(e.getMessage())));
    }

    /** Nothing previewed any more: it is not applied later by accident. */
    public void forget() {
        prepared = null;
        outcome.set(null);
    }

    /**
     * Applies what was previewed with send (nothing if there is none or it has problems); done is
     * told what the hub did.
     */
    public CompletableFuture<ImportOutcome> apply(Function<P, CompletableFuture<ImportOutcome>> send,
                                           Consumer<ImportOutcome> done) {
        if (prepared == null || !previewOf.apply(prepared).appliable()) {
            return CompletableFuture.completedFuture(null);
        }
        P p = prepared;
        status.set(Messages.get("registry.import.applying"));
        return send.apply(p).handleAsync((result, failure) -> {
            if (failure != null) {
                status.set(Messages.get("registry.import.failed", RegistryViewModel.why(failure)));
                return null;
            }
            prepared = null;
            outcome.set(result);
            done.accept(result);
            return result;
        }, fx);
    }

    public ReadOnlyObjectProperty<ImportOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }
}
