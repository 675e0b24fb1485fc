package commandroom.app.model;

/** One person on the county's anti-fraud list, as read from its file (zone resolved to its id). Immutable. */
public record FraudWarningRow(int line, String name, String phone, String address, String zoneId, String risk) {}
