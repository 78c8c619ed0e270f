package dev.losslens.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslens.objective.LossObjective;
import dev.losslens.objective.LossTotals;
import dev.losslens.quiz.bank.ChoiceItem;
import dev.losslens.quiz.bank.MarkTrainedItem;
import dev.losslens.quiz.bank.MaskBug;
import dev.losslens.quiz.bank.Option;
import dev.losslens.quiz.bank.QuizBank;
import dev.losslens.quiz.bank.TrueFalseItem;
import dev.losslens.quiz.progress.LearnerCookie;
import dev.losslens.text.InstructionTemplate;
import dev.losslens.text.TokenizedExample;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Grading through the API, as a browser or a client sees it: server-side, remembered, never leaking answers. */
@SpringBootTest
@AutoConfigureMockMvc
class QuizApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    InstructionTemplate template;

    @Autowired
    QuizBank bank;

    private List<Integer> right(String id) {
        return ((ChoiceItem) bank.item(id).orElseThrow()).rightOptions();
    }

    /** The shown index of the option whose feedback contains this text. */
    private int option(String id, String feedback) {
        List<Option> options = ((ChoiceItem) bank.item(id).orElseThrow()).options();
        return IntStream.range(0, options.size()).filter(i -> options.get(i).feedback().contains(feedback))
                .findFirst().orElseThrow();
    }

    private String reasons(String id, boolean truth, boolean rightReason) {
        TrueFalseItem item = (TrueFalseItem) bank.item(id).orElseThrow();
        int reason = rightReason ? item.rightReason() : (item.rightReason() + 1) % item.reasons().size();
        return "{\"truth\": %s, \"reason\": %d}".formatted(truth, reason);
    }

    private Cookie learner() {
        MvcTestResult first = mvc.get().uri("/api/quiz/items/contrast-team-phases").exchange();
        Cookie cookie = first.getResponse().getCookie(LearnerCookie.NAME);
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        return cookie;
    }

    private JsonNode get(String uri, Cookie learner) throws Exception {
        MvcTestResult result = mvc.get().uri(uri).cookie(learner).exchange();
        assertThat(result).hasStatusOk();
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    private MvcTestResult post(String item, String body, Cookie learner) {
        return mvc.post().uri("/api/quiz/items/" + item + "/answers").cookie(learner)
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private JsonNode answer(String item, String body, Cookie learner) throws Exception {
        MvcTestResult result = post(item, body, learner);
        assertThat(result).as(result.getResponse().getContentAsString()).hasStatusOk();
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    private static boolean correct(JsonNode result) {
        return result.get("grade").get("correct").asBoolean();
    }

    @Test
    void anItemIsShownWithoutItsAnswerAndGradedOnTheServer() throws Exception {
        Cookie learner = learner();
        String shown = mvc.get().uri("/api/quiz/items/contrast-team-phases").cookie(learner).exchange()
                .getResponse().getContentAsString();
        assertThat(shown).contains("small set of command/response pairs").doesNotContain("correct", "feedback");

        JsonNode right = answer("contrast-team-phases", "{\"choices\": " + right("contrast-team-phases") + "}", learner);
        assertThat(correct(right)).isTrue();
        assertThat(right.get("mastery").get("right").asInt()).isEqualTo(1);
        int fullSequence = option("contrast-team-phases", "full-sequence objective");
        JsonNode wrong = answer("contrast-team-phases", "{\"choices\": [" + fullSequence + "]}", learner);
        assertThat(correct(wrong)).isFalse();
        assertThat(wrong.get("grade").get("feedback").get(0).asString()).contains("full-sequence objective");
        assertThat(wrong.get("grade").get("right").get("choices").get(0).asInt())
                .isEqualTo(right("contrast-team-phases").get(0));
        assertThat(wrong.get("mastery").get("answered").asInt()).isEqualTo(2);

        List<Integer> targets = right("contrast-which-targets");
        assertThat(targets).hasSize(3);
        assertThat(correct(answer("contrast-which-targets", "{\"choices\": " + targets + "}", learner))).isTrue();
        assertThat(correct(answer("contrast-which-targets", "{\"choices\": " + targets.subList(0, 2) + "}", learner)))
                .as("multiple choice: every right option").isFalse();
        assertThat(correct(answer("contrast-which-targets", "{\"choices\": [0, 1, 2, 3]}", learner)))
                .as("and no other").isFalse();

        assertThat(correct(answer("whole-entire-sequence", reasons("whole-entire-sequence", false, true), learner)))
                .isTrue();
        assertThat(correct(answer("whole-entire-sequence", reasons("whole-entire-sequence", false, false), learner)))
                .as("the right judgement for the wrong reason").isFalse();
        assertThat(correct(answer("whole-entire-sequence", reasons("whole-entire-sequence", true, true), learner)))
                .isFalse();
    }

    /** The targets of an objective on a pair, from objective/'s own weights: what mark-targets is graded against. */
    private Set<Integer> targets(String prompt, String response, LossObjective objective) {
        TokenizedExample example = template.render(prompt, response);
        double[] weights = objective.targetWeights(example);
        Set<Integer> targets = new HashSet<>();
        IntStream.range(1, example.length()).filter(t -> weights[t] > 0).forEach(targets::add);
        return targets;
    }

    private static String positions(Set<Integer> positions) {
        return "{\"positions\": " + positions.stream().sorted().toList() + "}";
    }

    @Test
    void markTheTargetsIsGradedAgainstTheRealMaskIncludingTheFirstTokenAndEndOfText() throws Exception {
        Cookie learner = learner();
        JsonNode view = get("/api/quiz/items/conditional-mark-sft", learner);
        int length = view.get("tokens").size();
        assertThat(view.get("tokens").get(length - 1).get("text").asString()).isEqualTo("<|endoftext|>");
        Set<Integer> sft = targets("What is the capital of Japan?", "It is Tokyo.", LossObjective.INSTRUCTION);
        assertThat(sft).contains(length - 1).doesNotContain(0);

        assertThat(correct(answer("conditional-mark-sft", positions(sft), learner))).isTrue();
        Set<Integer> withoutEnd = new HashSet<>(sft);
        withoutEnd.remove(length - 1);
        JsonNode missedEnd = answer("conditional-mark-sft", positions(withoutEnd), learner);
        assertThat(correct(missedEnd)).isFalse();
        assertThat(missedEnd.get("grade").get("feedback").get(0).asString()).contains("<|endoftext|>");
        assertThat(missedEnd.get("grade").get("worked")).hasSize(length);
        Set<Integer> withFirst = new HashSet<>(sft);
        withFirst.add(0);
        assertThat(correct(answer("conditional-mark-sft", positions(withFirst), learner)))
                .as("<|bos|> is never a target").isFalse();

        Set<Integer> everything = targets("Name the capital of Peru.", "It is Lima.", LossObjective.PRETRAINING);
        assertThat(everything).hasSize(get("/api/quiz/items/contrast-mark-pretraining", learner).get("tokens").size() - 1);
        assertThat(correct(answer("contrast-mark-pretraining", positions(everything), learner))).isTrue();
        assertThat(correct(answer("lambda-mark-small",
                positions(targets("Give the opposite of hot.", "cold", LossObjective.weighted(0.01))), learner)))
                .as("with λ > 0 the prompt's targets carry loss too").isTrue();
    }

    @Test
    void markTheTrainedTokensOfAConversationIsGradedAgainstTheStackSettingsRule() throws Exception {
        Cookie learner = learner();
        MarkTrainedItem item = (MarkTrainedItem) bank.item("conv-mark-trl-assistant").orElseThrow();
        JsonNode view = get("/api/quiz/items/conv-mark-trl-assistant", learner);
        assertThat(view.get("kind").asString()).isEqualTo("mark-trained");
        assertThat(view.get("question").asString()).contains("TRL with assistant_only_loss=True", "“chatml”");
        assertThat(view.get("tokens")).hasSize(item.conversation().length());
        assertThat(view.get("tokens").get(0).get("role").asString()).isEqualTo("template");
        assertThat(view.get("tokens").valueStream().map(token -> token.get("role").asString()).distinct().toList())
                .containsExactly("template", "user", "assistant");
        assertThat(view.toString()).doesNotContain("weight", "correct");

        Set<Integer> key = new HashSet<>(item.trained());
        JsonNode right = answer("conv-mark-trl-assistant", positions(key), learner);
        assertThat(correct(right)).isTrue();
        assertThat(right.get("grade").get("right").get("positions").valueStream().map(JsonNode::asInt).toList())
                .isEqualTo(item.trained());
        assertThat(right.get("grade").get("feedback").toString())
                .contains("https://github.com/huggingface/trl/issues/5470");

        Set<Integer> withoutEnd = new HashSet<>(key);
        withoutEnd.remove(item.trained().get(item.trained().size() - 1));
        JsonNode missedEnd = answer("conv-mark-trl-assistant", positions(withoutEnd), learner);
        assertThat(correct(missedEnd)).isFalse();
        assertThat(missedEnd.get("grade").get("feedback").get(0).asString())
                .startsWith("Targets you did not mark:").contains("<|im_end|>");
        assertThat(missedEnd.get("grade").get("worked")).hasSize(item.conversation().length());

        assertThat(correct(answer("conv-mark-no-generation", positions(Set.of()), learner)))
                .as("no generation block: nothing is trained").isTrue();
        assertThat(post("conv-mark-trl-assistant", "{\"positions\": [999]}", learner))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.field").isEqualTo("positions");
    }

    @Test
    void computeTheLossIsGradedOnTheNumbersShownWithItsToleranceAndVariantsStayWithTheLearner() throws Exception {
        Cookie learner = learner();
        JsonNode view = get("/api/quiz/items/conditional-compute-sft", learner);
        assertThat(get("/api/quiz/items/conditional-compute-sft", learner).get("variant").asInt())
                .as("the same learner gets the same variant").isEqualTo(view.get("variant").asInt());
        List<JsonNode> tokens = new ArrayList<>();
        view.get("tokens").forEach(tokens::add);
        assertThat(tokens.get(0).get("nll").isNull()).isTrue();
        // the learner's own computation from the page: response targets' mean
        double sum = 0;
        int count = 0;
        for (JsonNode token : tokens.subList(1, tokens.size())) {
            if (token.get("role").asString().equals("response")) {
                sum += token.get("nll").asDouble();
                count++;
            }
        }
        double mean = sum / count;
        String answer = "{\"value\": %s}";
        assertThat(correct(answer("conditional-compute-sft", answer.formatted(format(mean + 0.0099)), learner))).isTrue();
        assertThat(correct(answer("conditional-compute-sft", answer.formatted(format(mean - 0.0099)), learner))).isTrue();
        JsonNode outside = answer("conditional-compute-sft", answer.formatted(format(mean + 0.0101)), learner);
        assertThat(correct(outside)).isFalse();
        assertThat(outside.get("grade").get("feedback").get(0).asString()).contains("over " + count + " counted targets");
        assertThat(outside.get("grade").get("right").get("value").asDouble()).isCloseTo(mean,
                within(1e-9));

        // the shown losses are the base's real ones: the explorer reads the same pair with the same checkpoint
        String prompt = "Name the capital of Peru.";
        JsonNode breakdown = JSON.readTree(mvc.post().uri("/api/breakdown").contentType(MediaType.APPLICATION_JSON)
                .content("{\"prompt\": \"%s\", \"response\": \"It is Lima.\", \"checkpoint\": \"base\"}".formatted(prompt))
                .exchange().getResponse().getContentAsString());
        JsonNode first = get("/api/quiz/items/conditional-compute-sft?variant=0", learner);
        for (int t = 1; t < first.get("tokens").size(); t++) {
            assertThat(first.get("tokens").get(t).get("nll").asDouble()).isCloseTo(
                    breakdown.get("tokens").get(t).get("nll").asDouble(), within(0.0005));
        }

        Set<Integer> variants = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            variants.add(get("/api/quiz/items/conditional-compute-sft", learner()).get("variant").asInt());
        }
        assertThat(variants).as("learners get different pairs").hasSizeGreaterThan(1);
    }

    @Test
    void theWeightedSumUsesLambdaAndTheMeanDividesByTheWeights() throws Exception {
        Cookie learner = learner();
        JsonNode view = get("/api/quiz/items/lambda-compute-sum?variant=5", learner);
        assertThat(view.get("question").asString()).contains("λ = 0.1");
        double[] nll = new double[view.get("tokens").size()];
        for (int t = 1; t < nll.length; t++) {
            nll[t] = view.get("tokens").get(t).get("nll").asDouble();
        }
        TokenizedExample example = template.render("Give the opposite of hot.", "cold");
        LossTotals totals = LossTotals.of(nll, LossObjective.weighted(0.1).targetWeights(example));
        JsonNode graded = answer("lambda-compute-sum", "{\"value\": %s, \"variant\": 5}".formatted(format(totals.sum())),
                learner);
        assertThat(correct(graded)).isTrue();
    }

    @Test
    void aMaskBugIsRightOnlyWithTheBugAndItsEffect() throws Exception {
        Cookie learner = learner();
        JsonNode view = get("/api/quiz/items/bug-pad-end", learner);
        assertThat(view.get("options")).hasSize(5);
        assertThat(view.get("effects")).hasSize(4);
        assertThat(view.get("tokens").get(view.get("tokens").size() - 1).get("role").asString()).isEqualTo("padding");
        int bug = MaskBug.PAD_IS_END.ordinal();
        int effect = MaskBug.effects().indexOf(MaskBug.PAD_IS_END.effect());
        String answer = "{\"choices\": [%d], \"reason\": %d}";
        assertThat(correct(answer("bug-pad-end", answer.formatted(bug, effect), learner))).isTrue();
        assertThat(correct(answer("bug-pad-end", answer.formatted(MaskBug.NO_END_OF_TEXT.ordinal(), effect), learner)))
                .as("the right harm, the wrong cause").isFalse();
        assertThat(correct(answer("bug-pad-end", answer.formatted(bug, (effect + 1) % 4), learner))).isFalse();
        assertThat(post("bug-pad-end", "{\"choices\": [0, 1], \"reason\": 0}", learner)).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void badAnswersAre4xxNamingTheFieldAndStoreNothing() throws Exception {
        Cookie learner = learner();
        answer("contrast-team-phases", "{\"choices\": [0]}", learner);

        List.of(new String[] {"contrast-team-phases", "{}", "choices"},
                new String[] {"contrast-team-phases", "{\"choices\": [7]}", "choices"},
                new String[] {"contrast-team-phases", "{\"choices\": [0, 1]}", "choices"},
                new String[] {"contrast-team-phases", "{\"choices\": [-1]}", "choices"},
                new String[] {"contrast-mark-pretraining", "{\"positions\": [0, 999]}", "positions"},
                new String[] {"whole-entire-sequence", "{\"truth\": false}", "reason"},
                new String[] {"conditional-compute-sft", "{\"value\": null}", "value"},
                new String[] {"conditional-compute-sft", "{\"value\": 1, \"variant\": 99}", "variant"},
                new String[] {"contrast-team-phases", "{\"choices\": \"<script>\"}", "choices"})
                .forEach(bad -> {
                    MvcTestResult result = post(bad[0], bad[1], learner);
                    assertThat(result).as(bad[1]).hasStatus(HttpStatus.BAD_REQUEST)
                            .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                            .bodyJson().extractingPath("$.field").isEqualTo(bad[2]);
                });
        assertThat(post("no-such-item", "{\"choices\": [0]}", learner)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(post("contrast-team-phases", "{\"value\": NaN}", learner)).hasStatus(HttpStatus.BAD_REQUEST);

        JsonNode concepts = get("/api/quiz/concepts", learner);
        assertThat(concepts.get(0).get("mastery").get("answered").asInt()).as("nothing stored by a rejected answer")
                .isEqualTo(1);
        assertThat(concepts.toString()).doesNotContain("\"correct\"");

        assertThat(mvc.delete().uri("/api/quiz/progress").cookie(learner).exchange()).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(get("/api/quiz/concepts", learner).get(0).get("mastery").isNull()).as("progress reset").isTrue();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
