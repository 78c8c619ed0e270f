package dev.losslens.account;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Checks a password against its BCrypt hash, unless the name or the client address has failed too often lately. */
class ThrottledSignIn implements AuthenticationProvider {

    /** Refused before the password is even checked. */
    static final class TooManyFailures extends AuthenticationException {
        TooManyFailures() {
            super("too many failed sign-ins");
        }
    }

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;

    ThrottledSignIn(DaoAuthenticationProvider passwords, SignInThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String client = attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "";
        if (!throttle.allows(attempt.getName(), client)) {
            throw new TooManyFailures();
        }
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            throttle.succeeded(attempt.getName());
            return signedIn;
        } catch (BadCredentialsException wrong) {
            throttle.failed(attempt.getName(), client);
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
