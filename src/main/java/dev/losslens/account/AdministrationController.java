package dev.losslens.account;

import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The administrator's page: the accounts, adding and removing instructors, and the audit trail. */
@Controller
class AdministrationController {

    static final int MIN_PASSWORD_CHARS = 12;
    /** BCrypt reads at most 72 bytes; a longer password would be cut without saying so. */
    static final int MAX_PASSWORD_BYTES = 72;
    private static final int AUDIT_SHOWN = 100;

    private final AccountStore accounts;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;

    AdministrationController(AccountStore accounts, PasswordEncoder encoder, AuditTrail audit) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
    }

    @GetMapping("/admin")
    String page(Model model) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("audit", audit.latest(AUDIT_SHOWN));
        model.addAttribute("minPassword", MIN_PASSWORD_CHARS);
        model.addAttribute("maxPassword", MAX_PASSWORD_BYTES);
        model.addAttribute("maxName", Usernames.MAX_CHARS);
        return "account/admin";
    }

    @PostMapping("/admin/instructors")
    String add(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
               Model model) {
        String name = Usernames.normalise(username);
        String problem = !Usernames.valid(name) ? "page.admin.error.name"
                : password.length() < MIN_PASSWORD_CHARS ? "page.admin.error.short"
                : password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES
                ? "page.admin.error.long"
                : !accounts.add(name, encoder.encode(password), Role.INSTRUCTOR) ? "page.admin.error.taken" : null;
        if (problem != null) {
            model.addAttribute("problem", problem);
            model.addAttribute("username", username);
            return page(model);
        }
        audit.record("add-instructor", name);
        return "redirect:/admin?added=" + name;
    }

    @PostMapping("/admin/instructors/{username}/remove")
    String remove(@PathVariable String username) {
        String name = Usernames.normalise(username);
        if (accounts.removeInstructor(name)) {
            audit.record("remove-instructor", name);
        }
        return "redirect:/admin";
    }
}
