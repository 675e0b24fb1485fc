package commandroom.server.api;

import commandroom.server.admin.UserAdmin;
import commandroom.server.auth.Caller;
import commandroom.server.auth.UserDirectory;
import commandroom.server.loop.AccountRules;
import commandroom.server.loop.Hub;
import commandroom.server.loop.HubException;
import commandroom.server.store.UserRecord;
import commandroom.v1.Account;
import commandroom.v1.AccountServiceGrpc;
import commandroom.v1.AddAccountRequest;
import commandroom.v1.ChangeAccountRoleRequest;
import commandroom.v1.Event;
import commandroom.v1.ListAccountsRequest;
import commandroom.v1.ListAccountsResponse;
import commandroom.v1.ResetAccountPasswordRequest;
import commandroom.v1.SetAccountDisabledRequest;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * AccountService: the IT administrator keeps the accounts from the console, with the same rules
 * as {@code commandroom-hub user} (UserAdmin: names, roles, passwords of at least 8 characters and
 * not published ones). Each change is written to the users table, then recorded in the log as an
 * AccountActivity naming the administrator (the hub's account watcher, which records changes made
 * from the shell, then finds nothing left to record). An administrator cannot disable or demote
 * their own account: that is how a station locks itself out. Thread-safe.
 */
public final class AccountGrpcService extends AccountServiceGrpc.AccountServiceImplBase {

    private final UserAdmin admin;
    private final UserDirectory users;
    private final Hub hub;

    public AccountGrpcService(UserAdmin admin, UserDirectory users, Hub hub) {
        this.admin = admin;
        this.users = users;
        this.hub = hub;
    }

    @Override
    public void listAccounts(ListAccountsRequest r, StreamObserver<ListAccountsResponse> out) {
        Replies.call(() -> ListAccountsResponse.newBuilder().addAllAccounts(admin.list().stream()
                .sorted(Comparator.comparing(UserRecord::username)).map(AccountGrpcService::account).toList()).build(), out);
    }

    @Override
    public void addAccount(AddAccountRequest r, StreamObserver<Account> out) {
        Replies.call(() -> {
            new Violations().text("username", r.getUsername(), 1, 64).text("display_name", r.getDisplayName(), 0, 100)
                    .known("role", r.getRole()).text("password", r.getPassword(), 1, 256).throwIfAny();
            Caller caller = Caller.current();
            changed(() -> admin.add(r.getUsername(), r.getDisplayName(), r.getRole(), r.getUnitId(), caller.stationId(),
                    r.getPassword().toCharArray()));
            return recorded(r.getUsername());
        }, out);
    }

    @Override
    public void changeAccountRole(ChangeAccountRoleRequest r, StreamObserver<Account> out) {
        Replies.call(() -> {
            new Violations().text("username", r.getUsername(), 1, 64).known("role", r.getRole()).throwIfAny();
            notOwn(r.getUsername(), "change your own role");
            changed(() -> {
                admin.setRole(r.getUsername(), r.getRole());
                return null;
            });
            return recorded(r.getUsername());
        }, out);
    }

    @Override
    public void setAccountDisabled(SetAccountDisabledRequest r, StreamObserver<Account> out) {
        Replies.call(() -> {
            new Violations().text("username", r.getUsername(), 1, 64).throwIfAny();
            notOwn(r.getUsername(), r.getDisabled() ? "disable your own account" : "enable your own account");
            changed(() -> {
                admin.setDisabled(r.getUsername(), r.getDisabled());
                return null;
            });
            return recorded(r.getUsername());
        }, out);
    }

    @Override
    public void resetAccountPassword(ResetAccountPasswordRequest r, StreamObserver<Account> out) {
        Replies.call(() -> {
            new Violations().text("username", r.getUsername(), 1, 64).text("password", r.getPassword(), 1, 256)
                    .throwIfAny();
            changed(() -> {
                admin.setPassword(r.getUsername(), r.getPassword().toCharArray());
                return null;
            });
            return recorded(r.getUsername());
        }, out);
    }

    private static void notOwn(String username, String what) {
        if (username.equals(Caller.current().username())) {
            throw HubException.precondition("you cannot " + what + ": another administrator does it");
        }
    }

    /** UserAdmin's refusals, as a client can act on them. */
    private static <T> T changed(Supplier<T> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            if (m.startsWith("no user ")) {
                throw new HubException(Status.Code.NOT_FOUND, "username", m.replace(" (commandroom-hub user list)", ""));
            }
            if (m.endsWith("exists already")) {
                throw new HubException(Status.Code.ALREADY_EXISTS, "username", m);
            }
            String field = m.startsWith("password") ? "password" : m.startsWith("user name") ? "username"
                    : m.contains("--unit") ? "unit_id" : "";
            String why = m.replace("--unit UNIT_ID", "unit_id").replaceFirst("^(password|user name): ", "");
            throw field.isEmpty() ? new HubException(Status.Code.INVALID_ARGUMENT, "", why) : HubException.invalid(field, why);
        }
    }

    /** The account as the table has it now, its change recorded in the log with the administrator's name. */
    private Account recorded(String username) {
        UserRecord u = users.load(username).orElseThrow(() -> HubException.notFound("username", "user", username));
        try {
            hub.submit(Caller.current().actor(), "", Event.KindCase.ACCOUNT_ACTIVITY, AccountRules.record(u))
                    .get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // The change stands; the account watcher records it within seconds under "user-administration".
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return account(u);
    }

    private static Account account(UserRecord u) {
        return Account.newBuilder().setUsername(u.username()).setDisplayName(u.displayName()).setRole(u.role())
                .setUnitId(u.unitId() == null ? "" : u.unitId()).setStationId(u.stationId() == null ? "" : u.stationId())
                .setDisabled(u.disabled()).build();
    }
}
