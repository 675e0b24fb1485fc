package commandroom.app.accounts;

import commandroom.app.connection.AccountClient;
import commandroom.app.connection.CommandFailure;
import commandroom.app.model.AccountItem;
import commandroom.app.ui.Messages;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The IT administrator's accounts: the list as the hub has it, and the changes (add, role,
 * disable or enable, new password), each saying what happened or what the hub refused. Holds no
 * Node; FX thread only (answers come back to it).
 */
public final class AccountsViewModel {

    /** The roles an account may have, in the order the form offers them. */
    public static final java.util.List<String> ROLES = java.util.List.of("DUTY_OFFICER", "SHIFT_LEADER",
            "STATION_CHIEF", "FIELD_UNIT", "ADMIN");

    private final AccountClient client;
    private final ObservableList<AccountItem> accounts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public AccountsViewModel(AccountClient client) {
        this.client = client;
    }

    public ObservableList<AccountItem> accounts() {
        return accounts;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public CompletableFuture<Void> load() {
        return client.list().handle((list, failure) -> {
            Platform.runLater(() -> {
                if (failure != null) {
                    status.set(Messages.get("accounts.failed", why(failure)));
                } else {
                    accounts.setAll(list);
                }
            });
            return null;
        });
    }

    /** Adds an account; the future fails with the hub's refusal (the form shows it). */
    public CompletableFuture<AccountItem> add(String username, String displayName, String role, String unitId,
                                              String password) {
        return done(client.add(username, displayName, role, unitId, password), "accounts.added");
    }

    public CompletableFuture<AccountItem> changeRole(AccountItem a, String role) {
        return reported(client.changeRole(a.username(), role), "accounts.roleChanged");
    }

    public CompletableFuture<AccountItem> setDisabled(AccountItem a, boolean disabled) {
        return reported(client.setDisabled(a.username(), disabled), disabled ? "accounts.disabled" : "accounts.enabled");
    }

    /** Sets a new password; the future fails with the hub's refusal (the dialog shows it). */
    public CompletableFuture<AccountItem> resetPassword(AccountItem a, String password) {
        return done(client.resetPassword(a.username(), password), "accounts.passwordSet");
    }

    private CompletableFuture<AccountItem> done(CompletableFuture<AccountItem> f, String key) {
        return f.whenComplete((a, failure) -> {
            if (failure == null) {
                Platform.runLater(() -> {
                    status.set(Messages.get(key, a.username()));
                    load();
                });
            }
        });
    }

    private CompletableFuture<AccountItem> reported(CompletableFuture<AccountItem> f, String key) {
        return f.whenComplete((a, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                status.set(why(failure));
            } else {
                status.set(Messages.get(key, a.username()));
                load();
            }
        }));
    }

    private static String why(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof CommandFailure f ? Messages.get("failure." + f.kind().name(), f.getMessage())
                : Messages.get("failure.OTHER", String.valueOf(cause.getMessage()));
    }
}
