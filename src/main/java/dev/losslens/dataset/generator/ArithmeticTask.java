package dev.losslens.dataset.generator;

import dev.losslens.dataset.PromptResponsePair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Two-digit addition and subtraction whose operands and results all stay below 100, so every number is one
 * GPT-2 token.
 */
final class ArithmeticTask {

    private static final long SEED = 1001;
    private static final int PROBLEMS_PER_OPERATION = 330;
    private static final int HELDOUT_PER_OPERATION = 30;

    private record Problem(int left, int right, boolean addition) {

        int result() {
            return addition ? left + right : left - right;
        }

        PromptResponsePair pair() {
            return new PromptResponsePair("What is " + left + (addition ? " + " : " - ") + right + "?",
                    String.valueOf(result()));
        }

        String fact() {
            return left + (addition ? " plus " : " minus ") + right + " equals " + result() + ".";
        }
    }

    private ArithmeticTask() {
    }

    static GeneratedTask generate() {
        Random random = new Random(SEED);
        List<Problem> additions = distinctProblems(random, true);
        List<Problem> subtractions = distinctProblems(random, false);
        List<Problem> train = new ArrayList<>();
        List<Problem> heldout = new ArrayList<>();
        for (List<Problem> problems : List.of(additions, subtractions)) {
            heldout.addAll(problems.subList(0, HELDOUT_PER_OPERATION));
            train.addAll(problems.subList(HELDOUT_PER_OPERATION, problems.size()));
        }
        Collections.shuffle(train, random);
        Collections.shuffle(heldout, random);
        List<String> facts = new ArrayList<>();
        train.forEach(problem -> facts.add(problem.fact()));
        heldout.forEach(problem -> facts.add(problem.fact()));
        return new GeneratedTask("arithmetic", "Arithmetic",
                "Two-digit addition and subtraction with exact numeric answers.",
                "by problem: %d additions and %d subtractions are held out; 23 + 48 is one problem, not two."
                        .formatted(HELDOUT_PER_OPERATION, HELDOUT_PER_OPERATION),
                train.stream().map(Problem::pair).toList(), heldout.stream().map(Problem::pair).toList(), facts);
    }

    private static List<Problem> distinctProblems(Random random, boolean addition) {
        Set<Problem> problems = new LinkedHashSet<>();
        while (problems.size() < PROBLEMS_PER_OPERATION) {
            problems.add(addition ? randomAddition(random) : randomSubtraction(random));
        }
        return new ArrayList<>(problems);
    }

    /** Smaller operand first, so that 23 + 48 and 48 + 23 are the same problem. */
    private static Problem randomAddition(Random random) {
        int a = 10 + random.nextInt(80);
        int b = 10 + random.nextInt(90 - a);
        return new Problem(Math.min(a, b), Math.max(a, b), true);
    }

    private static Problem randomSubtraction(Random random) {
        int a = 11 + random.nextInt(89);
        int b = 10 + random.nextInt(a - 10);
        return new Problem(a, b, false);
    }
}
