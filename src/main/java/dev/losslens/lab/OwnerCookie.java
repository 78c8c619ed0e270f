package dev.losslens.lab;

import dev.losslens.comparison.OwnerSecret;
import dev.losslens.system.web.SecretCookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * Where a client keeps its {@link OwnerSecret}: browsers in an HttpOnly cookie set on their first submission, API
 * clients in the {@value #HEADER} header (the 202 answer hands them the token).
 */
public final class OwnerCookie {

    static final String NAME = "losslens-owner";
    static final String HEADER = "X-Owner-Token";
    private static final SecretCookie COOKIE = new SecretCookie(NAME);

    private OwnerCookie() {
    }

    static Optional<OwnerSecret> read(HttpServletRequest request) {
        Optional<OwnerSecret> header = OwnerSecret.parse(request.getHeader(HEADER));
        return header.isPresent() ? header : COOKIE.read(request).map(OwnerSecret::new);
    }

    /** Who a request is, for per-person limits: its owner secret (see {@link SecretCookie#person}). */
    static String person(HttpServletRequest request) {
        return SecretCookie.person(read(request).map(OwnerSecret::value), request);
    }

    /** The client's secret, issuing a new one (and its cookie) to a client that has none. */
    public static OwnerSecret readOrIssue(HttpServletRequest request, HttpServletResponse response) {
        Optional<OwnerSecret> header = OwnerSecret.parse(request.getHeader(HEADER));
        return header.orElseGet(() -> new OwnerSecret(COOKIE.readOrIssue(request, response)));
    }
}
