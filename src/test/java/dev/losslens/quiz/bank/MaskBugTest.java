package dev.losslens.quiz.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.text.CompactVocabulary;
import dev.losslens.text.InstructionTemplate;
import dev.losslens.text.TokenizedExample;
import dev.losslens.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each planted bug changes exactly the labels it names, against the correct instruction labels. */
class MaskBugTest {

    private static final Tokenizer TOKENIZER = Tokenizer.bundled();
    private static final TokenizedExample EXAMPLE = new InstructionTemplate(TOKENIZER).render("What is 84 - 48?", "36");
    private static final int N = EXAMPLE.length();
    private static final int FIRST_RESPONSE = EXAMPLE.promptLength();
    private static final String IGNORED = MaskBug.IGNORED;

    private static List<String> pieces() {
        List<String> pieces = new ArrayList<>();
        IntStream.range(0, N).forEach(t -> pieces.add(TOKENIZER.piece(EXAMPLE.id(t))));
        IntStream.range(0, MaskBug.PADDING).forEach(t -> pieces.add(TOKENIZER.piece(CompactVocabulary.END_OF_TEXT)));
        return pieces;
    }

    /** Instruction fine-tuning done right: response positions and end-of-text labelled, the rest −100. */
    private static List<String> correct() {
        List<String> pieces = pieces();
        return IntStream.range(0, N + MaskBug.PADDING)
                .mapToObj(t -> t >= FIRST_RESPONSE && t < N ? pieces.get(t) : IGNORED).toList();
    }

    private static List<String> with(MaskBug bug) {
        return bug.labels(EXAMPLE, pieces());
    }

    @Test
    void eachBugChangesWhatItNames() {
        List<String> right = correct();
        assertThat(right.get(N - 1)).isEqualTo("<|endoftext|>");

        TokenizedExample unended = MaskBug.NO_END_OF_TEXT.sequence(EXAMPLE);
        assertThat(unended.length()).as("end-of-text never appended").isEqualTo(N - 1);
        List<String> unendedPieces = new ArrayList<>(pieces());
        unendedPieces.remove(N - 1);
        List<String> noEnd = MaskBug.NO_END_OF_TEXT.labels(unended, unendedPieces);
        assertThat(noEnd.subList(0, N - 1)).isEqualTo(right.subList(0, N - 1));
        assertThat(noEnd.subList(N - 1, noEnd.size())).containsOnly(IGNORED);

        List<String> padIsEnd = new ArrayList<>(right);
        padIsEnd.set(N - 1, IGNORED);
        assertThat(with(MaskBug.PAD_IS_END)).as("the real end-of-text masked with the padding that shares its id")
                .isEqualTo(padIsEnd);

        List<String> shifted = new ArrayList<>(right.subList(1, right.size()));
        shifted.add(IGNORED);
        assertThat(with(MaskBug.SHIFTED_TWICE)).isEqualTo(shifted);

        List<String> late = new ArrayList<>(right);
        late.set(FIRST_RESPONSE, IGNORED);
        assertThat(with(MaskBug.BOUNDARY_LOST)).isEqualTo(late);

        List<String> unmasked = with(MaskBug.PROMPT_UNMASKED);
        assertThat(unmasked.get(0)).as("the first token is never a target").isEqualTo(IGNORED);
        assertThat(unmasked.subList(1, N)).isEqualTo(pieces().subList(1, N));
        assertThat(unmasked.subList(N, N + MaskBug.PADDING)).containsOnly(IGNORED);
    }

    @Test
    void everyBugLeavesADifferentLabelRow() {
        List<List<String>> rows = new ArrayList<>();
        for (MaskBug bug : MaskBug.values()) {
            TokenizedExample sequence = bug.sequence(EXAMPLE);
            List<String> pieces = new ArrayList<>();
            IntStream.range(0, sequence.length()).forEach(t -> pieces.add(TOKENIZER.piece(sequence.id(t))));
            IntStream.range(0, MaskBug.PADDING).forEach(t -> pieces.add(TOKENIZER.piece(CompactVocabulary.END_OF_TEXT)));
            List<String> row = new ArrayList<>(pieces);
            row.addAll(bug.labels(sequence, pieces));
            rows.add(row);
        }
        assertThat(rows).as("inputs and labels together tell the bugs apart").doesNotHaveDuplicates();
    }

    @Test
    void twoBugsThatDoTheSameHarmShareOneEffect() {
        assertThat(MaskBug.effects()).hasSize(4).doesNotHaveDuplicates();
        assertThat(MaskBug.PAD_IS_END.effect()).isEqualTo(MaskBug.NO_END_OF_TEXT.effect());
    }
}
