package dev.losslens.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Pages carry the token masked afresh on every response (so compressed pages do not leak it, BREACH); a script sends
 * the {@code XSRF-TOKEN} cookie's value as it is, in the {@code X-XSRF-TOKEN} header or the {@code _csrf} field.
 * Either form is accepted.
 */
final class CsrfTokens implements CsrfTokenRequestHandler {

    private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();
    private final CsrfTokenRequestAttributeHandler plain = new CsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
        masked.handle(request, response, token);
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
        String unmasked = masked.resolveCsrfTokenValue(request, token);
        return unmasked != null ? unmasked : plain.resolveCsrfTokenValue(request, token);
    }
}
