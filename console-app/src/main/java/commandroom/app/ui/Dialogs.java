package commandroom.app.ui;

import commandroom.app.connection.CommandFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;

/** Shared plumbing of the form dialogs: FXML with the bundle, and submit-then-close. FX thread. */
public final class Dialogs {

    private Dialogs() {}

    /** Loads an FXML form with the messages bundle and the given controller. */
    public static Node loadForm(URL fxml, Object controller) {
        FXMLLoader loader = new FXMLLoader(fxml, Messages.bundle());
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
    }

    /**
     * Makes the OK button submit instead of closing: the dialog closes with the result when the hub
     * accepts, and stays open with the hub's reason in the error label when it refuses.
     */
    public static <T> void submitOnOk(Dialog<T> dialog, Node okButton, Supplier<CompletableFuture<T>> submit, Label error) {
        dialog.setResultConverter(b -> null);
        // The button's disable is bound to the form's validity; a flag keeps a double click from
        // sending twice while the hub answers.
        boolean[] busy = {false};
        okButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            if (busy[0]) {
                return;
            }
            busy[0] = true;
            error.setText("");
            submit.get().whenComplete((result, failure) -> Platform.runLater(() -> {
                busy[0] = false;
                if (failure != null) {
                    error.setText(describe(failure));
                } else {
                    dialog.setResultConverter(b -> result);
                    dialog.setResult(result);
                    dialog.close();
                }
            }));
        });
    }

    /** A refusal or failure in words a person can act on. */
    public static String describe(Throwable t) {
        Throwable e = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (e instanceof CommandFailure f) {
            String what = f.field().isEmpty() ? f.getMessage() : f.field() + " — " + f.getMessage();
            return Messages.get("failure." + f.kind().name(), what);
        }
        return Messages.get("failure.OTHER", String.valueOf(e.getMessage()));
    }
}
