package dev.losslens.bugzoo;

import dev.losslens.bugzoo.Mysteries.MysteryView;
import dev.losslens.lab.OwnerCookie;
import dev.losslens.quiz.bank.QuizBank;
import dev.losslens.quiz.progress.Learner;
import dev.losslens.quiz.progress.LearnerCookie;
import dev.losslens.quiz.progress.Progress;
import dev.losslens.system.rejection.FormErrors;
import dev.losslens.system.rejection.FormNumbers;
import dev.losslens.system.rejection.InvalidInputException;
import dev.losslens.system.rejection.NotFoundException;
import dev.losslens.system.rejection.Rejection;
import dev.losslens.system.words.Wording;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The mystery pages: start one from the lab or the course path, read its symptoms, name its bug, read the reveal. */
@Controller
class MysteryController {

    private final Mysteries mysteries;
    private final MysteryRuns runs;
    private final QuizBank bank;
    private final Progress progress;
    private final Wording wording;

    MysteryController(Mysteries mysteries, MysteryRuns runs, QuizBank bank, Progress progress, Wording wording) {
        this.mysteries = mysteries;
        this.runs = runs;
        this.bank = bank;
        this.progress = progress;
        this.wording = wording;
    }

    @PostMapping("/mysteries")
    String start(HttpServletRequest request, HttpServletResponse response) {
        MysteryView mystery = mysteries.start(LearnerCookie.readOrIssue(request, response),
                OwnerCookie.readOrIssue(request, response), request.getRemoteAddr());
        return "redirect:/mysteries/" + mystery.id();
    }

    @GetMapping("/mysteries/{number}")
    String show(@PathVariable String number, HttpServletRequest request, Model model) {
        Optional<Learner> learner = LearnerCookie.read(request);
        show(model, mysteries.view(id(number), learner), learner, null, Map.of());
        return "bugzoo/mystery";
    }

    /** The answer form names a bug by its option's index, so the page holds no bug's key. */
    @PostMapping("/mysteries/{number}/answer")
    String answer(@PathVariable String number, @RequestParam(required = false) String choice,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        long id = id(number);
        Optional<Learner> learner = LearnerCookie.read(request);
        FormErrors errors = new FormErrors();
        Integer chosen = errors.attempt(() -> option(choice));
        if (chosen != null && errors.attempt(() -> mysteries.answer(id, learner, runs.bugs().get(chosen))) != null) {
            return "redirect:/mysteries/" + id + "#verdict";
        }
        response.setStatus(errors.status().value());
        show(model, mysteries.view(id, learner), learner, chosen, wording.page(errors));
        return "bugzoo/mystery";
    }

    private void show(Model model, MysteryView mystery, Optional<Learner> learner, Integer chosen,
                      Map<String, String> errors) {
        model.addAttribute("mystery", mystery);
        model.addAttribute("options", runs.titles());
        model.addAttribute("chosen", chosen == null ? List.of() : List.of(chosen));
        model.addAttribute("errors", errors);
        model.addAttribute("concept", bank.concept(mysteries.concept()).orElseThrow());
        model.addAttribute("mastery", progress.mastery(learner).get(mysteries.concept()));
    }

    private int option(String choice) {
        Integer index = FormNumbers.integer("choice", choice);
        if (index == null) {
            throw new InvalidInputException("choice", "mystery.choose", new Rejection.Field("choice"));
        }
        if (index < 0 || index >= runs.bugs().size()) {
            throw new InvalidInputException("choice", "range", new Rejection.Field("choice"), 0,
                    runs.bugs().size() - 1);
        }
        return index;
    }

    /** {@code /mysteries/abc} names no mystery: the same answer as a number that doesn't exist. */
    static long id(String number) {
        try {
            return Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw new NotFoundException("id", "mystery.unknown", number);
        }
    }
}
