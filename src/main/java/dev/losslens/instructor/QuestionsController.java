package dev.losslens.instructor;

import dev.losslens.notation.Keyed;
import dev.losslens.quiz.authored.AuthoredQuestion;
import dev.losslens.quiz.authored.GiftImport;
import dev.losslens.quiz.authored.Question;
import dev.losslens.quiz.authored.QuestionKind;
import dev.losslens.quiz.bank.Concept;
import dev.losslens.quiz.bank.QuizItem;
import dev.losslens.quiz.grading.Answer;
import dev.losslens.quiz.grading.Grade;
import dev.losslens.quiz.grading.QuizService;
import dev.losslens.quiz.pages.FormAnswer;
import dev.losslens.system.rejection.FormErrors;
import dev.losslens.system.rejection.FormNumbers;
import dev.losslens.system.rejection.InvalidInputException;
import dev.losslens.system.rejection.NotFoundException;
import dev.losslens.system.rejection.RejectedRequestException;
import dev.losslens.system.rejection.Rejection;
import dev.losslens.system.web.WebProperties;
import dev.losslens.system.words.Wording;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The instructor's question pages: the list with its limits, the editor with a preview drawn by the learner's own
 * template, a question's page where it can be tried as a learner answers it, and the GIFT import with a preview of
 * what it would add. Every form is plain HTML and works without JavaScript.
 */
@Controller
@RequestMapping("/instructor/questions")
class QuestionsController {

    private final InstructorQuestions questions;
    private final QuizService quiz;
    private final Wording wording;
    private final WebProperties web;

    QuestionsController(InstructorQuestions questions, QuizService quiz, Wording wording, WebProperties web) {
        this.questions = questions;
        this.quiz = quiz;
        this.wording = wording;
        this.web = web;
    }

    @GetMapping
    String list(@RequestParam(required = false) String deleted, @RequestParam(required = false) String imported,
                Model model) {
        model.addAttribute("questions", questions.visible().stream().map(this::row).toList());
        model.addAttribute("kept", questions.kept());
        model.addAttribute("limits", questions.limits());
        model.addAttribute("kinds", QuestionKind.values());
        model.addAttribute("deleted", deleted == null ? null : FormNumbers.whole("deleted", deleted));
        model.addAttribute("imported", imported == null ? null : FormNumbers.integer("imported", imported));
        return "instructor/questions";
    }

    /** A question as the list shows it: what it asks in one line, and whether the caller may change it. */
    record Row(AuthoredQuestion stored, String kind, String summary, boolean mayChange) {
    }

    private Row row(AuthoredQuestion stored) {
        QuizItem item = stored.quizItem();
        return new Row(stored, wording.page("page.questions.kind." + stored.question().kind()),
                quiz.summary(item, 0), questions.mayChange(stored));
    }

    @GetMapping("/new")
    String create(@RequestParam(required = false) String kind, Model model) {
        QuestionKind chosen = kind == null ? QuestionKind.CHOICE : Keyed.parse(QuestionKind.class, kind)
                .orElseThrow(() -> new NotFoundException("kind", "one-of", new Rejection.Field("kind"),
                        List.of(Keyed.choices(QuestionKind.class))));
        return editor(QuestionForm.blank(chosen), null, null, Map.of(), model);
    }

    @PostMapping
    String created(@RequestParam Map<String, String> fields, Model model, HttpServletResponse http) {
        return submitted(null, fields, model, http);
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable String id, Model model) {
        AuthoredQuestion stored = questions.changeable(id(id));
        return editor(QuestionForm.of(stored.question()), stored, null, Map.of(), model);
    }

    @PostMapping("/{id}")
    String edited(@PathVariable String id, @RequestParam Map<String, String> fields, Model model,
                  HttpServletResponse http) {
        return submitted(questions.changeable(id(id)), fields, model, http);
    }

    /**
     * Saves the form, or shows it again: with the preview when asked for one ({@code action=preview}), or with every
     * fault beside its control. Nothing is stored unless the whole question is right.
     */
    private String submitted(AuthoredQuestion stored, Map<String, String> fields, Model model,
                             HttpServletResponse http) {
        QuestionForm form = QuestionForm.from(fields);
        FormErrors errors = new FormErrors();
        Question asked = form.toQuestion(errors);
        Question checked = errors.attempt(() -> questions.check(asked));
        boolean preview = "preview".equals(fields.get("action"));
        if (errors.isEmpty() && !preview) {
            AuthoredQuestion saved = errors.attempt(() -> stored == null ? questions.create(asked)
                    : questions.update(stored.id(), asked));
            if (saved != null) {
                return "redirect:/instructor/questions/" + saved.id() + "?saved=1";
            }
        }
        http.setStatus(errors.status().value());
        Map<String, String> shown = new LinkedHashMap<>();
        errors.rejections().forEach(rejection -> shown.putIfAbsent(form.controlId(rejection.field()),
                QuestionForm.message(rejection, wording)));
        return editor(form, stored, errors.isEmpty() ? checked : null, shown, model);
    }

    private String editor(QuestionForm form, AuthoredQuestion stored, Question preview, Map<String, String> errors,
                          Model model) {
        model.addAttribute("form", form);
        model.addAttribute("kind", form.questionKind());
        model.addAttribute("rows", form.rows(questions.limits().options()));
        model.addAttribute("stored", stored);
        model.addAttribute("limits", questions.limits());
        model.addAttribute("errors", errors);
        model.addAttribute("preview", preview == null ? null
                : quiz.view(preview.item("draft", Concept.INSTRUCTORS), 0));
        return "instructor/question-form";
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, @RequestParam(required = false) String saved, Model model) {
        AuthoredQuestion stored = questions.get(id(id));
        model.addAttribute("saved", saved != null);
        return question(stored, null, null, Map.of(), model);
    }

    /** Grades a try as the quiz grades a learner's answer, without storing it anywhere. */
    @PostMapping("/{id}/try")
    String tried(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model,
                 HttpServletResponse http) {
        AuthoredQuestion stored = questions.get(id(id));
        QuizItem item = stored.quizItem();
        FormErrors errors = new FormErrors();
        Answer answer = errors.attempt(() -> FormAnswer.read(form, 0));
        Grade grade = answer == null ? null : errors.attempt(() -> quiz.grade(item, 0, answer));
        http.setStatus(errors.status().value());
        model.addAttribute("saved", false);
        return question(stored, answer, grade, wording.page(errors), model);
    }

    private String question(AuthoredQuestion stored, Answer given, Grade grade, Map<String, String> errors,
                            Model model) {
        model.addAttribute("stored", stored);
        model.addAttribute("kind", wording.page("page.questions.kind." + stored.question().kind()));
        model.addAttribute("view", quiz.view(stored.quizItem(), 0));
        model.addAttribute("mayChange", questions.mayChange(stored));
        model.addAttribute("given", given);
        model.addAttribute("grade", grade);
        model.addAttribute("errors", errors);
        return "instructor/question";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable String id) {
        long number = id(id);
        questions.delete(number);
        return "redirect:/instructor/questions?deleted=" + number;
    }

    @GetMapping("/import")
    String importForm(Model model) {
        return importPage("", null, List.of(), null, model);
    }

    /**
     * Checks pasted GIFT text ({@code action=check}) and shows what it would add, or imports it: every question, or
     * none when any is bad or the caller's cap would be passed.
     */
    @PostMapping("/import")
    String imported(@RequestParam(defaultValue = "") String gift, @RequestParam(defaultValue = "check") String action,
                    Model model, HttpServletResponse http) {
        GiftImport.Plan plan;
        try {
            plan = questions.plan(gift);
        } catch (RejectedRequestException rejected) {
            http.setStatus(rejected.status().value());
            return importPage(gift, null, List.of(), message(rejected.rejections().get(0)), model);
        }
        List<String> problems = plan.problems().stream().map(problem -> wording.page("gift.line", problem.line(),
                message(problem.rejection()))).toList();
        if (!plan.clean()) {
            http.setStatus(HttpStatus.BAD_REQUEST.value());
            return importPage(gift, plan, problems, null, model);
        }
        if ("import".equals(action)) {
            try {
                int added = questions.importGift(gift).size();
                return "redirect:/instructor/questions?imported=" + added;
            } catch (RejectedRequestException rejected) {
                http.setStatus(rejected.status().value());
                return importPage(gift, plan, problems, message(rejected.rejections().get(0)), model);
            }
        }
        return importPage(gift, plan, problems, null, model);
    }

    private String importPage(String gift, GiftImport.Plan plan, List<String> problems, String refusal, Model model) {
        model.addAttribute("gift", gift);
        model.addAttribute("plan", plan);
        model.addAttribute("problems", problems);
        model.addAttribute("refusal", refusal);
        model.addAttribute("limits", questions.limits());
        model.addAttribute("room", Math.max(0, questions.limits().perInstructor() - questions.kept()));
        model.addAttribute("maxBodyBytes", web.maxBodyBytes());
        model.addAttribute("summaries", plan == null ? List.of() : plan.questions().stream()
                .map(read -> wording.page("page.questions.kind." + read.question().kind())).toList());
        return "instructor/import";
    }

    /** A problem of one imported question, its fields named by the editor's labels. */
    private String message(Rejection rejection) {
        return QuestionForm.message(rejection, wording);
    }

    /** A question's number from the address: 404 for a number no question has, 400 for anything else. */
    private static long id(String id) {
        if (id == null || !id.matches("[0-9]{1,18}") || Long.parseLong(id) < 1) {
            throw new InvalidInputException("id", "questions.id", Objects.toString(id, ""));
        }
        return Long.parseLong(id);
    }
}
