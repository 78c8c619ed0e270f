package dev.losslens.instructor;

import dev.losslens.quiz.authored.LineProblem;
import dev.losslens.system.rejection.RejectedRequestException;
import dev.losslens.system.rejection.Rejection;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * GIFT text with bad questions: nothing is imported. The API answers 400 naming {@code gift}, with every problem
 * under its line ({@code "line 12": "…"}; a second problem on the same line is keyed by its field too).
 */
class GiftRejectedException extends RejectedRequestException {

    private final List<Rejection> rejections;

    GiftRejectedException(List<LineProblem> problems) {
        super(HttpStatus.BAD_REQUEST, "gift", "gift.rejected", problems.stream().map(LineProblem::line).distinct()
                .count());
        List<Rejection> all = new ArrayList<>(super.rejections());
        List<String> keys = new ArrayList<>();
        for (LineProblem problem : problems) {
            String key = "line " + problem.line();
            if (keys.contains(key)) {
                key += ", " + problem.rejection().field();
            }
            keys.add(key);
            all.add(new Rejection(key, problem.rejection().code(), problem.rejection().arguments()));
        }
        this.rejections = List.copyOf(all);
    }

    @Override
    public List<Rejection> rejections() {
        return rejections;
    }
}
