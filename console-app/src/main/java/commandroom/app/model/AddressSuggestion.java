package commandroom.app.model;

/** A standard address offered while the officer types: its code, its text, where it is, its zone. Immutable. */
public record AddressSuggestion(String id, String text, double latitude, double longitude, String zoneId) {}
