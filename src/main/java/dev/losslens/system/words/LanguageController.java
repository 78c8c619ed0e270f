package dev.losslens.system.words;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** The language switch: it only remembers the choice and goes back to the page it was on. */
@Controller
class LanguageController {

    private final LocaleResolver locales;

    LanguageController(LocaleResolver locales) {
        this.locales = locales;
    }

    @GetMapping("/language")
    String choose(@RequestParam("lang") String tag, HttpServletRequest request, HttpServletResponse response) {
        locales.setLocale(request, response, Languages.available(tag));
        return "redirect:" + back(request);
    }

    /**
     * Where to go back to after switching: the path and query of the page the switch was on, never another host (the
     * referrer policy is same-origin, so a page of this app always sends it).
     */
    private static String back(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return "/";
        }
        try {
            URI from = new URI(referer);
            String path = from.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return "/";
            }
            return from.getRawQuery() == null ? path : path + "?" + from.getRawQuery();
        } catch (URISyntaxException malformed) {
            return "/";
        }
    }
}
