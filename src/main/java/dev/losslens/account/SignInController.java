package dev.losslens.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form (Spring Security checks what it posts) and the signed-in instructor's start page. */
@Controller
class SignInController {

    private final AccountProperties properties;

    SignInController(AccountProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/login")
    String signIn(Model model) {
        model.addAttribute("minutes", properties.failureWindow().toMinutes());
        return "account/login";
    }

    @GetMapping("/instructor")
    String start(Model model) {
        SignedIn person = SignedIn.current().orElseThrow();
        model.addAttribute("name", person.name());
        model.addAttribute("administrator", person.administrator());
        return "account/instructor";
    }
}
