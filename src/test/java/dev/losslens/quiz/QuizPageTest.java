package dev.losslens.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.losslens.lab.LabPreset;
import dev.losslens.notation.Keyed;
import dev.losslens.quiz.bank.ChoiceItem;
import dev.losslens.quiz.bank.Concept;
import dev.losslens.quiz.bank.MarkTrainedItem;
import dev.losslens.quiz.bank.Option;
import dev.losslens.quiz.bank.PredictItem;
import dev.losslens.quiz.bank.QuizBank;
import dev.losslens.quiz.bank.QuizItem;
import dev.losslens.quiz.grading.Answer;
import dev.losslens.quiz.progress.LearnerCookie;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The learner's pages without JavaScript: the course path, a sitting, feedback and the score. */
@SpringBootTest
@AutoConfigureMockMvc
class QuizPageTest {

    @Autowired
    private MessageSource messages;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    QuizBank bank;

    private static String html(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    @Test
    void theCoursePathListsEveryIdeaWithItsViewItsLabRunAndItsQuiz() throws Exception {
        String learn = html(mvc.get().uri("/learn").exchange());
        int previous = -1;
        for (Concept concept : bank.concepts()) {
            int at = learn.indexOf("id=\"" + concept.id() + "\"");
            assertThat(at).as(concept.id()).isGreaterThan(previous);
            previous = at;
            assertThat(learn).contains(concept.title(), "/quiz/start?concept=" + concept.id());
            if (concept.mystery()) {
                assertThat(learn.substring(at)).as("its lab run is a mystery run").contains("action=\"/mysteries\"");
                continue;
            }
            MvcTestResult preset = mvc.get().uri("/runs/new?preset=" + concept.preset()).exchange();
            assertThat(preset).as("the lab preset %s exists", concept.preset()).hasStatusOk();
            assertThat(html(preset)).doesNotContain("No preset");
        }
        assertThat(html(mvc.get().uri("/").exchange())).contains("href=\"/learn\"");
    }

    @Test
    void theLabelConventionOfEachShiftQuestionIsSaid() throws Exception {
        assertThat(html(mvc.get().uri("/quiz/run?set=bug-unshifted&at=0").exchange()))
                .contains("HuggingFace convention: the label at position t is the token at t itself",
                        "The labels are shifted by hand, and the model shifts them again");
        assertThat(html(mvc.get().uri("/quiz/run?set=shift-off-by-one&at=0").exchange()))
                .contains("computes the loss itself, so its labels must already be shifted");
    }

    @Test
    void aLearnerAnswersWithPlainFormsAndSeesFeedbackThenTheScore() throws Exception {
        MvcTestResult started = mvc.get().uri("/quiz/start?concept=objective-contrast").exchange();
        assertThat(started).hasStatus(HttpStatus.FOUND);
        String run = started.getResponse().getRedirectedUrl();
        assertThat(run).startsWith("/quiz/run?set=contrast-team-phases,").endsWith("&at=0");

        MvcTestResult first = mvc.get().uri(run).exchange();
        Cookie learner = first.getResponse().getCookie(LearnerCookie.NAME);
        assertThat(html(first)).contains("Question 1 of 5", "small set of command/response pairs",
                "name=\"choice\"").doesNotContain("Right:", "feedback");

        Matcher set = Pattern.compile("set=([^&]+)").matcher(run);
        assertThat(set.find()).isTrue();
        MvcTestResult answered = mvc.post().with(csrf()).uri("/quiz/run").cookie(learner)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("set", set.group(1).replace("%2C", ",")).param("at", "0")
                .param("choice", String.valueOf(fullSequenceOption())).exchange();
        assertThat(answered).hasStatusOk();
        assertThat(html(answered)).contains("✗ Not quite", "That is the full-sequence objective",
                "The right answer: “Both phases train the same network",
                "Two objectives, one network: your one answer so far is wrong.", "Next question")
                .as("a single choice has one right answer").doesNotContain("Also right");

        MvcTestResult empty = mvc.post().with(csrf()).uri("/quiz/run").cookie(learner)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("set", set.group(1).replace("%2C", ",")).param("at", "1").exchange();
        assertThat(empty).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(html(empty)).contains("choose at least one option").doesNotContain("✓ Right");

        String score = html(mvc.get().uri("/quiz/score?set=" + set.group(1)).cookie(learner).exchange());
        assertThat(score).contains("0 of 5 right", "✗ Wrong", "Review and try again", "Not answered", "Answer it",
                "A team has a large general language model",
                "Mark the targets under the pre-training objective: “Name the capital of Peru.” → “It is Lima.”");
        assertThat(html(mvc.get().uri("/quiz").cookie(learner).exchange())).contains("Practise what I missed (1)");
        assertThat(mvc.get().uri("/quiz/start?what=missed").cookie(learner).exchange().getResponse()
                .getRedirectedUrl()).isEqualTo("/quiz/run?set=contrast-team-phases&at=0");
    }

    @Test
    void aConversationsTokensAreMarkedWithThePlainFormAndTheVerdictShowsTheStacksMask() throws Exception {
        MvcTestResult shown = mvc.get().uri("/quiz/run?set=conv-mark-trl-assistant&at=0").exchange();
        Cookie learner = shown.getResponse().getCookie(LearnerCookie.NAME);
        assertThat(html(shown)).contains("rendered by the “chatml” chat template",
                "Mark every token that TRL with assistant_only_loss=True trains.",
                "Orange underline: the assistant", "data-role=\"assistant\"", "data-role=\"user\"",
                ">&lt;|im_end|&gt;<", ">↵<", "token 0: &lt;|bos|&gt;, template markup");

        MarkTrainedItem item = (MarkTrainedItem) bank.item("conv-mark-trl-assistant").orElseThrow();
        var answer = mvc.post().with(csrf()).uri("/quiz/run").cookie(learner)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("set", "conv-mark-trl-assistant").param("at", "0");
        item.trained().forEach(t -> answer.param("position", String.valueOf(t)));
        MvcTestResult answered = answer.exchange();
        assertThat(answered).hasStatusOk();
        assertThat(html(answered)).contains("✓ Right", "Your marks", "The targets", "{% generation %}");
    }

    private int fullSequenceOption() {
        List<Option> options = ((ChoiceItem) bank.item("contrast-team-phases").orElseThrow()).options();
        return IntStream.range(0, options.size())
                .filter(i -> options.get(i).feedback().contains("full-sequence objective")).findFirst().orElseThrow();
    }

    @Test
    void theScorePageNamesEveryQuestionOfTheSitting() throws Exception {
        Pattern question = Pattern.compile("<span class=\"score-question\">(.*?)<small", Pattern.DOTALL);
        for (Concept concept : bank.concepts()) {
            String set = String.join(",", concept.items().stream().map(QuizItem::id).toList());
            Matcher rows = question.matcher(html(mvc.get().uri("/quiz/score?set=" + set).exchange()));
            List<String> questions = new ArrayList<>();
            while (rows.find()) {
                questions.add(rows.group(1).replaceAll("<[^>]*>", "").strip());
            }
            assertThat(questions).as(concept.id()).hasSize(concept.items().size()).doesNotHaveDuplicates()
                    .allSatisfy(text -> assertThat(text).isNotBlank().isNotEqualTo(concept.title()));
        }
    }

    @Test
    void aPredictionNamesItsPresetSoItStandsAlone() {
        bank.items().stream().filter(PredictItem.class::isInstance).map(PredictItem.class::cast).forEach(item ->
                assertThat(item.stem()).as(item.id()).contains("'" + messages.getMessage("page.preset."
                        + Keyed.of(LabPreset.class, item.preset()).key() + ".title", null, Locale.ENGLISH) + "'")
                        .doesNotContain("same preset"));
    }

    @Test
    void feedbackOnMarkedTokensShowsALineBreakAsTheChipsDo() throws Exception {
        MvcTestResult answered = mvc.post().with(csrf()).uri("/quiz/run").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("set", "contrast-mark-pretraining").param("at", "0").param("position", "1").exchange();
        assertThat(answered).hasStatusOk();
        assertThat(html(answered)).contains("Targets you did not mark:", "“↵”", "“·Instruction”")
                .doesNotContain("“\n”", "“ ”");
    }

    @Test
    void aCheckTakesTenItemsAcrossTheCourse() throws Exception {
        String run = mvc.get().uri("/quiz/start").exchange().getResponse().getRedirectedUrl();
        Matcher set = Pattern.compile("set=([^&]+)").matcher(run);
        assertThat(set.find()).isTrue();
        String[] items = set.group(1).split(",|%2C");
        assertThat(items).hasSize(10).doesNotHaveDuplicates();
        assertThat(Arrays.stream(items).map(id -> bank.item(id).orElseThrow().concept()).distinct().count())
                .as("concepts covered").isGreaterThanOrEqualTo(9);
        assertThat(Arrays.stream(items).map(id -> bank.item(id).orElseThrow().kind()).distinct())
                .as("kinds mixed").contains(QuizItem.Kind.MARK_TARGETS, QuizItem.Kind.COMPUTE_LOSS);
    }

    @Test
    void badAddressesAre4xxPagesWithTheirTextEscaped() throws Exception {
        assertThat(mvc.get().uri("/quiz/run?set=<script>alert(1)</script>&at=0").exchange())
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(html(mvc.get().uri("/quiz/run?set=<script>x</script>").exchange())).doesNotContain("<script>x");
        assertThat(mvc.get().uri("/quiz/run?set=contrast-team-phases&at=9").exchange()).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/quiz/run?set=contrast-team-phases&at=x").exchange()).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/quiz/run").exchange()).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/quiz/start?concept=nope").exchange()).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/quiz/run?set=" + "contrast-team-phases,".repeat(80) + "&at=0").exchange())
                .hasStatus(HttpStatus.BAD_REQUEST);
    }
}
