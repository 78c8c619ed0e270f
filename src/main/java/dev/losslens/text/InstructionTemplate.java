package dev.losslens.text;

import java.util.Arrays;

/**
 * {@code <|bos|>### Instruction:\n{prompt}\n### Response:\n} (role prompt) + {@code {response}<|endoftext|>}
 * (role response). The two sides are tokenized separately and concatenated, so the role boundary is exact: a
 * merge across the boundary could otherwise put the first response characters inside a prompt token.
 */
public final class InstructionTemplate {

    static final String PROMPT_PREFIX = "### Instruction:\n";
    static final String RESPONSE_HEADER = "\n### Response:\n";

    private final Tokenizer tokenizer;

    public InstructionTemplate(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    public TokenizedExample render(String prompt, String response) {
        int[] promptIds = prefixed(CompactVocabulary.BOS, tokenizer.encode(promptText(prompt)));
        int[] responseIds = suffixed(tokenizer.encode(response), CompactVocabulary.END_OF_TEXT);
        int[] ids = new int[promptIds.length + responseIds.length];
        System.arraycopy(promptIds, 0, ids, 0, promptIds.length);
        System.arraycopy(responseIds, 0, ids, promptIds.length, responseIds.length);
        Role[] roles = new Role[ids.length];
        Arrays.fill(roles, 0, promptIds.length, Role.PROMPT);
        Arrays.fill(roles, promptIds.length, ids.length, Role.RESPONSE);
        return new TokenizedExample(ids, roles);
    }

    /** The prompt side alone, as given to the model when it generates an answer. */
    public int[] promptIds(String prompt) {
        return prefixed(CompactVocabulary.BOS, tokenizer.encode(promptText(prompt)));
    }

    public static String promptText(String prompt) {
        return PROMPT_PREFIX + prompt + RESPONSE_HEADER;
    }

    private static int[] prefixed(int first, int[] rest) {
        int[] ids = new int[rest.length + 1];
        ids[0] = first;
        System.arraycopy(rest, 0, ids, 1, rest.length);
        return ids;
    }

    private static int[] suffixed(int[] rest, int last) {
        int[] ids = Arrays.copyOf(rest, rest.length + 1);
        ids[rest.length] = last;
        return ids;
    }
}
