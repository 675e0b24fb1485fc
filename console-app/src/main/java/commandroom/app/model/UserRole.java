package commandroom.app.model;

/** The console roles and what each may do; what a role may not do is not offered. */
public enum UserRole {
    DUTY_OFFICER, SHIFT_LEADER, STATION_CHIEF, ADMIN, FIELD_UNIT, UNKNOWN;

    public boolean mayReport() {
        return this == DUTY_OFFICER || this == SHIFT_LEADER;
    }

    public boolean mayDispatch() {
        return this == SHIFT_LEADER;
    }

    public boolean mayReview() {
        return this == STATION_CHIEF;
    }

    /** The county's anti-fraud list is taken in by the shift leader or the chief. */
    public boolean mayImportWarnings() {
        return this == SHIFT_LEADER || this == STATION_CHIEF;
    }

    /** Handing an incident up to the county, and instructing a station at the county: the leader's or the chief's. */
    public boolean mayLink() {
        return this == SHIFT_LEADER || this == STATION_CHIEF;
    }

    /** The duty roster (排班) is the shift leader's, and the chief's. */
    public boolean mayKeepRoster() {
        return this == SHIFT_LEADER || this == STATION_CHIEF;
    }

    /** The period figures (statistics) are the chief's, and the administrator's. */
    public boolean mayReadFigures() {
        return this == STATION_CHIEF || this == ADMIN;
    }

    /** Taking a PTZ camera's control from another console: the shift leader's, and the chief's. */
    public boolean mayTakeOverCameras() {
        return this == SHIFT_LEADER || this == STATION_CHIEF;
    }
}
