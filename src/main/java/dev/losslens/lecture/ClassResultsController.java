package dev.losslens.lecture;

import dev.losslens.account.AuditTrail;
import dev.losslens.quiz.bank.Concept;
import dev.losslens.quiz.bank.QuizBank;
import dev.losslens.quiz.progress.ConceptMastery;
import dev.losslens.quiz.progress.Progress;
import dev.losslens.system.files.CsvTable;
import dev.losslens.system.words.Wording;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Results for the signed-in instructor: their class sessions' polls (histogram and share right), the same question
 * across sessions, and the quiz's mastery per concept across learners, with nobody named; each as CSV too.
 */
@Controller
class ClassResultsController {

    private static final List<String> MASTERY_COLUMNS = List.of("concept", "title", "learners", "mean_share_right",
            "mastered");

    private final ClassResults results;
    private final Progress progress;
    private final QuizBank bank;
    private final AuditTrail audit;
    private final Wording words;

    ClassResultsController(ClassResults results, Progress progress, QuizBank bank, AuditTrail audit, Wording words) {
        this.results = results;
        this.progress = progress;
        this.bank = bank;
        this.audit = audit;
        this.words = words;
    }

    @GetMapping("/instructor/results")
    String index(HttpServletRequest request, Model model) {
        List<ClassSession> sessions = results.sessions(Presenter.of(request));
        List<ClassSession> latest = sessions.stream().limit(ClassResults.SIDE_BY_SIDE).toList();
        model.addAttribute("sessions", sessions);
        model.addAttribute("latest", latest);
        model.addAttribute("across", results.sideBySide(latest));
        model.addAttribute("mastery", progress.acrossLearners());
        model.addAttribute("concepts", conceptTitles());
        return "lecture/results";
    }

    @GetMapping("/instructor/results/{code}")
    String session(@PathVariable String code, HttpServletRequest request, Model model) {
        model.addAttribute("results", results.of(code, Presenter.of(request)));
        return "lecture/session-results";
    }

    @GetMapping(path = "/instructor/results/{code}/polls.csv", produces = "text/csv")
    ResponseEntity<String> sessionCsv(@PathVariable String code, HttpServletRequest request) {
        ClassResults.SessionResults session = results.of(code, Presenter.of(request));
        CsvTable csv = PollTally.csv(session.polls());
        audit.record("export-class-results", session.session().code());
        return csv.attachment("losslens-class-" + session.session().code() + ".csv");
    }

    @GetMapping(path = "/instructor/results/mastery.csv", produces = "text/csv")
    ResponseEntity<String> masteryCsv() {
        CsvTable csv = new CsvTable(MASTERY_COLUMNS);
        for (ConceptMastery concept : progress.acrossLearners()) {
            csv.row(concept.concept(), conceptTitles().getOrDefault(concept.concept(), concept.concept()),
                    concept.learners(), concept.meanShare(), concept.mastered());
        }
        audit.record("export-mastery", "quiz");
        return csv.attachment("losslens-mastery.csv");
    }

    /** Concept id → its title in the reader's language; the instructors' questions count as one concept. */
    private Map<String, String> conceptTitles() {
        Map<String, String> titles = new LinkedHashMap<>(bank.concepts().stream()
                .collect(Collectors.toMap(Concept::id, Concept::title)));
        titles.put(Concept.INSTRUCTORS, words.page("quiz.instructors.title"));
        return titles;
    }
}
