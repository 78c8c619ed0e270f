package dev.losslens.quiz.authored;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.losslens.system.rejection.Rejection;
import dev.losslens.text.InstructionTemplate;
import dev.losslens.text.Tokenizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GIFT as Moodle writes it: each construct read, each fault reported once at its line, the good questions kept. */
class GiftReaderTest {

    private static final QuestionLimits LIMITS = new QuestionLimits(200, 10, 80, 1000, 300, 1000, 400, 400, 40000);
    private static final GiftImport IMPORT = new GiftImport(new QuestionRules(LIMITS,
            new InstructionTemplate(Tokenizer.bundled())));

    private static Question only(String gift) {
        GiftReader.Reading reading = GiftReader.read(gift);
        assertThat(reading.problems()).as("problems").isEmpty();
        assertThat(reading.questions()).hasSize(1);
        return reading.questions().get(0).question();
    }

    /** Each problem as "line: code". */
    private static List<String> problems(String gift) {
        return GiftReader.read(gift).problems().stream().map(p -> p.line() + ": " + p.rejection().code()).toList();
    }

    @Test
    void aSingleAnswerChoiceWithTitleFeedbackAndGeneralFeedback() {
        Question q = only("""
                // a comment line is no part of any question
                ::Which tokens::Under instruction fine-tuning, which tokens carry loss? {
                  =The response and end-of-text #Right: the prompt is read, not scored.
                  ~Every token #That is pre-training.
                  ~The prompt only
                  ####Instruction fine-tuning scores the response given the prompt.
                }
                """);
        assertThat(q.kind()).isEqualTo("choice");
        assertThat(q.title()).isEqualTo("Which tokens");
        assertThat(q.text()).isEqualTo("Under instruction fine-tuning, which tokens carry loss?");
        assertThat(q.options()).extracting(QuestionOption::text, QuestionOption::correct, QuestionOption::feedback)
                .containsExactly(tuple("The response and end-of-text", true, "Right: the prompt is read, not scored."),
                        tuple("Every token", false, "That is pre-training."), tuple("The prompt only", false, null));
        assertThat(q.feedback()).isEqualTo("Instruction fine-tuning scores the response given the prompt.");
    }

    @Test
    void weightedAnswersMakeAMultipleAnswerChoiceRightWherePositive() {
        Question q = only("Which are targets under pre-training? {~%50%the response #yes ~%50%the prompt #yes too "
                + "~%-100%the first token #nothing predicts it}");
        assertThat(q.kind()).isEqualTo("multiple");
        assertThat(q.title()).isNull();
        assertThat(q.options()).extracting(QuestionOption::text, QuestionOption::correct)
                .containsExactly(tuple("the response", true), tuple("the prompt", true),
                        tuple("the first token", false));
    }

    @Test
    void trueAndFalseInEverySpellingWithTheirTwoFeedbacks() {
        for (String spelling : List.of("T", "TRUE", "t", "True")) {
            Question q = only("The prompt is read. {" + spelling + "}");
            assertThat(q.kind()).isEqualTo("true-false");
            assertThat(q.truth()).as(spelling).isTrue();
        }
        assertThat(only("::Mask::The prompt is a target in SFT. {F}").truth()).isFalse();
        assertThat(only("The prompt is a target. {FALSE}").title()).isNull();

        // Moodle: the first feedback is for a wrong answer, the second for a right one
        Question judged = only("The response is a target. {TRUE#No: it is.#Yes, it is.####Both sides are read.}");
        assertThat(judged.ifFalse()).isEqualTo("No: it is.");
        assertThat(judged.ifTrue()).isEqualTo("Yes, it is.");
        assertThat(judged.feedback()).isEqualTo("Both sides are read.");
        Question untrue = only("The prompt is a target in SFT. {F#It is not.#Right.}");
        assertThat(untrue.ifTrue()).isEqualTo("It is not.");
        assertThat(untrue.ifFalse()).isEqualTo("Right.");
    }

    @Test
    void numbersWithToleranceExactlyOrAsARange() {
        Question tolerant = only("::Loss::What is −ln 0.5? {#0.693:0.001####ln 2.}");
        assertThat(tolerant.kind()).isEqualTo("numeric");
        assertThat(tolerant.answer()).isEqualTo(0.693);
        assertThat(tolerant.tolerance()).isEqualTo(0.001);
        assertThat(tolerant.feedback()).isEqualTo("ln 2.");
        Question exact = only("How many targets has a 5-token sequence under pre-training? {#4}");
        assertThat(exact.answer()).isEqualTo(4.0);
        assertThat(exact.tolerance()).isZero();
        Question range = only("Pick a λ between 0 and 1. {#0..1}");
        assertThat(range.answer()).isEqualTo(0.5);
        assertThat(range.tolerance()).isEqualTo(0.5);
        Question answered = only("What is 2 + 2? {#=4:0#Yes, four.}");
        assertThat(answered.answer()).isEqualTo(4.0);
        assertThat(answered.feedback()).isEqualTo("Yes, four.");
        assertThat(only("Negative? {#-1.5e2:0.5}").answer()).isEqualTo(-150.0);
    }

    @Test
    void escapedCharactersAreText() {
        Question q = only("::a\\:b::Is \\{x\\} \\= 1 \\~ 2 \\# 3 \\\\ 4?\\nSecond line. {=yes\\= #fine\\#1 ~no\\~}");
        assertThat(q.title()).isEqualTo("a:b");
        assertThat(q.text()).isEqualTo("Is {x} = 1 ~ 2 # 3 \\ 4?\nSecond line.");
        assertThat(q.options()).extracting(QuestionOption::text).containsExactly("yes=", "no~");
        assertThat(q.options().get(0).feedback()).isEqualTo("fine#1");
        assertThat(only("A regex \\d stays. {T}").text()).as("an unknown escape keeps its backslash")
                .isEqualTo("A regex \\d stays.");
    }

    @Test
    void textAfterTheBracesIsTheMissingWordForm() {
        Question q = only("The loss counts {=response ~prompt} tokens only.");
        assertThat(q.text()).isEqualTo("The loss counts _____ tokens only.");
    }

    @Test
    void blankLinesSeparateQuestionsAndCategoriesAndFormatsAreSkipped() {
        GiftReader.Reading reading = GiftReader.read("""
                $CATEGORY: losslens

                [plain]First? {T}


                [html]<b>Second</b>? {F}
                """);
        assertThat(reading.problems()).isEmpty();
        assertThat(reading.questions()).extracting(GiftQuestion::line, gift -> gift.question().text())
                .containsExactly(tuple(3, "First?"), tuple(6, "<b>Second</b>?"));
    }

    @Test
    void everyBadQuestionIsReportedAtItsLineAndTheGoodOnesStillRead() {
        String gift = """
                ::fine::A good one {T}

                An unclosed brace {=a
                ~b

                A stray } brace {=a ~b}

                A nested {=a {~b}

                Unknown kind {maybe}

                Bad number {#three:0.1}

                A bad weight {~%half%a ~b}

                Short answer {=cat =dog}

                Matching {=a -> 1 =b -> 2}

                Essay {}

                No answers at all

                Two right {=a =b ~c}

                ::unclosed title {T}

                Second braces {T} and {F}

                Several numbers {#=1:0 =2:0}
                """;
        assertThat(problems(gift)).containsExactly("3: gift.unclosed-brace", "6: gift.stray-brace",
                "8: gift.nested-brace", "10: gift.unknown-kind", "12: gift.bad-number", "14: gift.bad-weight",
                "16: gift.short-answer", "18: gift.matching", "20: gift.essay", "22: gift.no-braces",
                "24: gift.several-right", "26: gift.unclosed-title", "28: gift.second-braces",
                "30: gift.numeric-answers");
        assertThat(GiftReader.read(gift).questions()).extracting(read -> read.question().title())
                .containsExactly("fine");
        List<Rejection> bad = GiftReader.read("Bad number {#three:0.1}").problems().stream()
                .map(LineProblem::rejection).toList();
        assertThat(bad).singleElement().extracting(Rejection::arguments).isEqualTo(List.of("three"));
    }

    @Test
    void aProblemInsideAQuestionIsAtItsOwnLine() {
        assertThat(problems("""
                A question
                over lines {
                  =right
                  ~%x%wrong
                }""")).containsExactly("4: gift.bad-weight");
        assertThat(problems("Never closed {\n=a\n~b")).containsExactly("1: gift.unclosed-brace");
    }

    @Test
    void theRulesJudgeWhatReadsWellEachAtItsLine() {
        String tooLong = "x".repeat(LIMITS.optionChars() + 1);
        GiftImport.Plan plan = IMPORT.plan("""
                No right answer {~a ~b}

                {=just braces ~no text}

                An option too long {=%s ~b}

                Negative tolerance {#1:-0.5}

                Infinite {#1e400}

                A fine one {T}
                """.formatted(tooLong));
        assertThat(plan.problems()).extracting(LineProblem::line, p -> p.rejection().code(),
                        p -> p.rejection().field())
                .containsExactly(tuple(1, "questions.one-right", "options"), tuple(3, "empty", "text"),
                        tuple(5, "too-long", "options[0].text"), tuple(7, "questions.tolerance", "tolerance"),
                        tuple(9, "finite", "answer"));
        assertThat(plan.clean()).isFalse();
        assertThat(plan.questions()).singleElement().extracting(read -> read.question().text())
                .isEqualTo("A fine one");
    }

    @Test
    void anOptionsProblemIsAtTheOptionsOwnLine() {
        GiftImport.Plan plan = IMPORT.plan("Which? {\n=a\n~a\n}");
        assertThat(plan.problems()).extracting(LineProblem::line, p -> p.rejection().code())
                .containsExactly(tuple(3, "questions.option-repeats"));
    }
}
