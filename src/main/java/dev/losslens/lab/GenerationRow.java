package dev.losslens.lab;

import dev.losslens.comparison.ComparisonView;
import dev.losslens.comparison.ComparisonView.GenerationView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One held-out prompt of the run page's generations table, with each lane's latest answer.
 *
 * @param answers by lane index; null where a lane has not answered this prompt
 */
public record GenerationRow(String prompt, String expected, List<GenerationView> answers) {

    public static List<GenerationRow> of(ComparisonView view) {
        Map<String, GenerationView[]> byPrompt = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        for (GenerationView generation : view.generations()) {
            byPrompt.computeIfAbsent(generation.prompt(), prompt -> new GenerationView[view.lanes().size()])
                    [generation.lane()] = generation;
            expected.putIfAbsent(generation.prompt(), generation.expected());
        }
        List<GenerationRow> rows = new ArrayList<>();
        byPrompt.forEach((prompt, answers) ->
                rows.add(new GenerationRow(prompt, expected.get(prompt), Arrays.asList(answers))));
        return rows;
    }
}
