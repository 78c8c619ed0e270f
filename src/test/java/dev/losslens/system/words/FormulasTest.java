package dev.losslens.system.words;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Formulas are typeset on every page that shows them, and each reads what it should: the test reads the text of every
 * MathML formula on the welcome page, the deck, the course path, a quiz question and the explorer.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:formulas;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class FormulasTest {

    private static final Pattern MATH = Pattern.compile("<math\\b[^>]*>.*?</math>", Pattern.DOTALL);
    private static final Pattern FRAGMENT = Pattern.compile("<math th:fragment=\"([a-z-]+)\"[^>]*>.*?</math>",
            Pattern.DOTALL);
    /** Linear notation left in visible text: a subscript, a sum, or a subscript digit. */
    private static final Pattern PLAIN_MATHS = Pattern.compile("[A-Za-zθΣ)]_|Σ|[₀-₉ₜⱼ]");
    private static final Pattern NAMES = Pattern.compile("<\\|\\w+\\|>|\\b[a-z]{2,}(?:_[a-z]{2,})+\\b");

    private static final String PT_LOSS = "LPT(θ)=−∑t=1nlogpθ(xt∣x<t)";
    private static final String BOS = "x0=<|bos|>";
    private static final String SFT_LOSS = "LSFT(θ)=−∑t∈responselogpθ(yt∣x,y<t)";
    private static final String SFT_ARGMAX = "θˆ=argmaxθ∑(x,y)∈Dlogpθ(y∣x)";
    private static final String CHAIN_RULE = "logpθ(y∣x)=∑tlogpθ(yt∣x,y<t)";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Formulas formulas;

    private static String html(MvcTestResult result) throws Exception {
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsString();
    }

    /** The text of each MathML formula on the page, in order, as a reader's copy would give it (no spaces). */
    private static List<String> formulaTexts(String html) throws Exception {
        List<String> texts = new ArrayList<>();
        Matcher math = MATH.matcher(html);
        while (math.find()) {
            texts.add(textOf(math.group()));
        }
        return texts;
    }

    private static String textOf(String mathml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(mathml))).getDocumentElement().getTextContent()
                .replaceAll("\\s", "");
    }

    /** The page's visible text outside its formulas: no tags, no scripts, entities decoded. */
    private static String prose(String html) {
        return withoutNames(MATH.matcher(html).replaceAll(" ")
                .replaceAll("(?s)<(script|style)\\b.*?</\\1>", " ")
                .replaceAll("(?s)<[^>]*>", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
    }

    /**
     * The text without names written with underscores that are no subscripts: a stack's settings such as
     * {@code prompt_loss_weight} or {@code mask_history}, and special tokens such as {@code <|im_start|>}.
     */
    private static String withoutNames(String text) {
        return NAMES.matcher(text).replaceAll("");
    }

    /** What a formula's plain text and its typeset text share once the linear notation's marks are dropped. */
    private static String normalised(String text) {
        return text.replaceAll("\\s", "").replace("_", "").replace("{", "").replace("}", "").replace("^", "")
                .replace("\u0302", "").replace("ˆ", "").replace("..", "").replace('Σ', '∑').replace('∣', '|')
                .replace("₀", "0");
    }

    @Test
    void everyFormulaHasAFragmentThatReadsLikeItsPlainText() throws Exception {
        String file = new ClassPathResource("templates/fragments/formulas.html").getContentAsString(StandardCharsets.UTF_8);
        Map<String, String> fragments = new LinkedHashMap<>();
        Matcher fragment = FRAGMENT.matcher(file);
        while (fragment.find()) {
            fragments.put(fragment.group(1), textOf(fragment.group()));
        }
        assertThat(fragments.keySet()).as("one fragment per formula, and no other")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Formula.values()).map(Formula::fragment).toList());
        for (Formula formula : Formula.values()) {
            assertThat(normalised(fragments.get(formula.fragment()))).as(formula.fragment())
                    .isEqualTo(normalised(formula.plain()));
        }
    }

    @Test
    void aSentenceSplitsIntoTextAndItsFormulasLongestFirst() {
        assertThat(formulas.parts("By the chain rule, log p_θ(y | x) = Σ_t log p_θ(y_t | x, y_<t), a sum; and L_SFT."))
                .containsExactly(new Formulas.Part("By the chain rule, ", null),
                        new Formulas.Part("log p_θ(y | x) = Σ_t log p_θ(y_t | x, y_<t)", "chain-rule"),
                        new Formulas.Part(", a sum; and ", null),
                        new Formulas.Part("L_SFT", "sft-name"),
                        new Formulas.Part(".", null));
        assertThat(formulas.parts("<b>x_0 = <|bos|></b>")).containsExactly(new Formulas.Part("<b>", null),
                new Formulas.Part("x_0 = <|bos|>", "bos"), new Formulas.Part("</b>", null));
    }

    @Test
    void everyFormulaInTheBankAndTheDeckIsOneThePagesTypeset() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        Resource[] files = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:sample-datasets/{quizzes,lectures}/*.json");
        assertThat(files).hasSizeGreaterThan(9);
        for (Resource file : files) {
            List<String> strings = new ArrayList<>();
            collect(json.readTree(file.getContentAsString(StandardCharsets.UTF_8)), strings);
            for (String text : strings) {
                formulas.parts(text).stream().filter(part -> part.formula() == null).forEach(part ->
                        assertThat(withoutNames(part.text())).as("%s: %s", file.getFilename(), text)
                                .doesNotContainPattern(PLAIN_MATHS));
            }
        }
    }

    private static void collect(JsonNode node, List<String> strings) {
        if (node.isString()) {
            strings.add(node.asString());
        }
        node.values().forEach(child -> collect(child, strings));
    }

    @Test
    void theWelcomePageTypesetsBothObjectivesAndTheConditionalOne() throws Exception {
        String page = html(mvc.get().uri("/").exchange());
        assertThat(formulaTexts(page)).containsExactly(PT_LOSS, BOS, SFT_LOSS, SFT_ARGMAX, CHAIN_RULE);
        assertThat(prose(page)).doesNotContainPattern(PLAIN_MATHS);
    }

    @Test
    void theDecksFirstStepStatesTheArgmaxAndTheChainRuleApart() throws Exception {
        MvcTestResult opened = mvc.post().uri("/api/classes").exchange();
        assertThat(opened).hasStatus(201);
        String code = JsonMapper.builder().build().readTree(opened.getResponse().getContentAsString())
                .get("code").asString();
        Cookie presenter = opened.getResponse().getCookie("losslens-presenter");
        String step = html(mvc.get().uri("/lecture/" + code).cookie(presenter).exchange());
        assertThat(formulaTexts(step)).containsExactly(PT_LOSS, BOS, SFT_LOSS, SFT_ARGMAX, CHAIN_RULE);
        String prose = prose(step).replaceAll("\\s+", " ");
        assertThat(prose).doesNotContainPattern(PLAIN_MATHS)
                .contains("every token after the start token", "is a target; the start token is read, never predicted",
                        "it picks , and by the chain rule .");
    }

    @Test
    void theCoursePathTypesetsTheObjectivesItExplains() throws Exception {
        String learn = html(mvc.get().uri("/learn").exchange());
        assertThat(formulaTexts(learn)).startsWith(PT_LOSS, BOS, SFT_LOSS, SFT_ARGMAX, CHAIN_RULE,
                "LSFT=−logpθ(y∣x)").contains("‖θ−θ0‖/‖θ0‖", "Lλ=Lresponse+λ·Lprompt", "p(x,y)=p(x)·p(y∣x)");
        assertThat(prose(learn)).doesNotContainPattern(PLAIN_MATHS)
                .contains("every token after the start token");
    }

    @Test
    void aQuizQuestionTypesetsItsOptions() throws Exception {
        String question = html(mvc.get().uri("/quiz/run?set=conditional-argmax&at=0").exchange());
        assertThat(formulaTexts(question)).containsExactlyInAnyOrder(SFT_ARGMAX, "θˆ=argmaxθ∑(x,y)∈Dlogpθ(x,y)",
                "θˆ=argmaxθ∑(x,y)∈Dlogpθ(x∣y)", "θˆ=argminθ∑(x,y)∈Dlogpθ(y∣x)");
        assertThat(prose(question)).doesNotContainPattern(PLAIN_MATHS);
    }

    @Test
    void theExplorerTypesetsEachLanesObjectiveAndTheDial() throws Exception {
        String explorer = html(mvc.get().uri("/explore").exchange());
        assertThat(formulaTexts(explorer)).containsSubsequence(PT_LOSS, BOS, SFT_LOSS, "Lλ=Lresponse+λ·Lprompt");
    }
}
