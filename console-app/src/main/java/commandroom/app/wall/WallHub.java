package commandroom.app.wall;

/**
 * What the wall reaches through the console's session: the play addresses of cameras a camera
 * source of the hub keeps, their recordings, PTZ commands, and who the operator is (me: the login
 * name; mayTakeOver: a shift leader or the chief, who may take a camera's control from another
 * console).
 */
public record WallHub(CameraAddresses addresses, CameraRecordings recordings, PtzCommands ptz, String me,
                      boolean mayTakeOver) {

    /** A wall on its own: no platform cameras play, no camera turns. */
    public static final WallHub NONE = new WallHub(CameraAddresses.NONE, CameraRecordings.NONE, PtzCommands.NONE, "",
            false);
}
