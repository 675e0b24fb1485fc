package commandroom.server.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.testing.AuditLog;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestHub;
import commandroom.v1.Account;
import commandroom.v1.AccountServiceGrpc;
import commandroom.v1.AddAccountRequest;
import commandroom.v1.ChangeAccountRoleRequest;
import commandroom.v1.ListAccountsRequest;
import commandroom.v1.ResetAccountPasswordRequest;
import commandroom.v1.Role;
import commandroom.v1.SetAccountDisabledRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The IT administrator keeps the accounts from the console, with the command line's rules: a new
 * account logs in, a role change and a disable take effect, a short or published password is
 * refused with its field, one's own account cannot be disabled or demoted, and each change is in
 * the log under the administrator's name.
 */
class AccountServiceTest {

    @Test
    void theAdministratorKeepsTheAccounts() throws Exception {
        try (TestHub hub = TestHub.start(Backend.H2); HubClient admin = hub.login("admin1");
             HubClient chief = hub.login("chief1")) {
            var accounts = stub(admin);
            Account added = accounts.addAccount(AddAccountRequest.newBuilder().setUsername("zhao.lei")
                    .setDisplayName("值班民警 赵").setRole(Role.ROLE_DUTY_OFFICER).setPassword("first-pass-1").build());
            assertEquals(Role.ROLE_DUTY_OFFICER, added.getRole());
            try (HubClient zhao = HubClient.login("127.0.0.1", hub.port(), hub.certificate(), "zhao.lei", "first-pass-1")) {
                assertEquals("值班民警 赵", zhao.login().getUser().getDisplayName());
            }
            StatusRuntimeException shortOne = assertThrows(StatusRuntimeException.class, () -> accounts.addAccount(
                    AddAccountRequest.newBuilder().setUsername("qian").setRole(Role.ROLE_DUTY_OFFICER)
                            .setPassword("short").build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, shortOne.getStatus().getCode());
            assertTrue(shortOne.getStatus().getDescription().contains("password"), shortOne.getStatus().getDescription());
            assertEquals(Status.Code.ALREADY_EXISTS, refusal(() -> accounts.addAccount(AddAccountRequest.newBuilder()
                    .setUsername("zhao.lei").setRole(Role.ROLE_DUTY_OFFICER).setPassword("another-pass-2").build())));

            assertEquals(Role.ROLE_SHIFT_LEADER, accounts.changeAccountRole(ChangeAccountRoleRequest.newBuilder()
                    .setUsername("zhao.lei").setRole(Role.ROLE_SHIFT_LEADER).build()).getRole());
            accounts.resetAccountPassword(ResetAccountPasswordRequest.newBuilder().setUsername("zhao.lei")
                    .setPassword("second-pass-2").build());
            assertEquals(Status.Code.UNAUTHENTICATED, refusal(() -> HubClient.login("127.0.0.1", hub.port(),
                    hub.certificate(), "zhao.lei", "first-pass-1")), "the old password no longer works");
            assertTrue(accounts.setAccountDisabled(SetAccountDisabledRequest.newBuilder().setUsername("zhao.lei")
                    .setDisabled(true).build()).getDisabled());
            assertEquals(Status.Code.PERMISSION_DENIED, refusal(() -> HubClient.login("127.0.0.1", hub.port(),
                    hub.certificate(), "zhao.lei", "second-pass-2")));

            assertEquals(Status.Code.FAILED_PRECONDITION, refusal(() -> accounts.setAccountDisabled(
                    SetAccountDisabledRequest.newBuilder().setUsername("admin1").setDisabled(true).build())),
                    "an administrator does not lock the station out");
            assertEquals(Status.Code.PERMISSION_DENIED, refusal(() -> stub(chief).listAccounts(
                    ListAccountsRequest.getDefaultInstance())), "the accounts are the administrator's");
            assertTrue(accounts.listAccounts(ListAccountsRequest.getDefaultInstance()).getAccountsList().stream()
                    .anyMatch(a -> a.getUsername().equals("zhao.lei") && a.getDisabled()));
            assertTrue(AuditLog.events(hub).stream().anyMatch(e -> e.hasAccountActivity()
                    && e.getAccountActivity().getUsername().equals("zhao.lei") && e.getActor().getUserId().equals("admin1")),
                    "the change is in the log under the administrator's name");
        }
    }

    private static AccountServiceGrpc.AccountServiceBlockingStub stub(HubClient c) {
        return AccountServiceGrpc.newBlockingStub(c.channel()).withCallCredentials(HubClient.bearer(c.login()
                .getAccessToken())).withDeadlineAfter(20, TimeUnit.SECONDS);
    }

    private static Status.Code refusal(Supplier<?> call) {
        return assertThrows(StatusRuntimeException.class, call::get).getStatus().getCode();
    }
}
