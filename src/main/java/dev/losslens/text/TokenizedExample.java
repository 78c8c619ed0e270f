package dev.losslens.text;

import java.util.Arrays;

/**
 * One templated pair as the model sees it: token ids and the role of each token. Position t of the model
 * predicts token t + 1, so token t is a target exactly when t ≥ 1; its role decides which objectives count it.
 */
public record TokenizedExample(int[] ids, Role[] roles) {

    public TokenizedExample {
        if (ids.length != roles.length) {
            throw new IllegalArgumentException("ids and roles differ in length");
        }
        ids = ids.clone();
        roles = roles.clone();
    }

    public int length() {
        return ids.length;
    }

    public int id(int position) {
        return ids[position];
    }

    public Role role(int position) {
        return roles[position];
    }

    @Override
    public int[] ids() {
        return ids.clone();
    }

    @Override
    public Role[] roles() {
        return roles.clone();
    }

    /**
     * The same tokens with the end-of-text targets moved to the prompt: the response without its end, which an
     * objective that does not count the prompt never teaches the model to write.
     */
    public TokenizedExample withoutEndOfText() {
        Role[] moved = roles.clone();
        for (int t = 0; t < ids.length; t++) {
            if (ids[t] == CompactVocabulary.END_OF_TEXT) {
                moved[t] = Role.PROMPT;
            }
        }
        return new TokenizedExample(ids, moved);
    }

    public int promptLength() {
        int n = 0;
        while (n < roles.length && roles[n] == Role.PROMPT) {
            n++;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenizedExample other && Arrays.equals(ids, other.ids) && Arrays.equals(roles, other.roles);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + Arrays.hashCode(roles);
    }

    @Override
    public String toString() {
        return "TokenizedExample" + Arrays.toString(ids);
    }
}
