package dev.losslens.system.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * A random secret a browser keeps in an HttpOnly, SameSite cookie, until there are accounts: who started a run, which
 * answers are whose. The database stores only its SHA-256, so reading the database grants nothing.
 */
public final class SecretCookie {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Duration LIFETIME = Duration.ofDays(365);

    private final String name;

    public SecretCookie(String name) {
        this.name = name;
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Anything not shaped like one of ours is no secret at all. */
    public static boolean wellFormed(String value) {
        return value != null && FORM.matcher(value).matches();
    }

    public static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Who a request is, for per-person limits: the hash of the anonymous secret it carries, or its address when it
     * carries none (a script).
     */
    public static String person(Optional<String> secret, HttpServletRequest request) {
        return secret.map(value -> "secret " + sha256(value)).orElse("address " + request.getRemoteAddr());
    }

    public Optional<String> read(HttpServletRequest request) {
        return Arrays.stream(request.getCookies() == null ? new Cookie[0] : request.getCookies())
                .filter(cookie -> cookie.getName().equals(name))
                .map(Cookie::getValue)
                .filter(SecretCookie::wellFormed)
                .findFirst();
    }

    /** The browser's secret, issuing a new one (and its cookie) to a browser that has none. */
    public String readOrIssue(HttpServletRequest request, HttpServletResponse response) {
        return read(request).orElseGet(() -> {
            String secret = generate();
            write(response, secret);
            return secret;
        });
    }

    /** Gives the browser this secret, as when a presenter pairs a phone with the session they run. */
    public void write(HttpServletResponse response, String secret) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(name, secret)
                .httpOnly(true).sameSite("Lax").path("/").maxAge(LIFETIME).build().toString());
    }

    /** Forgets the secret: the browser drops the cookie. */
    public void clear(HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(name, "")
                .httpOnly(true).sameSite("Lax").path("/").maxAge(0).build().toString());
    }
}
