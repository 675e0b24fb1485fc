package commandroom.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.RawCalls;
import commandroom.server.testing.TestHub;
import commandroom.v1.AuthServiceGrpc;
import commandroom.v1.Role;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every RPC the hub serves × every role, against the table below (written here, not read from the
 * hub, so that a change of who may do what is a change of this test too): a role the method is not
 * for gets PERMISSION_DENIED and the log does not move; a role it is for gets past the door (an
 * empty request is then refused for what it lacks, never with INTERNAL); a call without a token
 * gets UNAUTHENTICATED. A served method missing from the table fails the test.
 */
class PermissionMatrixTest {

    private static final Map<Role, String> USERS = new LinkedHashMap<>();

    static {
        USERS.put(Role.ROLE_DUTY_OFFICER, "duty1");
        USERS.put(Role.ROLE_SHIFT_LEADER, "leader1");
        USERS.put(Role.ROLE_STATION_CHIEF, "chief1");
        USERS.put(Role.ROLE_ADMIN, "admin1");
        USERS.put(Role.ROLE_FIELD_UNIT, "u-cd-co1");
    }

    /**
     * Who may call what: D duty officer, L shift leader, C station chief, A administrator, F field
     * unit. Log-in and refresh need no token.
     */
    private static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("AuthService/Login", "open"), Map.entry("AuthService/Refresh", "open"),
            Map.entry("AuthService/Logout", "DLCAF"),
            Map.entry("CommandService/ReportIncident", "DL"), Map.entry("CommandService/UpdateIncident", "DL"),
            Map.entry("CommandService/AddEvidence", "DL"), Map.entry("CommandService/GetEvidence", "DLC"),
            Map.entry("CommandService/KeepClip", "DL"), Map.entry("CommandService/GetClip", "DLC"),
            Map.entry("CommandService/GetPhoto", "DLC"), Map.entry("CommandService/AcknowledgeAlarm", "DLC"),
            Map.entry("CommandService/DispatchTask", "L"), Map.entry("CommandService/ReassignTask", "L"),
            Map.entry("CommandService/CancelTask", "L"), Map.entry("CommandService/ReviewFeedback", "C"),
            Map.entry("CommandService/GetSnapshot", "DLCA"), Map.entry("CommandService/GetIncident", "DLCA"),
            Map.entry("CommandService/GetTask", "DLCA"), Map.entry("CommandService/ListTasks", "DLCA"),
            Map.entry("CommandService/Subscribe", "DLCA"),
            Map.entry("FieldService/Instructions", "F"), Map.entry("FieldService/ReportProgress", "F"),
            Map.entry("FieldService/ReportPosition", "F"), Map.entry("FieldService/SubmitFeedback", "F"),
            Map.entry("FieldService/ListMyTasks", "F"), Map.entry("FieldService/PressEmergency", "F"),
            Map.entry("CaseService/OpenCase", "DL"), Map.entry("CaseService/RecordMediation", "LC"),
            Map.entry("CaseService/SettleCase", "LC"), Map.entry("CaseService/GetCase", "DLCA"),
            Map.entry("CaseService/ListCases", "DLCA"), Map.entry("CaseService/GetFigures", "CA"),
            Map.entry("CaseService/RecordFiguresExport", "CA"),
            Map.entry("ShiftService/StartHandover", "DL"), Map.entry("ShiftService/SignHandover", "DL"),
            Map.entry("ShiftService/ListHandovers", "DLCA"),
            Map.entry("KeyPersonService/RegisterKeyPerson", "C"), Map.entry("KeyPersonService/RecordCheckIn", "CF"),
            // Past the door for all: the rules refuse the others and log the attempt (KeyPersonAccessTest).
            Map.entry("KeyPersonService/GetKeyPerson", "DLCAF"), Map.entry("KeyPersonService/ListKeyPersons", "DLCAF"),
            Map.entry("KeyPersonService/ListKeyPersonAccess", "C"),
            Map.entry("FraudService/ImportWarnings", "LC"),
            Map.entry("LinkageService/HandUp", "LC"), Map.entry("LinkageService/InstructStation", "LC"),
            Map.entry("LinkageService/GetCountyBoard", "DLCA"),
            Map.entry("RegistryService/SaveZone", "CA"), Map.entry("RegistryService/SaveUnit", "CA"),
            Map.entry("RegistryService/SaveCamera", "CA"), Map.entry("RegistryService/Retire", "CA"),
            Map.entry("RegistryService/PreviewImport", "CA"), Map.entry("RegistryService/ApplyImport", "CA"),
            Map.entry("RegistryService/GetHistory", "CA"), Map.entry("RegistryService/SetUnitDuty", "LC"),
            Map.entry("RegistryService/PreviewShiftPlan", "LC"), Map.entry("RegistryService/ApplyShiftPlan", "LC"),
            Map.entry("AddressService/SearchAddresses", "DLCA"), Map.entry("AddressService/ImportAddresses", "CA"),
            Map.entry("TravelService/RankArrivals", "DLCAF"), Map.entry("TravelService/PlanRoute", "DLCAF"),
            Map.entry("TravelService/GetRings", "DLCAF"), Map.entry("TravelService/GetCoverageGaps", "DLCAF"),
            Map.entry("TravelService/GetRoadNetwork", "DLCAF"),
            Map.entry("AccountService/ListAccounts", "A"), Map.entry("AccountService/AddAccount", "A"),
            Map.entry("AccountService/ChangeAccountRole", "A"), Map.entry("AccountService/SetAccountDisabled", "A"),
            Map.entry("AccountService/ResetAccountPassword", "A"),
            Map.entry("CameraService/WatchCamera", "DLCA"), Map.entry("CameraService/SyncCameraSource", "CA"),
            Map.entry("CameraService/ListRecordings", "DLCA"), Map.entry("CameraService/WatchRecording", "DLCA"),
            Map.entry("CameraService/ListCameraSources", "CA"),
            Map.entry("CameraService/MoveCamera", "DLC"), Map.entry("CameraService/GoToPreset", "DLC"),
            Map.entry("CameraService/SavePreset", "DLC"), Map.entry("CameraService/ReleaseCamera", "DLC"));

    private static final Map<Role, Character> LETTER = Map.of(Role.ROLE_DUTY_OFFICER, 'D', Role.ROLE_SHIFT_LEADER, 'L',
            Role.ROLE_STATION_CHIEF, 'C', Role.ROLE_ADMIN, 'A', Role.ROLE_FIELD_UNIT, 'F');

    /** Log-out would end the caller's session for the rest of the table: it is called last, on its own. */
    private static final String LOGOUT = AuthServiceGrpc.getLogoutMethod().getFullMethodName();

    @Test
    void everyRpcRefusesEveryRoleItIsNotForAndWritesNothing() {
        try (TestHub hub = TestHub.start(Backend.H2)) {
            Map<Role, HubClient> clients = new LinkedHashMap<>();
            USERS.forEach((role, user) -> clients.put(role, hub.login(user)));
            try {
                List<String> checked = new ArrayList<>();
                for (ServiceDescriptor service : RawCalls.SERVICES) {
                    for (MethodDescriptor<?, ?> method : service.getMethods()) {
                        String name = method.getFullMethodName();
                        String rule = RULES.get(name.substring("commandroom.v1.".length()));
                        assertNotNull(rule, name + " has a rule in this test's table");
                        if (rule.equals("open")) {
                            continue;
                        }
                        ManagedChannel channel = clients.get(Role.ROLE_DUTY_OFFICER).channel();
                        assertEquals(Status.Code.UNAUTHENTICATED, call(channel, null, method), name + " without a token");
                        if (name.equals(LOGOUT)) {
                            continue;
                        }
                        for (Map.Entry<Role, HubClient> e : clients.entrySet()) {
                            Role role = e.getKey();
                            HubClient c = e.getValue();
                            long before = hub.hub().lastSequence();
                            Status.Code code = call(c.channel(), HubClient.bearer(c.login().getAccessToken()), method);
                            if (rule.indexOf(LETTER.get(role)) >= 0) {
                                assertFalse(Set.of(Status.Code.PERMISSION_DENIED, Status.Code.UNAUTHENTICATED,
                                        Status.Code.INTERNAL, Status.Code.UNKNOWN).contains(code), name + " as " + role + ": " + code);
                            } else {
                                assertEquals(Status.Code.PERMISSION_DENIED, code, name + " as " + role);
                                assertEquals(before, hub.hub().lastSequence(), name + " as " + role + " wrote nothing");
                            }
                            checked.add(name + "/" + role);
                        }
                    }
                }
                assertEquals((RULES.size() - 3) * USERS.size(), checked.size(), "every method checked as every role");
                for (HubClient c : clients.values()) {
                    assertEquals(Status.Code.OK, call(c.channel(), HubClient.bearer(c.login().getAccessToken()),
                            AuthServiceGrpc.getLogoutMethod()), "anyone may log out");
                }
            } finally {
                clients.values().forEach(HubClient::close);
            }
        }
    }

    /** Calls the method with an empty request; answers the status (OK, or a stream's first answer). */
    private static Status.Code call(ManagedChannel channel, CallCredentials token, MethodDescriptor<?, ?> method) {
        return RawCalls.call(channel, token, method, new byte[0], Duration.ofSeconds(3), Duration.ofSeconds(3));
    }
}
