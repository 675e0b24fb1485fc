package commandroom.server.auth;

import commandroom.v1.AuthServiceGrpc;
import commandroom.v1.CaseServiceGrpc;
import commandroom.v1.CommandServiceGrpc;
import commandroom.v1.FieldServiceGrpc;
import commandroom.v1.Role;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which roles may call which RPC: each is open only to the roles whose job it is. A method not
 * listed is open to nobody (fail closed); the open ones (log-in, health) need no token at all.
 * Immutable and thread-safe.
 */
public final class Permissions {

    private static final Set<Role> CONSOLE = EnumSet.of(Role.ROLE_DUTY_OFFICER, Role.ROLE_SHIFT_LEADER,
            Role.ROLE_STATION_CHIEF, Role.ROLE_ADMIN);
    /** Who sees pictures (evidence, feedback photos): not the IT administrator, who runs accounts. */
    private static final Set<Role> PICTURES = EnumSet.of(Role.ROLE_DUTY_OFFICER, Role.ROLE_SHIFT_LEADER,
            Role.ROLE_STATION_CHIEF);
    private static final Set<Role> INTAKE = EnumSet.of(Role.ROLE_DUTY_OFFICER, Role.ROLE_SHIFT_LEADER);
    private static final Set<Role> LEADER = EnumSet.of(Role.ROLE_SHIFT_LEADER);
    private static final Set<Role> CHIEF = EnumSet.of(Role.ROLE_STATION_CHIEF);
    private static final Set<Role> MEDIATORS = EnumSet.of(Role.ROLE_SHIFT_LEADER, Role.ROLE_STATION_CHIEF);
    private static final Set<Role> FIGURES = EnumSet.of(Role.ROLE_STATION_CHIEF, Role.ROLE_ADMIN);
    private static final Set<Role> FIELD = EnumSet.of(Role.ROLE_FIELD_UNIT);
    private static final Set<Role> ANY = EnumSet.complementOf(EnumSet.of(Role.ROLE_UNSPECIFIED, Role.UNRECOGNIZED));

    private static final Set<String> OPEN = Set.of(
            AuthServiceGrpc.getLoginMethod().getFullMethodName(),
            AuthServiceGrpc.getRefreshMethod().getFullMethodName(),
            "grpc.health.v1.Health/Check",
            "grpc.health.v1.Health/Watch",
            "grpc.health.v1.Health/List",
            "grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
            "grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo");

    private static final Map<String, Set<Role>> ROLES = new HashMap<>();

    static {
        ROLES.put(AuthServiceGrpc.getLogoutMethod().getFullMethodName(), ANY);
        ROLES.put(CommandServiceGrpc.getReportIncidentMethod().getFullMethodName(), INTAKE);
        ROLES.put(CommandServiceGrpc.getUpdateIncidentMethod().getFullMethodName(), INTAKE);
        ROLES.put(CommandServiceGrpc.getAddEvidenceMethod().getFullMethodName(), INTAKE);
        ROLES.put(CommandServiceGrpc.getGetEvidenceMethod().getFullMethodName(), PICTURES);
        ROLES.put(CommandServiceGrpc.getKeepClipMethod().getFullMethodName(), INTAKE);
        ROLES.put(CommandServiceGrpc.getGetClipMethod().getFullMethodName(), PICTURES);
        ROLES.put(CommandServiceGrpc.getGetPhotoMethod().getFullMethodName(), PICTURES);
        ROLES.put(CommandServiceGrpc.getAcknowledgeAlarmMethod().getFullMethodName(), PICTURES);
        ROLES.put(CommandServiceGrpc.getDispatchTaskMethod().getFullMethodName(), LEADER);
        ROLES.put(CommandServiceGrpc.getReassignTaskMethod().getFullMethodName(), LEADER);
        ROLES.put(CommandServiceGrpc.getCancelTaskMethod().getFullMethodName(), LEADER);
        ROLES.put(CommandServiceGrpc.getReviewFeedbackMethod().getFullMethodName(), CHIEF);
        ROLES.put(CommandServiceGrpc.getGetSnapshotMethod().getFullMethodName(), CONSOLE);
        ROLES.put(CommandServiceGrpc.getGetIncidentMethod().getFullMethodName(), CONSOLE);
        ROLES.put(CommandServiceGrpc.getGetTaskMethod().getFullMethodName(), CONSOLE);
        ROLES.put(CommandServiceGrpc.getListTasksMethod().getFullMethodName(), CONSOLE);
        ROLES.put(CommandServiceGrpc.getSubscribeMethod().getFullMethodName(), CONSOLE);
        ROLES.put(CaseServiceGrpc.getOpenCaseMethod().getFullMethodName(), INTAKE);
        ROLES.put(CaseServiceGrpc.getRecordMediationMethod().getFullMethodName(), MEDIATORS);
        ROLES.put(CaseServiceGrpc.getSettleCaseMethod().getFullMethodName(), MEDIATORS);
        ROLES.put(CaseServiceGrpc.getGetCaseMethod().getFullMethodName(), CONSOLE);
        ROLES.put(CaseServiceGrpc.getListCasesMethod().getFullMethodName(), CONSOLE);
        ROLES.put(CaseServiceGrpc.getGetFiguresMethod().getFullMethodName(), FIGURES);
        ROLES.put(CaseServiceGrpc.getRecordFiguresExportMethod().getFullMethodName(), FIGURES);
        // The registry: the IT administrator keeps it; the station chief may too.
        Set<Role> registry = EnumSet.of(Role.ROLE_ADMIN, Role.ROLE_STATION_CHIEF);
        for (var m : commandroom.v1.RegistryServiceGrpc.getServiceDescriptor().getMethods()) {
            ROLES.put(m.getFullMethodName(), registry);
        }
        ROLES.put(commandroom.v1.AddressServiceGrpc.getImportAddressesMethod().getFullMethodName(), registry);
        // Cameras: every console watches them, live and recorded; the registry's keepers sync the
        // camera sources.
        ROLES.put(commandroom.v1.CameraServiceGrpc.getWatchCameraMethod().getFullMethodName(), CONSOLE);
        ROLES.put(commandroom.v1.CameraServiceGrpc.getListRecordingsMethod().getFullMethodName(), CONSOLE);
        ROLES.put(commandroom.v1.CameraServiceGrpc.getWatchRecordingMethod().getFullMethodName(), CONSOLE);
        ROLES.put(commandroom.v1.CameraServiceGrpc.getSyncCameraSourceMethod().getFullMethodName(), registry);
        ROLES.put(commandroom.v1.CameraServiceGrpc.getListCameraSourcesMethod().getFullMethodName(), registry);
        // Turning cameras is the watchers' work (the IT administrator watches no wall).
        Set<Role> ptz = EnumSet.of(Role.ROLE_DUTY_OFFICER, Role.ROLE_SHIFT_LEADER, Role.ROLE_STATION_CHIEF);
        ROLES.put(commandroom.v1.CameraServiceGrpc.getMoveCameraMethod().getFullMethodName(), ptz);
        ROLES.put(commandroom.v1.CameraServiceGrpc.getGoToPresetMethod().getFullMethodName(), ptz);
        ROLES.put(commandroom.v1.CameraServiceGrpc.getSavePresetMethod().getFullMethodName(), ptz);
        ROLES.put(commandroom.v1.CameraServiceGrpc.getReleaseCameraMethod().getFullMethodName(), ptz);
        // The accounts are the IT administrator's alone.
        for (var m : commandroom.v1.AccountServiceGrpc.getServiceDescriptor().getMethods()) {
            ROLES.put(m.getFullMethodName(), EnumSet.of(Role.ROLE_ADMIN));
        }
        // The duty roster is the shift leader's, and the chief's.
        ROLES.put(commandroom.v1.RegistryServiceGrpc.getSetUnitDutyMethod().getFullMethodName(), MEDIATORS);
        ROLES.put(commandroom.v1.RegistryServiceGrpc.getPreviewShiftPlanMethod().getFullMethodName(), MEDIATORS);
        ROLES.put(commandroom.v1.RegistryServiceGrpc.getApplyShiftPlanMethod().getFullMethodName(), MEDIATORS);
        ROLES.put(commandroom.v1.AddressServiceGrpc.getSearchAddressesMethod().getFullMethodName(), CONSOLE);
        ROLES.put(commandroom.v1.ShiftServiceGrpc.getStartHandoverMethod().getFullMethodName(), INTAKE);
        ROLES.put(commandroom.v1.ShiftServiceGrpc.getSignHandoverMethod().getFullMethodName(), INTAKE);
        ROLES.put(commandroom.v1.ShiftServiceGrpc.getListHandoversMethod().getFullMethodName(), CONSOLE);
        Set<Role> register = EnumSet.of(Role.ROLE_STATION_CHIEF, Role.ROLE_FIELD_UNIT);
        ROLES.put(commandroom.v1.KeyPersonServiceGrpc.getRegisterKeyPersonMethod().getFullMethodName(), CHIEF);
        ROLES.put(commandroom.v1.KeyPersonServiceGrpc.getRecordCheckInMethod().getFullMethodName(), register);
        // Reading the register is let past the door for everyone, so that the rules can refuse it and
        // log the refused attempt (KeyPersonRules): who tried to read it matters as much as who did.
        ROLES.put(commandroom.v1.KeyPersonServiceGrpc.getGetKeyPersonMethod().getFullMethodName(), ANY);
        ROLES.put(commandroom.v1.KeyPersonServiceGrpc.getListKeyPersonsMethod().getFullMethodName(), ANY);
        ROLES.put(commandroom.v1.KeyPersonServiceGrpc.getListKeyPersonAccessMethod().getFullMethodName(), CHIEF);
        ROLES.put(commandroom.v1.FraudServiceGrpc.getImportWarningsMethod().getFullMethodName(), MEDIATORS);
        ROLES.put(commandroom.v1.LinkageServiceGrpc.getHandUpMethod().getFullMethodName(), MEDIATORS);
        // Travel times are for everyone who moves or sends units: consoles rank and ring, terminals route.
        ROLES.put(commandroom.v1.TravelServiceGrpc.getRankArrivalsMethod().getFullMethodName(), ANY);
        ROLES.put(commandroom.v1.TravelServiceGrpc.getPlanRouteMethod().getFullMethodName(), ANY);
        ROLES.put(commandroom.v1.TravelServiceGrpc.getGetRingsMethod().getFullMethodName(), ANY);
        ROLES.put(commandroom.v1.TravelServiceGrpc.getGetCoverageGapsMethod().getFullMethodName(), ANY);
        ROLES.put(commandroom.v1.TravelServiceGrpc.getGetRoadNetworkMethod().getFullMethodName(), ANY);
        ROLES.put(commandroom.v1.LinkageServiceGrpc.getInstructStationMethod().getFullMethodName(), MEDIATORS);
        ROLES.put(commandroom.v1.LinkageServiceGrpc.getGetCountyBoardMethod().getFullMethodName(), CONSOLE);
        ROLES.put(FieldServiceGrpc.getInstructionsMethod().getFullMethodName(), FIELD);
        ROLES.put(FieldServiceGrpc.getReportProgressMethod().getFullMethodName(), FIELD);
        ROLES.put(FieldServiceGrpc.getReportPositionMethod().getFullMethodName(), FIELD);
        ROLES.put(FieldServiceGrpc.getSubmitFeedbackMethod().getFullMethodName(), FIELD);
        ROLES.put(FieldServiceGrpc.getListMyTasksMethod().getFullMethodName(), FIELD);
        ROLES.put(FieldServiceGrpc.getPressEmergencyMethod().getFullMethodName(), FIELD);
    }

    private Permissions() {}

    /** True for methods anyone may call without a token. */
    public static boolean isOpen(String fullMethodName) {
        return OPEN.contains(fullMethodName);
    }

    /** True if the role may call the method. */
    public static boolean allows(String fullMethodName, Role role) {
        return ROLES.getOrDefault(fullMethodName, Set.of()).contains(role);
    }
}
