package dev.losslens.lecture;

import dev.losslens.account.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * Who asks to steer a session: the browser's presenter key (the browser that opened it, or a phone paired to it),
 * and the instructor signed in on the request, if any.
 */
record Presenter(Optional<String> key, Optional<SignedIn> person) {

    static Presenter of(HttpServletRequest request) {
        return new Presenter(ClassCookies.PRESENTER.read(request), SignedIn.current());
    }

    /** As {@link #of}, giving the browser a presenter key first when it has none (runs it starts are owned by it). */
    static Presenter keyed(HttpServletRequest request, HttpServletResponse response) {
        return new Presenter(Optional.of(ClassCookies.PRESENTER.readOrIssue(request, response)), SignedIn.current());
    }

    /** The owner a session opened by this presenter gets: the signed-in name, or none. */
    String owner() {
        return person.map(SignedIn::name).orElse(null);
    }

    /** Whether the account signed in may steer a session with this owner: the owner, or an administrator. */
    boolean accountMaySteer(String sessionOwner) {
        return person.filter(p -> p.administrator() || p.name().equals(sessionOwner)).isPresent();
    }
}
