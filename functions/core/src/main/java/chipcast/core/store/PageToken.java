package chipcast.core.store;

import chipcast.core.json.Json;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Opaque pagination tokens: the last key of a page plus the query it belongs to, signed with HMAC-SHA256
 * so a forged, garbled or replayed-on-another-query token is a 400, never a query the client shaped.
 */
public final class PageToken {
    private static final Pattern KEY_VALUE = Pattern.compile("[A-Za-z0-9._#:-]{1,128}");
    private static final int MAX_TOKEN_CHARS = 1024;
    static final String NOT_OURS = "nextToken is not a token this API issued";
    private final byte[] secret;

    /** What a token carries: a format version, the query's scope and the page's last key. */
    record Payload(int v, String q, Map<String, String> k) {
    }

    public PageToken(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("PAGE_TOKEN_SECRET must be at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The token for the page after one ending at {@code lastKey}, or null when there is none. */
    public String next(String scope, Page<?> page) {
        return page.lastKey() == null ? null : encode(scope, page.lastKey());
    }

    /** The start key a token carries, or null for no token (the first page). */
    public Map<String, String> start(String scope, String token) {
        return token == null ? null : decode(scope, token);
    }

    /** Signs the last key of a page (string attributes only) for the query described by {@code scope}. */
    public String encode(String scope, Map<String, String> lastKey) {
        byte[] body = Json.write(new Payload(1, scope, lastKey)).getBytes(StandardCharsets.UTF_8);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(body) + "." + b64.encodeToString(sign(body));
    }

    /** The key a token carries, after checking its signature and that it was issued for {@code scope}. */
    public Map<String, String> decode(String scope, String token) {
        if (token.length() > MAX_TOKEN_CHARS) {
            throw new InvalidPageTokenException(NOT_OURS);
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            throw new InvalidPageTokenException(NOT_OURS);
        }
        byte[] body;
        byte[] signature;
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            body = b64.decode(token.substring(0, dot));
            signature = b64.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidPageTokenException(NOT_OURS);
        }
        if (!MessageDigest.isEqual(sign(body), signature)) {
            throw new InvalidPageTokenException(NOT_OURS);
        }
        Payload payload;
        try {
            payload = Json.readStored(new String(body, StandardCharsets.UTF_8), Payload.class);
        } catch (IllegalStateException e) {
            throw new InvalidPageTokenException(NOT_OURS); // signed by us, but by a version with another format
        }
        if (!scope.equals(payload.q())) {
            throw new InvalidPageTokenException(
                    "nextToken belongs to a different query; repeat the query's other parameters unchanged");
        }
        Map<String, String> key = payload.k();
        if (key == null || key.isEmpty() || !key.values().stream().allMatch(v -> v != null && KEY_VALUE.matcher(v).matches())) {
            throw new InvalidPageTokenException(NOT_OURS);
        }
        return key;
    }

    private byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
