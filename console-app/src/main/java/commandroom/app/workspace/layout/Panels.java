package commandroom.app.workspace.layout;

/** The ids of the panels a workstation window can hold, as written in saved layouts. */
public final class Panels {

    public static final String WALL = "wall";
    public static final String MAP = "map";
    public static final String BOARD = "board";
    public static final String REVIEW = "review";
    public static final String STATS = "stats";
    /** The dispute case files (纠纷档案). */
    public static final String DISPUTES = "disputes";
    /** The key persons register (重点人员), the chief's. */
    public static final String KEY_PERSONS = "keypersons";

    /** The registry (台账管理): zones, units, cameras and their imports; the admin's and the chief's. */
    public static final String REGISTRY = "registry";

    /** The accounts (账号管理): the IT administrator's. */
    public static final String ACCOUNTS = "accounts";

    /** The county board (全县态势), on a county hub's consoles only. */
    public static final String COUNTY = "county";

    private Panels() {}
}
