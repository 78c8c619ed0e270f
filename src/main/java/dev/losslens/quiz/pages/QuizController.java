package dev.losslens.quiz.pages;

import dev.losslens.quiz.bank.Concept;
import dev.losslens.quiz.bank.QuizBank;
import dev.losslens.quiz.bank.QuizItem;
import dev.losslens.quiz.grading.Answer;
import dev.losslens.quiz.grading.ItemView;
import dev.losslens.quiz.grading.QuizService;
import dev.losslens.quiz.grading.RunNotFinishedException;
import dev.losslens.quiz.progress.Learner;
import dev.losslens.quiz.progress.LearnerCookie;
import dev.losslens.quiz.progress.Progress;
import dev.losslens.system.rejection.FormErrors;
import dev.losslens.system.rejection.FormNumbers;
import dev.losslens.system.rejection.NotFoundException;
import dev.losslens.system.words.Wording;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The quiz pages: pick a concept or a check, then one question at a time with immediate feedback, then the score.
 * Every form is plain HTML, so the quiz works without JavaScript.
 */
@Controller
class QuizController {

    private final QuizBank bank;
    private final QuizConcepts concepts;
    private final QuizService quiz;
    private final Progress progress;
    private final Wording wording;

    QuizController(QuizBank bank, QuizConcepts concepts, QuizService quiz, Progress progress, Wording wording) {
        this.bank = bank;
        this.concepts = concepts;
        this.quiz = quiz;
        this.progress = progress;
        this.wording = wording;
    }

    @GetMapping("/quiz")
    String index(HttpServletRequest request, Model model) {
        Optional<Learner> learner = LearnerCookie.read(request);
        model.addAttribute("concepts", bank.concepts());
        model.addAttribute("instructors", concepts.instructors());
        model.addAttribute("instructorQuestions", concepts.instructorQuestions());
        model.addAttribute("mastery", progress.mastery(learner));
        model.addAttribute("missed", missed(learner).size());
        return "quiz/index";
    }

    /** Starts a sitting: one concept's items, a check across the course, or the items last answered wrong. */
    @GetMapping("/quiz/start")
    String start(@RequestParam(required = false) String concept, @RequestParam(required = false) String what,
                 HttpServletRequest request) {
        Optional<Learner> learner = LearnerCookie.read(request);
        List<String> missed = missed(learner);
        QuizSet set;
        if (Concept.INSTRUCTORS.equals(concept)) {
            List<String> theirs = concepts.instructorItems();
            if (theirs.isEmpty()) {
                throw new NotFoundException("concept", "quiz.no-instructor-questions");
            }
            set = QuizSet.instructors(theirs, missed, progress.latest(learner).keySet());
        } else if (concept != null) {
            set = QuizSet.of(concepts.concept(concept));
        } else if ("missed".equals(what) && !missed.isEmpty()) {
            set = new QuizSet(missed.stream().limit(QuizSet.CHECK_SIZE).toList());
        } else {
            set = QuizSet.check(concepts.pools(), missed, progress.latest(learner).keySet());
        }
        return "redirect:" + runUrl(set, 0);
    }

    /** Items last answered wrong that are still there to practise (an instructor may have deleted one). */
    private List<String> missed(Optional<Learner> learner) {
        return concepts.existing(progress.missed(learner));
    }

    @GetMapping("/quiz/run")
    String run(@RequestParam(required = false) String set, @RequestParam(defaultValue = "0") String at,
               HttpServletRequest request, HttpServletResponse response, Model model) {
        QuizSet sitting = QuizSet.parse(set, concepts);
        int position = position(at);
        QuizItem item = quiz.item(sitting.item(position));
        Learner learner = LearnerCookie.readOrIssue(request, response);
        show(model, sitting, position, quiz.view(item, learner.variantOf(item)));
        return "quiz/run";
    }

    @PostMapping("/quiz/run")
    String answer(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        QuizSet sitting = QuizSet.parse(form.getFirst("set"), concepts);
        int position = position(form.getFirst("at"));
        QuizItem item = quiz.item(sitting.item(position));
        Learner learner = LearnerCookie.readOrIssue(request, response);
        int variant = learner.variantOf(item);
        show(model, sitting, position, quiz.view(item, variant));
        FormErrors errors = new FormErrors();
        Answer answer = errors.attempt(() -> FormAnswer.read(form, variant));
        Progress.Result result = answer == null ? null : errors.attempt(() -> {
            try {
                return progress.answer(learner, item, answer);
            } catch (RunNotFinishedException e) {
                model.addAttribute("pending", e.run());
                throw e;
            }
        });
        response.setStatus(errors.status().value());
        model.addAttribute("errors", wording.page(errors));
        model.addAttribute("result", result);
        model.addAttribute("given", answer);
        return "quiz/run";
    }

    @GetMapping("/quiz/score")
    String score(@RequestParam(required = false) String set, HttpServletRequest request, Model model) {
        QuizSet sitting = QuizSet.parse(set, concepts);
        Optional<Learner> learner = LearnerCookie.read(request);
        Map<String, Boolean> latest = progress.latest(learner);
        List<ScoreRow> rows = sitting.items().stream().map(id -> {
            QuizItem item = quiz.item(id);
            Concept concept = concepts.concept(item.concept());
            int variant = learner.map(someone -> someone.variantOf(item)).orElse(0);
            return new ScoreRow(quiz.summary(item, variant), concept, latest.get(id),
                    runUrl(new QuizSet(List.of(id)), 0));
        }).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("right", rows.stream().filter(row -> Boolean.TRUE.equals(row.correct())).count());
        return "quiz/score";
    }

    /** One question of a finished sitting: what it asked, the learner's latest verdict, where to practise it again. */
    record ScoreRow(String question, Concept concept, Boolean correct, String retry) {
    }

    private void show(Model model, QuizSet sitting, int position, ItemView view) {
        Concept concept = concepts.concept(view.concept());
        model.addAttribute("view", view);
        model.addAttribute("concept", concept);
        model.addAttribute("authored", concept.byInstructors());
        model.addAttribute("set", sitting.text());
        model.addAttribute("at", position);
        model.addAttribute("total", sitting.items().size());
        model.addAttribute("next", position + 1 < sitting.items().size() ? runUrl(sitting, position + 1)
                : UriComponentsBuilder.fromPath("/quiz/score").queryParam("set", sitting.text()).build().toUriString());
        model.addAttribute("errors", Map.of());
    }

    private static String runUrl(QuizSet set, int at) {
        return UriComponentsBuilder.fromPath("/quiz/run").queryParam("set", set.text()).queryParam("at", at)
                .build().toUriString();
    }

    /** Where in the set the learner is: the first item unless the form says otherwise. */
    private static int position(String at) {
        return Objects.requireNonNullElse(FormNumbers.integer("at", at), 0);
    }
}
