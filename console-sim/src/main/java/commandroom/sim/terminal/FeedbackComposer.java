package commandroom.sim.terminal;

import commandroom.v1.ResultCode;
import commandroom.v1.TaskKind;
import java.util.List;
import java.util.Random;

/**
 * Writes a unit's feedback the way a field officer would: a result code that fits the kind of
 * task, and a short Chinese account of what was done.
 *
 * <p>Stateless; thread-safe if each caller passes its own Random.
 */
public final class FeedbackComposer {
    private static final List<String> RESPOND_RESOLVED = List.of(
            "已到达%s现场，经了解系双方口角引发，现场已劝离，无人员受伤。",
            "民警到达%s后核实情况，已对当事人进行批评教育，现场秩序恢复正常。",
            "已在%s找到报警人，协助其处理完毕，报警人表示满意。");
    private static final List<String> RESPOND_NOT_FOUND = List.of(
            "到达%s现场后未发现报警所述情况，已电话回访报警人，对方称已自行离开。",
            "在%s周边巡查二十分钟，未见异常。");
    private static final List<String> REFERRED = List.of(
            "%s所涉事项属其他部门职责，已告知当事人并移交相关部门处理。",
            "%s当事双方同意走司法途径，已引导至县人民调解委员会。");
    private static final List<String> MEDIATED = List.of(
            "在%s对双方进行调解，双方达成一致并签订调解协议，已建档并约定回访。",
            "经社区民警与网格员在%s联合调解，双方互相谅解，纠纷化解。");
    private static final List<String> UNRESOLVED = List.of(
            "在%s调解未果，双方分歧较大，已告知其他解决途径，将持续关注。");
    private static final List<String> VERIFY_RESOLVED = List.of(
            "已在%s核实，情况属实，已落实管控措施并登记。",
            "经%s现场核查，相关人员在家，情绪稳定，已做好登记。");
    private static final List<String> FOLLOW_UP = List.of(
            "已回访%s当事人，双方关系平稳，未再发生矛盾。",
            "电话及上门回访%s当事人，协议履行正常。");
    private static final List<String> COLLECT = List.of(
            "已在%s完成一标三实信息采集，新增实有人口2人，已录入系统。",
            "%s出租房屋信息已核实更新，租户身份信息已采集。");
    private static final List<String> PATROL = List.of(
            "已对%s巡逻一圈，发现隐患一处，已通知责任单位整改。",
            "%s巡逻完毕，治安秩序良好。");
    private static final String RETURNED_NOTE = "（已按审核意见补充：%s）";

    private FeedbackComposer() {
    }

    /** Feedback in words and a code. */
    public record Composed(ResultCode resultCode, String text) {
    }

    /**
     * @param kind what the task asked
     * @param place the incident's address, or empty
     * @param returnReason the reviewer's reason if the feedback came back, else null
     * @param random source of variety
     */
    public static Composed compose(TaskKind kind, String place, String returnReason, Random random) {
        String where = place == null || place.isBlank() ? "指定地点" : place;
        double roll = random.nextDouble();
        Composed composed = switch (kind) {
            case TASK_KIND_MEDIATE -> roll < 0.8 ? of(ResultCode.RESULT_CODE_MEDIATED, MEDIATED, where, random)
                    : roll < 0.95 ? of(ResultCode.RESULT_CODE_REFERRED, REFERRED, where, random)
                    : of(ResultCode.RESULT_CODE_UNRESOLVED, UNRESOLVED, where, random);
            case TASK_KIND_VERIFY -> roll < 0.75 ? of(ResultCode.RESULT_CODE_RESOLVED, VERIFY_RESOLVED, where, random)
                    : of(ResultCode.RESULT_CODE_NOT_FOUND, RESPOND_NOT_FOUND, where, random);
            case TASK_KIND_FOLLOW_UP -> of(ResultCode.RESULT_CODE_RESOLVED, FOLLOW_UP, where, random);
            case TASK_KIND_COLLECT_INFO -> of(ResultCode.RESULT_CODE_RESOLVED, COLLECT, where, random);
            case TASK_KIND_PATROL -> roll < 0.9 ? of(ResultCode.RESULT_CODE_RESOLVED, PATROL, where, random)
                    : of(ResultCode.RESULT_CODE_NOT_FOUND, RESPOND_NOT_FOUND, where, random);
            default -> roll < 0.8 ? of(ResultCode.RESULT_CODE_RESOLVED, RESPOND_RESOLVED, where, random)
                    : roll < 0.93 ? of(ResultCode.RESULT_CODE_NOT_FOUND, RESPOND_NOT_FOUND, where, random)
                    : of(ResultCode.RESULT_CODE_REFERRED, REFERRED, where, random);
        };
        if (returnReason != null && !returnReason.isBlank()) {
            composed = new Composed(composed.resultCode(), composed.text() + String.format(RETURNED_NOTE, returnReason));
        }
        return composed;
    }

    private static Composed of(ResultCode code, List<String> texts, String where, Random random) {
        return new Composed(code, String.format(texts.get(random.nextInt(texts.size())), where));
    }
}
