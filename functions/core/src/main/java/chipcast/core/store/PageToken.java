package chipcast.core.store;

import chipcast.core.http.ApiException;
import chipcast.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Opaque pagination tokens: the last key of a page plus the query it belongs to, signed with HMAC-SHA256
 * so a forged, garbled or replayed-on-another-query token is a 400, never a query the client shaped.
 */
public final class PageToken {
    private static final Pattern KEY_VALUE = Pattern.compile("[A-Za-z0-9._#:-]{1,128}");
    private static final int MAX_TOKEN_CHARS = 1024;
    private final byte[] secret;

    public PageToken(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("PAGE_TOKEN_SECRET must be at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Signs the last key of a page (string attributes only) for the query described by {@code scope}. */
    public String encode(String scope, Map<String, String> lastKey) {
        ObjectNode payload = Json.object();
        payload.put("v", 1);
        payload.put("q", scope);
        ObjectNode key = payload.putObject("k");
        lastKey.forEach(key::put);
        byte[] body = Json.write(payload).getBytes(StandardCharsets.UTF_8);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(body) + "." + b64.encodeToString(sign(body));
    }

    /** The key a token carries, after checking its signature and that it was issued for {@code scope}. */
    public Map<String, String> decode(String scope, String token) {
        if (token.length() > MAX_TOKEN_CHARS) {
            throw invalid();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            throw invalid();
        }
        byte[] body;
        byte[] signature;
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            body = b64.decode(token.substring(0, dot));
            signature = b64.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(sign(body), signature)) {
            throw invalid();
        }
        JsonNode payload;
        try {
            payload = Json.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw invalid();
        }
        if (!scope.equals(payload.path("q").asText(null))) {
            throw ApiException.invalidParameter("nextToken",
                    "nextToken belongs to a different query; repeat the query's other parameters unchanged");
        }
        Map<String, String> key = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = payload.path("k").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String value = field.getValue().asText("");
            if (!field.getValue().isTextual() || !KEY_VALUE.matcher(value).matches()) {
                throw invalid();
            }
            key.put(field.getKey(), value);
        }
        if (key.isEmpty()) {
            throw invalid();
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

    private static ApiException invalid() {
        return ApiException.invalidParameter("nextToken", "nextToken is not a token this API issued");
    }
}
