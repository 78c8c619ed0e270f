package dev.losslens.dataset;

import dev.losslens.system.rejection.Rejection;
import dev.losslens.system.rejection.Rejection.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every bad line of an upload, in the order found: the first {@code listed} one by one, the rest only counted. What is
 * wrong with a file as a whole (binary, too many lines) is always listed, first.
 */
final class LineProblems {

    private final int listed;
    private final List<LineProblem> wholeFiles = new ArrayList<>();
    private final List<LineProblem> problems = new ArrayList<>();
    private final Map<Split, Integer> counts = new EnumMap<>(Split.class);
    private int more;

    LineProblems(int listed) {
        this.listed = listed;
    }

    /** @param arguments the code's arguments after the file, which every message names first */
    void add(Split file, int line, String code, Object... arguments) {
        counts.merge(file, 1, Integer::sum);
        if (line > 0 && problems.size() >= listed) {
            more++;
            return;
        }
        List<Object> named = new ArrayList<>(arguments.length + 1);
        named.add(new Field(file.label()));
        named.addAll(Arrays.asList(arguments));
        (line == 0 ? wholeFiles : problems).add(new LineProblem(file, line, new Rejection(file.label(), code, named)));
    }

    List<LineProblem> listed() {
        List<LineProblem> all = new ArrayList<>(wholeFiles);
        all.addAll(problems);
        return all;
    }

    /** Problems found beyond the listed ones. */
    int more() {
        return more;
    }

    /** One sentence per file with problems: how many it has. */
    List<Rejection> summaries() {
        return counts.entrySet().stream().map(file -> new Rejection(file.getKey().label(), "dataset.bad-lines",
                List.<Object>of(new Field(file.getKey().label()), file.getValue()))).toList();
    }
}
