package dev.losslens.explorer;

import dev.losslens.checkpoint.LanguageModels;
import dev.losslens.checkpoint.UnknownCheckpointException;
import dev.losslens.explorer.Breakdown.Candidate;
import dev.losslens.explorer.Breakdown.ExplainedToken;
import dev.losslens.explorer.Breakdown.TargetWeights;
import dev.losslens.model.BaseCheckpoint;
import dev.losslens.model.ModelConfig;
import dev.losslens.model.Prediction;
import dev.losslens.model.TokenScores;
import dev.losslens.objective.LossBreakdown;
import dev.losslens.objective.LossObjective;
import dev.losslens.objective.LossTotals;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.system.rejection.InvalidInputException;
import dev.losslens.system.rejection.NotFoundException;
import dev.losslens.system.rejection.Rejection;
import dev.losslens.text.InstructionTemplate;
import dev.losslens.text.TokenizedExample;
import dev.losslens.text.Tokenizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/** Validates a pair, runs it through a checkpoint on the inference thread and explains every token's loss. */
@Service
class BreakdownService {

    /** Read pairs with the pre-trained base unless asked otherwise: its losses tell a story, random ones do not. */
    static final String DEFAULT_CHECKPOINT = BaseCheckpoint.ID;
    /** λ shown when none is asked for: small but visible (OpenAI's legacy API defaulted to 0.01). */
    static final double DEFAULT_PROMPT_WEIGHT = 0.1;
    private static final Pattern CHECKPOINT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final InstructionTemplate template;
    private final Tokenizer tokenizer;
    private final LanguageModels models;
    private final ExplorerProperties limits;

    BreakdownService(InstructionTemplate template, Tokenizer tokenizer, LanguageModels models, ExplorerProperties limits) {
        this.template = template;
        this.tokenizer = tokenizer;
        this.models = models;
        this.limits = limits;
    }

    ExplorerLimits limits() {
        return new ExplorerLimits(limits.promptChars(), limits.responseChars(), ModelConfig.CONTEXT);
    }

    Breakdown explain(BreakdownRequest request) {
        String prompt = text("prompt", request.prompt());
        String response = text("response", request.response());
        double lambda = promptWeight(request.promptWeight());
        String checkpoint = checkpoint(request.checkpoint());
        TokenizedExample example = template.render(prompt, response);
        requireFits(example);
        TokenScores scores = score(checkpoint, example.ids());
        LossBreakdown losses = LossBreakdown.of(example, scores.nll(), lambda);
        Map<String, LossTotals> totals = new LinkedHashMap<>();
        totals.put(ObjectiveKind.PRETRAINING.key(), losses.pretraining());
        totals.put(ObjectiveKind.INSTRUCTION.key(), losses.instruction());
        totals.put(ObjectiveKind.WEIGHTED.key(), losses.weighted());
        int bytePieces = tokenizer.fallbackBytes(prompt) + tokenizer.fallbackBytes(response);
        return new Breakdown(checkpoint, tokenizer.vocabSize(), lambda, ModelConfig.CONTEXT, tokens(example, scores, lambda),
                totals, losses.promptShare(), bytePieces);
    }

    /** Either side may still be empty while the learner types; the character limits still apply. */
    TokenCount count(String prompt, String response) {
        String promptText = requireLength("prompt", prompt == null ? "" : prompt, limits.promptChars());
        String responseText = requireLength("response", response == null ? "" : response, limits.responseChars());
        TokenizedExample example = template.render(promptText, responseText);
        return new TokenCount(example.length(), example.promptLength(), example.length() - example.promptLength(),
                ModelConfig.CONTEXT, tokenizer.fallbackBytes(promptText) + tokenizer.fallbackBytes(responseText));
    }

    static double promptWeight(Double value) {
        if (value == null) {
            return DEFAULT_PROMPT_WEIGHT;
        }
        if (value.isNaN() || value < 0 || value > 1) {
            throw new InvalidInputException("promptWeight", "number-range-was", new Rejection.Field("promptWeight"), 0, 1,
                    value);
        }
        return value;
    }

    String checkpoint(String id) {
        return id == null || id.isBlank() ? DEFAULT_CHECKPOINT : checkpoint("checkpoint", id);
    }

    /** A known checkpoint id, reported against {@code field} if it is not. */
    String checkpoint(String field, String id) {
        if (!CHECKPOINT_ID.matcher(id).matches()) {
            throw new InvalidInputException(field, "checkpoint.id", new Rejection.Field(field));
        }
        if (models.find(id).isEmpty()) {
            throw new NotFoundException(field, "checkpoint.unknown", id);
        }
        return id;
    }

    /** The prompt or response if it is non-empty and within its character limit. */
    String text(String field, String value) {
        return requireText(field, value, "prompt".equals(field) ? limits.promptChars() : limits.responseChars());
    }

    private static String requireText(String field, String value, int maxChars) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "empty", new Rejection.Field(field));
        }
        return requireLength(field, value, maxChars);
    }

    private static String requireLength(String field, String value, int maxChars) {
        if (value.length() > maxChars) {
            throw new InvalidInputException(field, "too-long", new Rejection.Field(field), value.length(), maxChars);
        }
        return value;
    }

    private void requireFits(TokenizedExample example) {
        if (example.length() > ModelConfig.CONTEXT) {
            int promptTokens = example.promptLength();
            // a non-empty response needs at least one token plus end-of-text, so past CONTEXT − 2 the prompt is at fault
            String field = promptTokens + 2 > ModelConfig.CONTEXT ? "prompt" : "response";
            throw new InvalidInputException(field, "explorer.context", example.length(), promptTokens,
                    example.length() - promptTokens, ModelConfig.CONTEXT);
        }
    }

    TokenScores score(String checkpoint, int[] ids) {
        try {
            return models.score(checkpoint, ids, limits.topK()).get(limits.timeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof UnknownCheckpointException unknown) {
                throw new NotFoundException("checkpoint", "checkpoint.unknown", unknown.id());
            }
            throw new IllegalStateException("scoring failed", e.getCause());
        } catch (TimeoutException e) {
            throw new ModelBusyException();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelBusyException();
        }
    }

    private List<ExplainedToken> tokens(TokenizedExample example, TokenScores scores, double lambda) {
        double[] pretraining = LossObjective.PRETRAINING.targetWeights(example);
        double[] instruction = LossObjective.INSTRUCTION.targetWeights(example);
        double[] weighted = LossObjective.weighted(lambda).targetWeights(example);
        List<ExplainedToken> tokens = new ArrayList<>(example.length());
        for (int t = 0; t < example.length(); t++) {
            List<Candidate> top = scores.top().get(t).stream().map(this::candidate).toList();
            tokens.add(new ExplainedToken(t, tokenizer.piece(example.id(t)), example.id(t), example.role(t).key(),
                    t == 0 ? null : scores.nll()[t],
                    new TargetWeights(pretraining[t], instruction[t], weighted[t]),
                    top, t == 0 ? null : tokenizer.piece(example.id(t - 1))));
        }
        return tokens;
    }

    private Candidate candidate(Prediction prediction) {
        return new Candidate(tokenizer.piece(prediction.id()), prediction.id(), prediction.probability());
    }
}
