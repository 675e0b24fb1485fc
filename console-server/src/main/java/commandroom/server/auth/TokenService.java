package commandroom.server.auth;

import commandroom.server.store.SettingsStore;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer tokens signed with HMAC-SHA256 under a key kept apart from the database ({@link
 * TokenKeys}: whoever reads the database cannot mint tokens), so tokens outlive a restart (a
 * crashed hub must not log every terminal out); a token names the key that signed it, so keys
 * rotate without logging everyone out. A token names its session and
 * when the session began (the log-in): log-out revokes the session, refusing both its access and
 * refresh tokens; a refresh token never outlives its session's limit (a shift), however often it
 * is renewed; and an account's change (password, disable, role) refuses every session begun before
 * it. The service also remembers, per session, until when it holds a valid access token, so that
 * an open stream ends when its session stops renewing (see {@link #accessValidUntil}). Thread-safe.
 */
public final class TokenService {

    /** What a token is for. */
    public enum Kind { ACCESS, REFRESH }

    /** A token's verified content; sessionStart is the log-in the session began with. */
    public record Claims(Kind kind, String sessionId, String username, Instant expiresAt, Instant sessionStart) {}

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SettingsStore settings;
    private final Clock clock;
    private final Duration accessTtl;
    private final Duration refreshTtl;
    private final TokenKeys keys;
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    /** Per session, the expiry of the newest access token issued to it (kept until it passes). */
    private final java.util.Map<String, Instant> accessUntil = new ConcurrentHashMap<>();
    /** A Mac is not thread-safe and costly to look up: one per thread and key. */
    private final ThreadLocal<java.util.Map<String, Mac>> macs = ThreadLocal.withInitial(java.util.HashMap::new);

    public TokenService(SettingsStore settings, TokenKeys keys, Clock clock, Duration accessTtl, Duration refreshTtl) {
        this.settings = settings;
        this.keys = keys;
        this.clock = clock;
        this.accessTtl = accessTtl;
        this.refreshTtl = refreshTtl;
        revoked.addAll(settings.revokedSessions(clock.instant()));
    }

    /** A new session id for a log-in. */
    public String newSession() {
        return UUID.randomUUID().toString();
    }

    public String issue(Kind kind, String sessionId, String username, Instant expiresAt, Instant sessionStart) {
        String payload = kind.name() + "|" + sessionId + "|" + username + "|" + expiresAt.getEpochSecond() + "|"
                + sessionStart.toEpochMilli();
        String body = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        if (kind == Kind.ACCESS) {
            accessUntil.merge(sessionId, expiresAt, (a, b) -> a.isAfter(b) ? a : b);
        }
        TokenKeys.Key key = keys.signing();
        return "v2." + key.id() + "." + body + "." + B64.encodeToString(mac(key, key.id() + "." + body));
    }

    public Instant accessExpiry() {
        return clock.instant().plus(accessTtl);
    }

    /** A session's refresh tokens end with the session's limit, counted from its log-in, not from the last renewal. */
    public Instant refreshExpiry(Instant sessionStart) {
        return sessionStart.plus(refreshTtl);
    }

    /**
     * Until when this session holds a valid access token: the newest one this hub issued to it, or
     * the given one's expiry if later. A stream opened with a token goes on while its session keeps
     * renewing it; a stolen access token alone, or a session whose refresh is refused, ends with it.
     */
    public Instant accessValidUntil(String sessionId, Instant tokenExpiry) {
        Instant renewed = accessUntil.get(sessionId);
        return renewed != null && renewed.isAfter(tokenExpiry) ? renewed : tokenExpiry;
    }

    /** True if the session was logged out. */
    public boolean isRevoked(String sessionId) {
        return revoked.contains(sessionId);
    }

    /** Forgets renewals that have expired (called now and then, so the map stays the size of the live sessions). */
    public void forgetExpired() {
        Instant now = clock.instant();
        accessUntil.values().removeIf(until -> until.isBefore(now));
    }

    /** The claims of a valid, unexpired, unrevoked token of the kind; empty otherwise, with why. */
    public Optional<Claims> verify(String token, Kind expected, StringBuilder why) {
        String[] parts = token.split("\\.");
        if (parts.length != 4 || !"v2".equals(parts[0])) {
            why.append("malformed token");
            return Optional.empty();
        }
        byte[] given;
        try {
            given = B64D.decode(parts[3]);
        } catch (IllegalArgumentException e) {
            why.append("malformed token");
            return Optional.empty();
        }
        Optional<TokenKeys.Key> key = keys.byId(parts[1]);
        if (key.isEmpty()) {
            why.append("token signed with a key this hub no longer accepts; log in again");
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(given, mac(key.get(), parts[1] + "." + parts[2]))) {
            why.append("token signature does not match");
            return Optional.empty();
        }
        String[] f = new String(B64D.decode(parts[2]), StandardCharsets.UTF_8).split("\\|");
        Claims c = new Claims(Kind.valueOf(f[0]), f[1], f[2], Instant.ofEpochSecond(Long.parseLong(f[3])),
                Instant.ofEpochMilli(Long.parseLong(f[4])));
        if (c.kind() != expected) {
            why.append("wrong kind of token");
            return Optional.empty();
        }
        if (!c.expiresAt().isAfter(clock.instant())) {
            why.append("token expired; log in or refresh");
            return Optional.empty();
        }
        if (revoked.contains(c.sessionId())) {
            why.append("session was logged out");
            return Optional.empty();
        }
        return Optional.of(c);
    }

    /** Ends a session: its tokens are refused from now on, also after a restart. */
    public void revoke(String sessionId) {
        revoked.add(sessionId);
        settings.revokeSession(sessionId, clock.instant().plus(refreshTtl));
    }

    /** Refuses a session another replica logged out (it told us over the database). */
    public void revokedElsewhere(String sessionId) {
        revoked.add(sessionId);
    }

    /** Re-reads the logged-out sessions, in case a replica's word on one was missed. */
    public void reloadRevoked() {
        revoked.addAll(settings.revokedSessions(clock.instant()));
    }

    private byte[] mac(TokenKeys.Key key, String signed) {
        // Keyed by id and secret: a key file rewritten with a new secret under an old id is not trusted.
        Mac m = macs.get().computeIfAbsent(key.id() + ":" + java.util.Arrays.hashCode(key.secret()), k -> newMac(key));
        return m.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
    }

    private static Mac newMac(TokenKeys.Key key) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
            return m;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is in every JVM", e);
        }
    }
}
