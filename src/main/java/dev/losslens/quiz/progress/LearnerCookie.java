package dev.losslens.quiz.progress;

import dev.losslens.system.web.SecretCookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/** Where a learner's secret lives: an HttpOnly, SameSite cookie, issued on their first question. */
public final class LearnerCookie {

    public static final String NAME = "losslens-learner";
    private static final SecretCookie COOKIE = new SecretCookie(NAME);

    private LearnerCookie() {
    }

    public static Optional<Learner> read(HttpServletRequest request) {
        return COOKIE.read(request).map(Learner::of);
    }

    public static Learner readOrIssue(HttpServletRequest request, HttpServletResponse response) {
        return Learner.of(COOKIE.readOrIssue(request, response));
    }

    public static void clear(HttpServletResponse response) {
        COOKIE.clear(response);
    }
}
