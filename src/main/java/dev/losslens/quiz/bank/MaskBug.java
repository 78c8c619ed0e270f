package dev.losslens.quiz.bank;

import dev.losslens.notation.Keyed;
import dev.losslens.objective.LossObjective;
import dev.losslens.text.Role;
import dev.losslens.text.TokenizedExample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A bug that real training scripts plant in the labels of instruction fine-tuning, and what it does. Labels follow
 * the HuggingFace convention: aligned with the input ids (the model shifts them), −100 where a target is ignored.
 */
public enum MaskBug implements Keyed {

    NO_END_OF_TEXT("never-stops"),
    SHIFTED_TWICE("garbled"),
    PROMPT_UNMASKED("full-sequence"),
    PAD_IS_END("never-stops"),
    BOUNDARY_LOST("no-start");

    static final String IGNORED = "−100";
    public static final int PADDING = 2;

    private final String effect;

    /** @param effect what it does to the model, as the key of {@code quiz.effect.*}; its title is {@code quiz.bug.<key>} */
    MaskBug(String effect) {
        this.effect = effect;
    }

    /** The distinct effects, in order: two bugs can do the same harm. */
    public static List<String> effects() {
        return Arrays.stream(values()).map(MaskBug::effect).distinct().toList();
    }

    /** What it does to the model, as the key of its sentence {@code quiz.effect.<effect>}. */
    public String effect() {
        return effect;
    }

    /** The sequence the buggy script builds: without its end-of-text when that is never appended. */
    public TokenizedExample sequence(TokenizedExample example) {
        if (this != NO_END_OF_TEXT) {
            return example;
        }
        int n = example.length() - 1;
        return new TokenizedExample(Arrays.copyOf(example.ids(), n), Arrays.copyOf(example.roles(), n));
    }

    /**
     * The label of every position of the {@link #sequence}, padded by {@value #PADDING} end-of-text tokens as in a
     * batch, with this bug planted: a token's text where it is a target, {@value #IGNORED} where it is not.
     *
     * @param pieces the text of each id
     */
    public List<String> labels(TokenizedExample example, List<String> pieces) {
        double[] weights = LossObjective.INSTRUCTION.targetWeights(example);
        int n = example.length();
        List<String> labels = new ArrayList<>();
        for (int t = 0; t < n + PADDING; t++) {
            boolean real = t < n;
            boolean prompt = real && example.role(t) == Role.PROMPT;
            boolean target = real && t > 0 && (weights[t] > 0 || (this == PROMPT_UNMASKED && prompt));
            if (this == PAD_IS_END && t == n - 1) {
                target = false;
            }
            if (this == BOUNDARY_LOST && real && !prompt && example.role(t - 1) == Role.PROMPT) {
                target = false;
            }
            labels.add(target ? pieces.get(t) : IGNORED);
        }
        if (this == SHIFTED_TWICE) {
            labels.remove(0);
            labels.add(IGNORED);
        }
        return labels;
    }
}
