package dev.losslens.system.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-site request forgery guard for the forms: a browser that posts from another site says so in
 * {@code Sec-Fetch-Site} or {@code Origin}, and such a write is refused before it can queue anything. Clients that
 * send neither header (scripts, curl) are not browsers acting for a visitor and pass.
 */
@Component
class SameOriginWrites extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isWrite(request) && isCrossSite(request)) {
            ProblemResponse.write(response, HttpStatus.FORBIDDEN, "Cross-site writes are refused: send this request "
                    + "from a page of LossLens itself", origin(request));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The header that showed the request came from another site. */
    private static String origin(HttpServletRequest request) {
        return request.getHeader("Sec-Fetch-Site") != null ? "Sec-Fetch-Site" : "Origin";
    }

    private static boolean isWrite(HttpServletRequest request) {
        String method = request.getMethod();
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    private static boolean isCrossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            // "same-site" is a sibling host (another subdomain of the university, say): not this app
            return !fetchSite.equals("same-origin") && !fetchSite.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.equals("null")) {
            return origin != null;
        }
        URI from;
        try {
            from = new URI(origin);
        } catch (URISyntaxException malformed) {
            return true;
        }
        return !(request.getServerName().equalsIgnoreCase(from.getHost()) && port(from) == request.getServerPort());
    }

    private static int port(URI origin) {
        if (origin.getPort() != -1) {
            return origin.getPort();
        }
        return "https".equalsIgnoreCase(origin.getScheme()) ? 443 : 80;
    }
}
