package dev.losslens.system.words;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Splits a sentence into plain text and the formulas it contains, for the pages to typeset the formulas
 * ({@code fragments/formulas :: text(value)} calls it as {@code @formulas}).
 */
@Component("formulas")
public class Formulas {

    /** Longest first, so that a formula wins over a shorter one inside it ({@code L_SFT} in {@code L_SFT = …}). */
    private static final List<Formula> LONGEST_FIRST = Arrays.stream(Formula.values())
            .sorted(Comparator.comparingInt((Formula formula) -> formula.plain().length()).reversed()).toList();

    /** The sentence in order: runs of text, and each formula by the name of its fragment. */
    public List<Part> parts(String text) {
        List<Part> parts = new ArrayList<>();
        if (text == null) {
            return parts;
        }
        int plainFrom = 0;
        int at = 0;
        while (at < text.length()) {
            Formula found = formulaAt(text, at);
            if (found == null) {
                at++;
                continue;
            }
            if (at > plainFrom) {
                parts.add(new Part(text.substring(plainFrom, at), null));
            }
            parts.add(new Part(found.plain(), found.fragment()));
            at += found.plain().length();
            plainFrom = at;
        }
        if (plainFrom < text.length()) {
            parts.add(new Part(text.substring(plainFrom), null));
        }
        return parts;
    }

    private static Formula formulaAt(String text, int at) {
        for (Formula formula : LONGEST_FIRST) {
            if (text.startsWith(formula.plain(), at)) {
                return formula;
            }
        }
        return null;
    }

    /**
     * Part of a sentence.
     *
     * @param formula the fragment that typesets {@code text}, or null for plain text
     */
    public record Part(String text, String formula) {
    }
}
