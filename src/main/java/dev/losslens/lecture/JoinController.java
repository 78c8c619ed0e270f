package dev.losslens.lecture;

import dev.losslens.system.rejection.FormErrors;
import dev.losslens.system.rejection.FormNumbers;
import dev.losslens.system.words.Wording;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A student's pages: type the code, then answer the current question on the phone. No sign-in, no names. */
@Controller
class JoinController {

    private final ClassService classes;
    private final ClassVotes votes;
    private final ClassSnapshots snapshots;
    private final Wording wording;

    JoinController(ClassService classes, ClassVotes votes, ClassSnapshots snapshots, Wording wording) {
        this.classes = classes;
        this.votes = votes;
        this.snapshots = snapshots;
        this.wording = wording;
    }

    @GetMapping("/join")
    String join(@RequestParam(required = false) String code, HttpServletResponse response, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("errors", Map.of());
        if (code == null) {
            return "join/index";
        }
        FormErrors errors = new FormErrors();
        ClassSession session = errors.attempt(() -> classes.session(code));
        if (session != null) {
            return "redirect:/join/" + session.code();
        }
        response.setStatus(errors.status().value());
        model.addAttribute("errors", wording.page(errors));
        return "join/index";
    }

    @GetMapping("/join/{code}")
    String session(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model) {
        show(classes.session(code), ClassCookies.PARTICIPANT.readOrIssue(request, response), model);
        model.addAttribute("errors", Map.of());
        return "join/session";
    }

    /** The same answer without JavaScript: the form posts, the page comes back with the answer marked. */
    @PostMapping("/join/{code}")
    String vote(@PathVariable String code, @RequestParam(required = false) String question,
                @RequestParam(required = false) String choice, @RequestParam(required = false) String number,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        String participant = ClassCookies.PARTICIPANT.readOrIssue(request, response);
        FormErrors errors = new FormErrors();
        errors.attempt(() -> {
            votes.vote(code, participant, question, FormNumbers.integer("choice", choice),
                    FormNumbers.decimal("number", number));
            return true;
        });
        show(classes.session(code), participant, model);
        response.setStatus(errors.status().value());
        model.addAttribute("errors", wording.page(errors));
        model.addAttribute("saved", errors.isEmpty());
        return "join/session";
    }

    private void show(ClassSession session, String participant, Model model) {
        ClassState state = snapshots.state(session);
        model.addAttribute("state", state);
        model.addAttribute("mine", votes.myVote(session, state.poll() == null ? null : state.poll().question(),
                Optional.of(participant)).orElse(null));
    }
}
