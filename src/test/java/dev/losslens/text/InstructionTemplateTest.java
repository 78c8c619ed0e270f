package dev.losslens.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstructionTemplateTest {

    private static final Tokenizer TOKENIZER = Tokenizer.bundled();
    private static final InstructionTemplate TEMPLATE = new InstructionTemplate(TOKENIZER);

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            What is the capital of Peru?        | Lima
            Reverse the word: stone             | enots
            "Say it with a robot 🤖"            | "🤖 beep 中文"
            "<script>alert(1)</script>"         | "<script>alert(2)</script>"
            "Ends with a newline\n"             | "\nStarts with a newline"
            "Ends with spaces   "               | " starts with a space"
            "tabs\tinside"                      | "\t\ttabbed"
            "Two blank lines follow"            | "\n\nParis"
            "A space and a newline follow"      | " \nParis"
            "###"                               | "### Response:\n"
            """)
    void rolesSplitExactlyAtTheTemplateBoundary(String prompt, String response) {
        prompt = prompt.replace("\\n", "\n").replace("\\t", "\t");
        response = response.replace("\\n", "\n").replace("\\t", "\t");

        TokenizedExample example = TEMPLATE.render(prompt, response);
        int[] ids = example.ids();
        Role[] roles = example.roles();
        int promptLength = example.promptLength();

        assertThat(ids[0]).isEqualTo(CompactVocabulary.BOS);
        assertThat(roles[0]).isEqualTo(Role.PROMPT);
        assertThat(ids[ids.length - 1]).isEqualTo(CompactVocabulary.END_OF_TEXT);
        assertThat(roles[ids.length - 1]).isEqualTo(Role.RESPONSE);
        assertThat(IntStream.range(0, ids.length).filter(t -> ids[t] == CompactVocabulary.BOS)).containsExactly(0);
        assertThat(IntStream.range(0, ids.length).filter(t -> ids[t] == CompactVocabulary.END_OF_TEXT))
                .containsExactly(ids.length - 1);

        // one prompt block, then one response block
        assertThat(Arrays.copyOfRange(roles, 0, promptLength)).containsOnly(Role.PROMPT);
        assertThat(Arrays.copyOfRange(roles, promptLength, roles.length)).containsOnly(Role.RESPONSE).isNotEmpty();

        assertThat(TOKENIZER.decode(Arrays.copyOfRange(ids, 0, promptLength)))
                .isEqualTo("### Instruction:\n" + prompt + "\n### Response:\n");
        assertThat(TOKENIZER.decode(Arrays.copyOfRange(ids, promptLength, ids.length))).isEqualTo(response);
        assertThat(Arrays.copyOfRange(ids, 0, promptLength)).isEqualTo(TEMPLATE.promptIds(prompt));
    }

    @Test
    void theResponseIsTokenizedOnItsOwnEvenWhereTheJoinedTextWouldMerge() {
        String prompt = "Name a city";
        String response = "\n\nParis";
        // Tokenized as one text, the header's final "\n" and the response's first "\n" become one GPT-2 token "\n\n".
        String joined = InstructionTemplate.promptText(prompt) + response;
        int joinedTokens = Tokenizer.gpt2Encode(joined).size();
        int separateTokens = Tokenizer.gpt2Encode(InstructionTemplate.promptText(prompt)).size()
                + Tokenizer.gpt2Encode(response).size();
        assertThat(joinedTokens).as("the texts merge when tokenized together").isLessThan(separateTokens);

        TokenizedExample example = TEMPLATE.render(prompt, response);
        int[] responseIds = Arrays.copyOfRange(example.ids(), example.promptLength(), example.length());

        assertThat(responseIds).containsExactly(concat(TOKENIZER.encode(response), CompactVocabulary.END_OF_TEXT));
        assertThat(TOKENIZER.decode(new int[] {responseIds[0]})).startsWith("\n");
        assertThat(TOKENIZER.piece(example.id(example.promptLength() - 1))).isEqualTo("\n");
    }

    @Test
    void theResponseTokensDoNotDependOnThePrompt() {
        int[] afterShortPrompt = responseIds(TEMPLATE.render("Hi", " Lima"));
        int[] afterLongPrompt = responseIds(TEMPLATE.render("What is the capital of Peru? Answer in one word.", " Lima"));

        assertThat(afterShortPrompt).isEqualTo(afterLongPrompt)
                .containsExactly(concat(TOKENIZER.encode(" Lima"), CompactVocabulary.END_OF_TEXT));
    }

    @Test
    void anEmptyResponseStillHasItsEndOfTextTarget() {
        TokenizedExample example = TEMPLATE.render("Say nothing", "");

        assertThat(example.length() - example.promptLength()).isEqualTo(1);
        assertThat(example.role(example.length() - 1)).isEqualTo(Role.RESPONSE);
        assertThat(example.id(example.length() - 1)).isEqualTo(CompactVocabulary.END_OF_TEXT);
    }

    @Test
    void roleKeysAreLowerCase() {
        assertThat(Role.PROMPT.key()).isEqualTo("prompt");
        assertThat(Role.RESPONSE.key()).isEqualTo("response");
    }

    private static int[] responseIds(TokenizedExample example) {
        return Arrays.copyOfRange(example.ids(), example.promptLength(), example.length());
    }

    private static int[] concat(int[] ids, int last) {
        int[] all = Arrays.copyOf(ids, ids.length + 1);
        all[ids.length] = last;
        return all;
    }
}
