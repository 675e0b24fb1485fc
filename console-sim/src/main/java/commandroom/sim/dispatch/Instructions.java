package commandroom.sim.dispatch;

import commandroom.v1.Incident;
import commandroom.v1.IncidentType;
import commandroom.v1.TaskKind;

/**
 * What a shift leader asks for each kind of incident, and the instruction text (交办内容) that
 * goes with it.
 *
 * <p>Stateless and thread-safe.
 */
public final class Instructions {
    private static final int MAX_INSTRUCTION = 2000;

    private Instructions() {
    }

    /** The kind of task an incident of this type calls for. */
    public static TaskKind kindFor(IncidentType type) {
        return switch (type) {
            case INCIDENT_TYPE_DISPUTE -> TaskKind.TASK_KIND_MEDIATE;
            case INCIDENT_TYPE_KEY_PERSON_ALERT, INCIDENT_TYPE_OTHER -> TaskKind.TASK_KIND_VERIFY;
            case INCIDENT_TYPE_PATROL_FINDING -> TaskKind.TASK_KIND_PATROL;
            case INCIDENT_TYPE_INFO_COLLECTION -> TaskKind.TASK_KIND_COLLECT_INFO;
            default -> TaskKind.TASK_KIND_RESPOND;
        };
    }

    /** The instruction for a task about an incident. */
    public static String textFor(TaskKind kind, Incident incident) {
        String where = incident.getAddress().isBlank() ? "现场" : incident.getAddress();
        String text = switch (kind) {
            case TASK_KIND_MEDIATE -> "请前往" + where + "开展矛盾纠纷调解，一事一档，调解后约定回访：";
            case TASK_KIND_VERIFY -> "请前往" + where + "核实情况并反馈：";
            case TASK_KIND_PATROL -> "请到" + where + "一带巡查处置：";
            case TASK_KIND_COLLECT_INFO -> "请到" + where + "采集一标三实信息：";
            default -> "请立即赶赴" + where + "处置：";
        } + incident.getSummary();
        return text.length() <= MAX_INSTRUCTION ? text : text.substring(0, MAX_INSTRUCTION);
    }
}
