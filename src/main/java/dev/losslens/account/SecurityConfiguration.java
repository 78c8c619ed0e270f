package dev.losslens.account;

import dev.losslens.system.web.ProblemResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Learners never sign in: the explorer, the lab, quizzes and joining a class stay open.
 * Instructors' pages and API sit under {@code /instructor}, the administrator's under {@code /admin}. A page asks
 * for sign-in; the API answers 401 or 403 as a Problem. Signed-in sessions live in the database (any replica serves
 * them) and get a new id at sign-in.
 * <p>
 * CSRF: every form carries a token (Thymeleaf adds it), checked against a cookie, so no session is made for learners.
 * The JSON API's writes sent without a sign-in session need no token: a browser cannot send a JSON body from another
 * site without a CORS preflight this app never grants, and {@code SameOriginWrites} refuses cross-site writes besides.
 * The pages send the token with every write, so a signed-in instructor's writes are all checked.
 */
@Configuration
@EnableConfigurationProperties(AccountProperties.class)
class SecurityConfiguration {

    static final String[] INSTRUCTOR_PATHS = {"/instructor", "/instructor/**", "/api/instructor/**"};
    static final String[] ADMINISTRATOR_PATHS = {"/admin", "/admin/**", "/api/admin/**"};
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final List<MediaType> FORM_TYPES = List.of(MediaType.APPLICATION_FORM_URLENCODED,
            MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN);

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http, AccountDetails accounts, PasswordEncoder encoder,
                                 SignInThrottle throttle) throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(encoder);
        ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/login?failed");
        failures.setExceptionMappings(Map.of(ThrottledSignIn.TooManyFailures.class.getName(), "/login?wait"));
        RequestMatcher api = request -> request.getRequestURI().startsWith("/api/");
        http
                // the only way in: no fallback manager may check a password the throttle refused to check
                .authenticationManager(new ProviderManager(new ThrottledSignIn(passwords, throttle)))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(ADMINISTRATOR_PATHS).hasRole(Role.ADMINISTRATOR.name())
                        .requestMatchers(INSTRUCTOR_PATHS).hasAnyRole(Role.INSTRUCTOR.name(), Role.ADMINISTRATOR.name())
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/instructor").failureHandler(failures)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .requestCache(cache -> cache.requestCache(new CookieRequestCache()))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie()).csrfTokenRequestHandler(new CsrfTokens())
                        .requireCsrfProtectionMatcher(SecurityConfiguration::needsToken))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor((request, response, refused) -> ProblemResponse.write(
                                response, HttpStatus.UNAUTHORIZED, "Sign in as an instructor first (POST /login)",
                                null), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> true)
                        .defaultAccessDeniedHandlerFor((request, response, denied) -> ProblemResponse.write(response,
                                HttpStatus.FORBIDDEN, "Not allowed for this account, or the request's CSRF token is "
                                        + "missing or stale", null), api))
                // SecurityHeaders writes the content policy, nosniff and the referrer policy for every response
                .headers(headers -> headers.contentTypeOptions(options -> options.disable())
                        .cacheControl(cache -> cache.disable()));
        return http.build();
    }

    private static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();
        cookie.setCookieCustomizer(token -> token.sameSite("Lax"));
        return cookie;
    }

    /**
     * A write needs the token when it comes with a sign-in session, or when it is a page's form: a body of a kind a
     * form on another site could send (the CORS-safelisted types) to a path outside the JSON API. The API's writes
     * without a session take JSON or nothing, which no other site can send without a preflight.
     */
    private static boolean needsToken(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        return request.getRequestedSessionId() != null
                || (!request.getRequestURI().startsWith("/api/") && isFormLike(request));
    }

    private static boolean isFormLike(HttpServletRequest request) {
        if (request.getContentType() == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(request.getContentType());
            return FORM_TYPES.stream().anyMatch(form -> form.isCompatibleWith(type));
        } catch (InvalidMediaTypeException malformed) {
            return true;
        }
    }
}
