package commandroom.app.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.model.AccountItem;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.workspace.Workstation;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestHub;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The IT administrator adds a new duty officer in the console (a short password is refused in the
 * form, a good one taken), the officer logs in; the administrator disables the account, and the
 * status says so.
 */
class AccountsPanelTest extends FxRobot {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void theAdministratorAddsAndDisablesAnAccount() throws Exception {
        try (TestHub hub = TestHub.start(Backend.H2)) {
            Workstation w = Consoles.open(hub.port(), hub.certificate(), "admin1", Files.createTempDirectory("layouts"));
            try {
                interact(() -> {
                    w.stages().get(0).setWidth(1600);
                    w.stages().get(0).setHeight(900);
                });
                clickOn("#tab-accounts");
                Waits.until("the accounts", WAIT, () -> names().contains("duty1"));
                clickOn("#accounts-add");
                Waits.until("the form", WAIT, () -> lookup("#account-username").tryQuery().isPresent());
                clickOn("#account-username").write("zhao.lei");
                clickOn("#account-name").write("值班民警 赵");
                clickOn("#account-role");
                clickOn(lookup(".combo-box-popup .list-cell").match(n -> n instanceof javafx.scene.control.ListCell<?> c
                        && "值班民警".equals(c.getText())).<javafx.scene.Node>query());
                clickOn("#account-password").write("short");
                clickOn("#account-again").write("short");
                clickOn("#account-save");
                Waits.until("the short password refused", WAIT, () -> !text("#account-error").isEmpty());
                assertTrue(text("#account-error").contains("8"), text("#account-error"));
                Screenshots.save(this, lookup("#account-form").query(), "accounts-refused");
                doubleClickOn("#account-password").eraseText(5).write("first-pass-1");
                doubleClickOn("#account-again").eraseText(5).write("first-pass-1");
                clickOn("#account-save");
                Waits.until("added", WAIT, () -> names().contains("zhao.lei"));
                try (HubClient zhao = HubClient.login("127.0.0.1", hub.port(), hub.certificate(), "zhao.lei", "first-pass-1")) {
                    assertEquals("值班民警 赵", zhao.login().getUser().getDisplayName());
                }

                select("zhao.lei");
                clickOn("#accounts-disable");
                Waits.until("disabled", WAIT, () -> accounts().stream().anyMatch(a -> a.username().equals("zhao.lei")
                        && a.disabled()));
                assertTrue(text("#accounts-status").contains("zhao.lei"), text("#accounts-status"));
                Screenshots.save(this, w.stages().get(0).getScene().getRoot(), "accounts");
            } finally {
                Consoles.close(w);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<AccountItem> accounts() {
        return lookup("#accounts-table").tryQueryAs(TableView.class).map(t -> (List<AccountItem>) List.copyOf(t.getItems()))
                .orElse(List.of());
    }

    private List<String> names() {
        return accounts().stream().map(AccountItem::username).toList();
    }

    @SuppressWarnings("unchecked")
    private void select(String username) {
        interact(() -> {
            TableView<AccountItem> t = lookup("#accounts-table").queryAs(TableView.class);
            t.getItems().stream().filter(a -> a.username().equals(username)).findFirst()
                    .ifPresent(a -> t.getSelectionModel().select(a));
        });
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }
}
