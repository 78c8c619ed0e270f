package dev.losslens.dataset.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.dataset.PromptResponsePair;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GeneratedTasksTest {

    private static final List<GeneratedTask> TASKS = SampleDatasetGenerator.tasks();
    private static final Map<String, GeneratedTask> BY_NAME = TASKS.stream()
            .collect(Collectors.toMap(GeneratedTask::name, Function.identity()));
    private static final Pattern WORD_PROMPT = Pattern.compile("(?:Give the (?:plural|opposite) of "
            + "|What is the (?:plural|opposite) of |Reverse the word: |Spell |Write the word |What is )"
            + "(\\w+)(?: backwards| spelled backwards)?[.?]?");

    @Test
    void tasksComeInManifestOrderWithCapitalsFirst() {
        assertThat(TASKS).extracting(GeneratedTask::name)
                .containsExactly("capitals", "arithmetic", "reversal", "plurals", "first-word", "chat");
    }

    @Test
    void splitSizesSuitATinyModel() {
        assertThat(TASKS).allSatisfy(task -> {
            assertThat(task.train()).as(task.name()).hasSizeBetween(200, 1500);
            assertThat(task.heldout()).as(task.name()).hasSizeBetween(15, 100);
        });
        assertThat(BY_NAME.get("chat").train()).hasSizeGreaterThanOrEqualTo(60);
    }

    @Test
    void noPromptRepeatsWithinOrAcrossSplits() {
        assertThat(TASKS).allSatisfy(task -> {
            List<String> train = task.train().stream().map(PromptResponsePair::prompt).toList();
            List<String> heldout = task.heldout().stream().map(PromptResponsePair::prompt).toList();
            assertThat(train).as(task.name()).doesNotHaveDuplicates().doesNotContainAnyElementsOf(heldout);
            assertThat(heldout).as(task.name()).doesNotHaveDuplicates();
        });
    }

    @Test
    void pairsFitTheContextWindow() {
        assertThat(TASKS).allSatisfy(task -> assertThat(all(task)).as(task.name()).allSatisfy(pair -> {
            assertThat(pair.prompt()).isNotBlank().hasSizeLessThanOrEqualTo(200);
            assertThat(pair.response()).isNotBlank().hasSizeLessThanOrEqualTo(120);
        }));
        assertThat(all(BY_NAME.get("chat")))
                .allSatisfy(pair -> assertThat(pair.response().split(" ")).hasSizeLessThanOrEqualTo(25));
    }

    @Test
    void noHeldOutCountryOrCapitalAppearsInTheTrainSplit() {
        GeneratedTask capitals = BY_NAME.get("capitals");
        List<CapitalsTask.Country> heldout = heldOutCountries(capitals);

        assertThat(heldout).hasSize(CapitalsTask.HELDOUT_COUNTRIES);
        assertThat(capitals.train()).allSatisfy(pair -> assertThat(heldout).as(pair.prompt())
                .noneMatch(country -> mentions(pair.prompt() + " " + pair.response(), country.name())
                        || mentions(pair.prompt() + " " + pair.response(), country.capital())));
    }

    @Test
    void everyCapitalIsStatedInTheCorpusInBothDirections() {
        List<String> corpus = BY_NAME.get("capitals").facts();

        assertThat(CapitalsTask.COUNTRIES).hasSize(80).allSatisfy(country -> assertThat(corpus).contains(
                "The capital of %s is %s.".formatted(country.name(), country.capital()),
                "%s is the capital of %s.".formatted(country.capital(), country.name())));
        assertThat(heldOutCountries(BY_NAME.get("capitals"))).isNotEmpty();
    }

    @Test
    void heldOutWordFactsAreInTheCorpus() {
        GeneratedTask plurals = BY_NAME.get("plurals");
        assertThat(plurals.heldout()).allSatisfy(pair -> assertThat(plurals.facts())
                .anyMatch(fact -> fact.endsWith(" " + word(pair.prompt()) + " is \"" + pair.response() + "\".")));
        GeneratedTask reversal = BY_NAME.get("reversal");
        assertThat(reversal.heldout()).allSatisfy(pair -> assertThat(reversal.facts()).contains(
                "The word %s spelled backwards is \"%s\".".formatted(word(pair.prompt()), pair.response())));
        GeneratedTask arithmetic = BY_NAME.get("arithmetic");
        assertThat(arithmetic.facts()).hasSize(arithmetic.train().size() + arithmetic.heldout().size());
    }

    @Test
    void answersAreCorrect() {
        Pattern sum = Pattern.compile("What is (\\d+) ([+-]) (\\d+)\\?");
        assertThat(all(BY_NAME.get("arithmetic"))).allSatisfy(pair -> {
            Matcher m = sum.matcher(pair.prompt());
            assertThat(m.matches()).isTrue();
            int left = Integer.parseInt(m.group(1));
            int right = Integer.parseInt(m.group(3));
            assertThat(List.of(left, right)).allSatisfy(n -> assertThat(n).isBetween(10, 99));
            int expected = m.group(2).equals("+") ? left + right : left - right;
            assertThat(Integer.parseInt(pair.response())).isEqualTo(expected).isBetween(0, 99);
        });
        assertThat(all(BY_NAME.get("reversal"))).allSatisfy(pair -> assertThat(pair.response())
                .isEqualTo(new StringBuilder(word(pair.prompt())).reverse().toString()));
        assertThat(all(BY_NAME.get("first-word"))).allSatisfy(pair -> {
            List<String> list = List.of(pair.prompt().substring(pair.prompt().indexOf('?') + 2).split(", "));
            assertThat(list).hasSizeBetween(8, 12).doesNotHaveDuplicates();
            assertThat(pair.response()).isEqualTo(list.stream().sorted().findFirst().orElseThrow());
        });
        assertThat(EnglishWords.plural("mouse")).isEqualTo("mice");
        assertThat(EnglishWords.plural("church")).isEqualTo("churches");
        assertThat(EnglishWords.plural("city")).isEqualTo("cities");
        assertThat(EnglishWords.plural("key")).isEqualTo("keys");
    }

    @Test
    void corpusStaysSmall() {
        int lines = TASKS.stream().mapToInt(task -> task.facts().size()).sum();
        assertThat(lines).isBetween(1000, 3000);
    }

    private static List<CapitalsTask.Country> heldOutCountries(GeneratedTask capitals) {
        Set<String> heldoutAnswers = new HashSet<>();
        capitals.heldout().forEach(pair -> heldoutAnswers.add(pair.response()));
        return CapitalsTask.COUNTRIES.stream()
                .filter(country -> heldoutAnswers.contains("It is " + country.capital() + "."))
                .toList();
    }

    private static boolean mentions(String text, String name) {
        return Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(text).find();
    }

    /** The single word a plural, opposite or reversal prompt asks about. */
    private static String word(String prompt) {
        Matcher m = WORD_PROMPT.matcher(prompt);
        assertThat(m.matches()).as(prompt).isTrue();
        return m.group(1);
    }

    private static List<PromptResponsePair> all(GeneratedTask task) {
        return Stream.concat(task.train().stream(), task.heldout().stream()).toList();
    }
}
