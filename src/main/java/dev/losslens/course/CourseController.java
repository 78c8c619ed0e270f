package dev.losslens.course;

import dev.losslens.quiz.LearnerCookie;
import dev.losslens.quiz.Progress;
import dev.losslens.quiz.QuizBank;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The self-learner's guided path: the ideas in order, each with what shows it and its quiz. */
@Controller
class CourseController {

    private final QuizBank bank;
    private final Progress progress;

    CourseController(QuizBank bank, Progress progress) {
        this.bank = bank;
        this.progress = progress;
    }

    @GetMapping("/learn")
    String learn(HttpServletRequest request, Model model) {
        model.addAttribute("concepts", bank.concepts());
        model.addAttribute("mastery", progress.mastery(LearnerCookie.read(request)));
        return "learn";
    }
}
