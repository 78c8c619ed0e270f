package dev.losslens.conversation;

import dev.losslens.text.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/** Checks a conversation's mask under one rule for the mistakes of {@link LintWarning.Kind}. */
public final class MaskLinter {

    private static final int EVIDENCE = 12;

    private final Tokenizer tokenizer;

    public MaskLinter(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    public List<LintWarning> lint(TokenizedConversation conversation, MaskRule rule) {
        return linting(conversation).apply(rule);
    }

    /**
     * One conversation's checks under any rule: what does not depend on the rule (how the response template
     * tokenizes) is worked out once.
     */
    public Function<MaskRule, List<LintWarning>> linting(TokenizedConversation conversation) {
        Optional<LintWarning> split = responseTemplateSplit(conversation);
        return rule -> lint(conversation, rule, split);
    }

    private List<LintWarning> lint(TokenizedConversation conversation, MaskRule rule, Optional<LintWarning> split) {
        List<ConversationToken> tokens = conversation.tokens();
        boolean[] trained = conversation.trained(rule);
        int last = conversation.conversation().lastAnswerIndex();
        List<LintWarning> warnings = new ArrayList<>();

        List<Integer> answerContent = where(tokens, t -> t.assistant() && t.part() == Part.CONTENT);
        boolean answerTrained = answerContent.stream().anyMatch(t -> trained[t]);
        if (!answerTrained && !answerContent.isEmpty()) {
            warnings.add(warning(LintWarning.Kind.NO_ANSWER_TRAINED, tokens, answerContent));
        }
        List<Integer> answerEnds = where(tokens, t -> t.assistant() && t.part() == Part.END_OF_TURN);
        if (answerTrained && answerEnds.stream().noneMatch(t -> trained[t])) {
            warnings.add(answerEnds.isEmpty()
                    ? new LintWarning(LintWarning.Kind.END_NEVER_TRAINED, List.of(),
                            lastContentToken(tokens, last).stream().map(t -> tokens.get(t).text()).toList(),
                            LintWarning.NO_END_TOKEN)
                    : warning(LintWarning.Kind.END_NEVER_TRAINED, tokens, answerEnds));
        }
        split.ifPresent(warnings::add);
        List<ConversationToken> cut = conversation.cut();
        boolean lastAnswerKept = tokens.stream().anyMatch(t -> t.message() == last && t.part() == Part.CONTENT);
        if (!lastAnswerKept && cut.stream().anyMatch(t -> t.message() == last && t.part() == Part.CONTENT)) {
            List<Integer> positions = IntStream.range(0, cut.size())
                    .filter(i -> cut.get(i).message() == last && cut.get(i).part() == Part.CONTENT)
                    .mapToObj(i -> tokens.size() + i).toList();
            warnings.add(new LintWarning(LintWarning.Kind.ANSWER_TRUNCATED, positions, positions.stream()
                    .limit(EVIDENCE).map(i -> cut.get(i - tokens.size()).text()).toList()));
        }
        if (rule.answersOnly()) {
            List<Integer> prompt = where(tokens, t -> !t.assistant()).stream().filter(t -> trained[t]).toList();
            if (!prompt.isEmpty()) {
                warnings.add(warning(LintWarning.Kind.PROMPT_TRAINED, tokens, prompt));
            }
        }
        List<Integer> missing = conversation.missingMessages();
        if (!missing.isEmpty()) {
            warnings.add(new LintWarning(LintWarning.Kind.TURN_NOT_FOUND, List.of(), missing.stream()
                    .map(m -> conversation.conversation().messages().get(m).content()).toList()));
        }
        return warnings;
    }

    /**
     * The last assistant header as a collator searching for a response template tokenizes it (alone), when the
     * conversation tokenized as one text does not hold that sequence; the evidence goes on with the same stretch in
     * context, up to the answer's first tokens.
     */
    private Optional<LintWarning> responseTemplateSplit(TokenizedConversation conversation) {
        TurnSpan answer = conversation.turns().get(conversation.conversation().lastAnswerIndex());
        String header = conversation.text().substring(answer.start(), answer.contentStart());
        int[] alone = SpecialTokens.encode(tokenizer, header);
        if (header.isEmpty() || contains(SpecialTokens.encode(tokenizer, conversation.text()), alone)) {
            return Optional.empty();
        }
        int[] inContext = SpecialTokens.encode(tokenizer, conversation.text().substring(0, answer.contentEnd()));
        List<String> evidence = new ArrayList<>(pieces(alone));
        evidence.add("≠");
        evidence.addAll(pieces(Arrays.copyOfRange(inContext, Math.max(0, inContext.length - alone.length - 1),
                inContext.length)));
        return Optional.of(new LintWarning(LintWarning.Kind.RESPONSE_TEMPLATE_SPLIT, List.of(), evidence));
    }

    private List<String> pieces(int[] ids) {
        return Arrays.stream(ids).mapToObj(tokenizer::piece).toList();
    }

    private static boolean contains(int[] haystack, int[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    private static List<Integer> lastContentToken(List<ConversationToken> tokens, int last) {
        List<Integer> content = where(tokens, t -> t.message() == last && t.part() == Part.CONTENT);
        return content.isEmpty() ? List.of() : List.of(content.get(content.size() - 1));
    }

    private static List<Integer> where(List<ConversationToken> tokens, Predicate<ConversationToken> test) {
        return IntStream.range(1, tokens.size()).filter(t -> test.test(tokens.get(t))).boxed().toList();
    }

    private static LintWarning warning(LintWarning.Kind kind, List<ConversationToken> tokens, List<Integer> positions) {
        return new LintWarning(kind, positions, positions.stream().limit(EVIDENCE).map(t -> tokens.get(t).text()).toList());
    }
}
