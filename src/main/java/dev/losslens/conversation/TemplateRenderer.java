package dev.losslens.conversation;

import dev.losslens.text.CompactVocabulary;
import dev.losslens.text.Tokenizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Renders a conversation with a chat template and tokenizes it, knowing for every token which turn and which part of
 * it the token belongs to. Turns are found the way Axolotl finds them: the rendering of the first i messages is the
 * start of the rendering of all of them, so turn i is what message i adds (a template that rewrites earlier turns
 * falls back to finding each message's content and the end-of-turn token after it). The text is tokenized piece by
 * piece at every boundary, a special token always a piece of its own as in the stacks' tokenizers, so no token
 * straddles two parts.
 */
public final class TemplateRenderer {

    /** Time one rendering may take. */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(1);

    private final Tokenizer tokenizer;
    private final JinjaSandbox jinja = new JinjaSandbox(TIME_LIMIT);

    public TemplateRenderer(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /**
     * @param maxTokens the context: tokens after it are cut, from the right, as the stacks truncate by default
     * @throws TemplateException when the template cannot render these messages
     */
    public TokenizedConversation render(ChatTemplate template, Conversation conversation, int maxTokens) {
        List<Message> messages = conversation.messages();
        Rendering full = jinja.render(template, messages, false);
        String text = full.text();
        Rendering prompt = jinja.render(template, messages.subList(0, conversation.lastAnswerIndex()), true);
        int completionStart = Math.min(prompt.text().length(), text.length());
        List<TurnSpan> turns = turns(template, messages, text);

        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, text.length(), completionStart));
        for (TurnSpan turn : turns) {
            cuts.addAll(List.of(turn.start(), turn.contentStart(), turn.contentEnd(), turn.end()));
        }
        full.generated().forEach(range -> cuts.addAll(List.of(range[0], range[1])));
        for (int i = 0; i < text.length(); i++) {
            String spelling = special(text, i, turns);
            if (spelling != null) {
                cuts.add(i);
                cuts.add(i + spelling.length());
            }
        }

        List<ConversationToken> tokens = new ArrayList<>();
        int from = 0;
        for (int to : cuts.tailSet(0, false)) {
            tokens.addAll(piece(text, from, to, turns, full, completionStart));
            from = to;
        }
        if (tokens.isEmpty() || tokens.get(0).id() != CompactVocabulary.BOS) {
            tokens.add(0, new ConversationToken(CompactVocabulary.BOS, SpecialTokens.BOS_SPELLING, -1, null,
                    Part.SCAFFOLD, false, false));
        }
        return new TokenizedConversation(conversation, text, turns, tokens, maxTokens);
    }

    /** The tokens of {@code text[from, to)}, a piece that lies within one part of one turn. */
    private List<ConversationToken> piece(String text, int from, int to, List<TurnSpan> turns, Rendering full,
                                          int completionStart) {
        TurnSpan turn = turns.stream().filter(span -> span.holds(from)).findFirst().orElse(null);
        String special = special(text, from, turns);
        Part part = turn == null ? Part.SCAFFOLD : turn.partAt(from, special == null ? 0 : special.length());
        int message = turn == null ? -1 : turn.message();
        Speaker speaker = turn == null ? null : turn.speaker();
        boolean generated = full.generated(from);
        boolean completion = from >= completionStart;
        if (special != null && special.length() == to - from) {
            return List.of(new ConversationToken(SpecialTokens.IDS.get(special), special, message, speaker, part,
                    generated, completion));
        }
        List<ConversationToken> tokens = new ArrayList<>();
        for (int id : tokenizer.encode(text.substring(from, to))) {
            tokens.add(new ConversationToken(id, tokenizer.piece(id), message, speaker, part, generated, completion));
        }
        return tokens;
    }

    /** A special token's spelling starting at {@code position} in template text; a message's content has none. */
    private static String special(String text, int position, List<TurnSpan> turns) {
        boolean inContent = turns.stream().anyMatch(turn -> turn.holds(position) && turn.partAt(position, 0) == Part.CONTENT);
        return inContent ? null : SpecialTokens.at(text, position);
    }

    private List<TurnSpan> turns(ChatTemplate template, List<Message> messages, String text) {
        List<TurnSpan> turns = new ArrayList<>();
        int cursor = leadingScaffold(template, text);
        boolean prefixes = true;
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            int end = -1;
            if (prefixes) {
                String upTo = i == messages.size() - 1 ? text
                        : jinja.render(template, messages.subList(0, i + 1), false).text();
                prefixes = text.startsWith(upTo) && upTo.length() >= cursor;
                end = prefixes ? upTo.length() : -1;
            }
            int contentStart = text.indexOf(message.content(), cursor);
            int contentEnd = contentStart + message.content().length();
            boolean found = contentStart >= 0 && (end < 0 || contentEnd <= end);
            if (end < 0) {
                end = found ? afterEndOfTurn(text, contentEnd) : cursor;
            }
            turns.add(found
                    ? new TurnSpan(i, message.speaker(), cursor, contentStart, contentEnd, end,
                            endOfTurn(text, contentEnd, end), true)
                    : new TurnSpan(i, message.speaker(), cursor, end, end, end, -1, false));
            cursor = end;
        }
        return turns;
    }

    /** What the template writes before any message, if it renders no messages as the start of the whole. */
    private int leadingScaffold(ChatTemplate template, String text) {
        try {
            String none = jinja.render(template, List.of(), false).text();
            return text.startsWith(none) ? none.length() : 0;
        } catch (TemplateException needsMessages) {
            return 0;
        }
    }

    /** Where the first end-of-turn spelling in {@code [from, to)} starts, or -1. */
    private static int endOfTurn(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (SpecialTokens.isEnd(SpecialTokens.at(text, i))) {
                return i;
            }
        }
        return -1;
    }

    /** Just after the end-of-turn spelling that follows {@code from} and the line breaks after it. */
    private static int afterEndOfTurn(String text, int from) {
        int end = from;
        for (int i = from; i < text.length(); i++) {
            String spelling = SpecialTokens.at(text, i);
            if (SpecialTokens.isEnd(spelling)) {
                end = i + spelling.length();
                break;
            }
        }
        while (end < text.length() && text.charAt(end) == '\n') {
            end++;
        }
        return end;
    }
}
