package dev.losslens.system.words;

/**
 * A formula of the course, by the plain text that the quiz bank, the lecture deck and the API write (subscripts after
 * {@code _}, braces around a subscript of more than one symbol) and the fragment of
 * {@code templates/fragments/formulas.html} that typesets it. A page typesets every formula a sentence contains; the
 * bank and the deck stay plain text, so the API, the exports and a phone without MathML read them unchanged.
 */
public enum Formula {
    PT_LOSS("pt-loss", "L_PT(θ) = −Σ_{t=1..n} log p_θ(x_t | x_<t)"),
    BOS("bos", "x_0 = <|bos|>"),
    SFT_LOSS("sft-loss", "L_SFT(θ) = −Σ_{t∈response} log p_θ(y_t | x, y_<t)"),
    SFT_ARGMAX("sft-argmax", "θ̂ = argmax_θ Σ_{(x,y)∈D} log p_θ(y | x)"),
    JOINT_ARGMAX("joint-argmax", "θ̂ = argmax_θ Σ_{(x,y)∈D} log p_θ(x, y)"),
    REVERSED_ARGMAX("reversed-argmax", "θ̂ = argmax_θ Σ_{(x,y)∈D} log p_θ(x | y)"),
    SFT_ARGMIN("sft-argmin", "θ̂ = argmin_θ Σ_{(x,y)∈D} log p_θ(y | x)"),
    CHAIN_RULE("chain-rule", "log p_θ(y | x) = Σ_t log p_θ(y_t | x, y_<t)"),
    CHAIN_SUM("chain-sum", "Σ_t log p_θ(y_t | x, y_<t)"),
    EARLIER_RESPONSE("earlier-response", "y_<t"),
    LOG_CONDITIONAL("log-conditional", "log p_θ(y | x)"),
    SFT_NLL("sft-nll", "L_SFT = −log p_θ(y | x)"),
    SFT_NAME("sft-name", "L_SFT"),
    LAMBDA_LOSS("lambda-loss", "L_λ = L_response + λ · L_prompt"),
    LAMBDA_NAME("lambda-name", "L_λ"),
    RESPONSE_NAME("response-name", "L_response"),
    PROMPT_NAME("prompt-name", "L_prompt"),
    DRIFT("drift", "‖θ − θ₀‖ / ‖θ₀‖"),
    AT_START("at-start", "θ = θ₀"),
    START("start", "θ₀"),
    JOINT_FACTORS("joint-factors", "p(x, y) = p(x) · p(y | x)"),
    LOG_JOINT("log-joint", "log p(x, y) = log p(x) + log p(y | x)"),
    WEIGHTED_MEAN("weighted-mean", "Σ w·nll / Σ w"),
    WEIGHTED_SUM("weighted-sum", "Σ w·nll"),
    WEIGHT_TOTAL("weight-total", "Σ w");

    private final String fragment;
    private final String plain;

    Formula(String fragment, String plain) {
        this.fragment = fragment;
        this.plain = plain;
    }

    /** The name of its MathML fragment. */
    public String fragment() {
        return fragment;
    }

    public String plain() {
        return plain;
    }
}
