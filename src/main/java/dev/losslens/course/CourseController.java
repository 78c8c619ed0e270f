package dev.losslens.course;

import dev.losslens.comparison.ComparisonService;
import dev.losslens.lab.LabPreset;
import dev.losslens.notation.Keyed;
import dev.losslens.quiz.bank.Concept;
import dev.losslens.quiz.bank.QuizBank;
import dev.losslens.quiz.progress.LearnerCookie;
import dev.losslens.quiz.progress.Progress;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.UriComponentsBuilder;

/** The self-learner's guided path: the ideas in order, each with what shows it and its quiz. */
@Controller
class CourseController {

    private final QuizBank bank;
    private final Progress progress;
    private final ComparisonService comparisons;

    CourseController(QuizBank bank, Progress progress, ComparisonService comparisons) {
        this.bank = bank;
        this.progress = progress;
        this.comparisons = comparisons;
    }

    @GetMapping("/learn")
    String learn(HttpServletRequest request, Model model) {
        model.addAttribute("concepts", bank.concepts());
        model.addAttribute("mastery", progress.mastery(LearnerCookie.read(request)));
        model.addAttribute("labRuns", bank.concepts().stream().filter(concept -> !concept.mystery())
                .map(Concept::preset).distinct()
                .collect(Collectors.toMap(Function.identity(), this::labRun)));
        return "learn";
    }

    /** A concept's lab run: the preset's run when there is one (finished, or training now), else the filled form. */
    private LabRun labRun(String preset) {
        return Keyed.parse(LabPreset.class, preset).flatMap(chosen -> comparisons.latestId(chosen.request()))
                .map(run -> new LabRun("/runs/" + run, run))
                .orElseGet(() -> new LabRun(UriComponentsBuilder.fromPath("/runs/new").queryParam("preset", preset)
                        .fragment("lab-form").build().toUriString(), null));
    }

    /** Where a concept's lab button goes, and the run it opens (null: the form, to set one up). */
    record LabRun(String href, Long run) {
    }
}
