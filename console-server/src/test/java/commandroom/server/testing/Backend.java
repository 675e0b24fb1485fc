package commandroom.server.testing;

/** The databases every storage-touching test runs on. */
public enum Backend { H2, POSTGRES }
