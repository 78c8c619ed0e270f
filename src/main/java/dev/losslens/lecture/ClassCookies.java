package dev.losslens.lecture;

import dev.losslens.system.web.SecretCookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The anonymous secrets of a class: the presenter's, which alone steers a session, and each participant's, which
 * keeps one answer per phone per poll. No names, no sign-in.
 */
final class ClassCookies {

    static final SecretCookie PRESENTER = new SecretCookie("losslens-presenter");
    static final SecretCookie PARTICIPANT = new SecretCookie("losslens-participant");

    private ClassCookies() {
    }

    /** Who a request is, for per-person limits: its presenter or else participant secret. */
    static String person(HttpServletRequest request) {
        return SecretCookie.person(PRESENTER.read(request).or(() -> PARTICIPANT.read(request)), request);
    }
}
