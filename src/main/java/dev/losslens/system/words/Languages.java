package dev.losslens.system.words;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The languages the pages speak: English, and the pseudo-locale {@code en-XA} that proves every sentence comes from a
 * bundle. A reader's choice is remembered in a cookie; without one the browser's {@code Accept-Language} decides, and
 * English is what anyone else reads.
 */
@Configuration(proxyBeanMethods = false)
public class Languages {

    static final Locale ENGLISH = Locale.ENGLISH;
    static final Locale PSEUDO = Locale.forLanguageTag("en-XA");
    static final List<Locale> AVAILABLE = List.of(ENGLISH, PSEUDO);
    static final String COOKIE = "losslens-language";

    /**
     * Named so that Spring's dispatcher finds it and Boot's own resolver stands aside. The API always answers in
     * English, whatever language the browser that calls it has chosen for the pages.
     */
    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();
        browser.setSupportedLocales(AVAILABLE);
        browser.setDefaultLocale(ENGLISH);
        CookieLocaleResolver remembered = new CookieLocaleResolver(COOKIE);
        remembered.setCookieMaxAge(Duration.ofDays(365));
        remembered.setCookieHttpOnly(true);
        remembered.setCookieSameSite("Lax");
        remembered.setDefaultLocaleFunction(browser::resolveLocale);
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return request.getRequestURI().startsWith("/api/") ? ENGLISH : remembered.resolveLocale(request);
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                remembered.setLocale(request, response, locale);
            }
        };
    }

    /** Wraps whatever message source Boot builds from {@code spring.messages.*}, so every basename gets en-XA. */
    @Bean
    static BeanPostProcessor pseudoLocalisedMessages() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return name.equals("messageSource") && bean instanceof MessageSource english
                        ? new PseudoLocalisedMessages(english) : bean;
            }
        };
    }

    /** For the language switch on every page. */
    public List<Locale> getAvailable() {
        return AVAILABLE;
    }

    /** One of the available languages by its tag, or English for anything else a client sends. */
    static Locale available(String tag) {
        return AVAILABLE.stream().filter(locale -> locale.toLanguageTag().equalsIgnoreCase(tag)).findFirst()
                .orElse(ENGLISH);
    }
}
