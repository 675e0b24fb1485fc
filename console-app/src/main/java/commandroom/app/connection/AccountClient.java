package commandroom.app.connection;

import commandroom.app.model.AccountItem;
import commandroom.v1.Account;
import commandroom.v1.AccountServiceGrpc;
import commandroom.v1.AddAccountRequest;
import commandroom.v1.ChangeAccountRoleRequest;
import commandroom.v1.ListAccountsRequest;
import commandroom.v1.ResetAccountPasswordRequest;
import commandroom.v1.Role;
import commandroom.v1.SetAccountDisabledRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The administrator's accounts at the hub: list, add, change a role, disable or enable, set a
 * new password. Off the FX thread with deadlines; refusals as {@link CommandFailure}. Thread-safe.
 */
public final class AccountClient {

    private final HubSession session;
    private final Executor executor;

    public AccountClient(HubSession session, Executor executor) {
        this.session = session;
        this.executor = executor;
    }

    private AccountServiceGrpc.AccountServiceBlockingStub stub() {
        return AccountServiceGrpc.newBlockingStub(session.channel()).withCallCredentials(session.credentials())
                .withDeadlineAfter(15, TimeUnit.SECONDS);
    }

    public CompletableFuture<List<AccountItem>> list() {
        return HubCalls.async(executor, () -> stub().listAccounts(ListAccountsRequest.getDefaultInstance())
                .getAccountsList().stream().map(AccountClient::item).toList());
    }

    public CompletableFuture<AccountItem> add(String username, String displayName, String role, String unitId,
                                              String password) {
        return HubCalls.async(executor, () -> item(stub().addAccount(AddAccountRequest.newBuilder().setUsername(username)
                .setDisplayName(displayName).setRole(Role.valueOf("ROLE_" + role)).setUnitId(unitId)
                .setPassword(password).build())));
    }

    public CompletableFuture<AccountItem> changeRole(String username, String role) {
        return HubCalls.async(executor, () -> item(stub().changeAccountRole(ChangeAccountRoleRequest.newBuilder()
                .setUsername(username).setRole(Role.valueOf("ROLE_" + role)).build())));
    }

    public CompletableFuture<AccountItem> setDisabled(String username, boolean disabled) {
        return HubCalls.async(executor, () -> item(stub().setAccountDisabled(SetAccountDisabledRequest.newBuilder()
                .setUsername(username).setDisabled(disabled).build())));
    }

    public CompletableFuture<AccountItem> resetPassword(String username, String password) {
        return HubCalls.async(executor, () -> item(stub().resetAccountPassword(ResetAccountPasswordRequest.newBuilder()
                .setUsername(username).setPassword(password).build())));
    }

    private static AccountItem item(Account a) {
        return new AccountItem(a.getUsername(), a.getDisplayName(), a.getRole().name().substring("ROLE_".length()),
                a.getUnitId(), a.getDisabled());
    }
}
