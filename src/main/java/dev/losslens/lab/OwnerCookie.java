package dev.losslens.lab;

import dev.losslens.comparison.OwnerSecret;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * Where a client keeps its {@link OwnerSecret}: browsers in an HttpOnly cookie set on their first submission, API
 * clients in the {@value #HEADER} header (the 202 answer hands them the token).
 */
final class OwnerCookie {

    static final String NAME = "losslens-owner";
    static final String HEADER = "X-Owner-Token";
    private static final Duration LIFETIME = Duration.ofDays(365);

    private OwnerCookie() {
    }

    static Optional<OwnerSecret> read(HttpServletRequest request) {
        Optional<OwnerSecret> header = OwnerSecret.parse(request.getHeader(HEADER));
        if (header.isPresent()) {
            return header;
        }
        return Arrays.stream(request.getCookies() == null ? new Cookie[0] : request.getCookies())
                .filter(cookie -> cookie.getName().equals(NAME))
                .map(cookie -> OwnerSecret.parse(cookie.getValue()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The client's secret, issuing a new one (and its cookie) to a client that has none. */
    static OwnerSecret readOrIssue(HttpServletRequest request, HttpServletResponse response) {
        return read(request).orElseGet(() -> {
            OwnerSecret secret = OwnerSecret.generate();
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(NAME, secret.value())
                    .httpOnly(true).sameSite("Lax").path("/").maxAge(LIFETIME).build().toString());
            return secret;
        });
    }
}
