package dev.losslens.dataset.generator;

import dev.losslens.dataset.PromptResponsePair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Short questions and answers about this course's topic, composed from several phrasings of each question and a
 * few conversational wrappers. One composed prompt per topic is held out, so the held-out split asks familiar
 * questions in unfamiliar words.
 */
final class ChatTask {

    private static final long SEED = 6006;
    private static final List<String> WRAPPERS = List.of(
            "%s", "Quick question: %s", "%s Answer briefly.", "Help me understand this: %s");

    /** Every phrasing must be answered well by the one answer; the statement goes to the corpus. */
    private record Topic(List<String> questions, String answer, String statement) {
    }

    private static final List<Topic> TOPICS = List.of(
            new Topic(List.of("Which tokens carry loss in instruction tuning?",
                    "In instruction tuning, which tokens are targets?",
                    "What counts in the instruction tuning loss?"),
                    "Only the response tokens and the end-of-text token; the prompt is input, not target.",
                    "In instruction tuning, only the response tokens and the end-of-text token carry loss."),
            new Topic(List.of("Which tokens carry loss in pre-training?",
                    "In pre-training, which tokens are targets?",
                    "What counts in the pre-training loss?"),
                    "Every token in the sequence is a target, prompt and response alike.",
                    "In pre-training, every token in the sequence is a target."),
            new Topic(List.of("Are masked prompt tokens removed from the input?",
                    "Are prompt tokens dropped from the input in instruction tuning?",
                    "Does masking the prompt delete it from the input?"),
                    "No. The model still reads the prompt tokens; only their loss is ignored.",
                    "Masked prompt tokens stay in the input; their loss is computed and ignored."),
            new Topic(List.of("What label marks an ignored target?",
                    "What does the label -100 mean?",
                    "How does HuggingFace tooling mask a target?"),
                    "The label -100 tells the loss to skip that position.",
                    "In HuggingFace tooling, the label -100 marks a target whose loss is ignored."),
            new Topic(List.of("Which token predicts the first response token?",
                    "What is label shift?",
                    "Where is the first response token predicted from?"),
                    "Position t predicts token t+1, so the last prompt token predicts the first response token.",
                    "The first response token is predicted from the last prompt token."),
            new Topic(List.of("Why is the end-of-text token a target?",
                    "Why does the end-of-text token carry loss?",
                    "What happens if the end-of-text token is not a target?"),
                    "The model must learn to stop; without that target it never learns to end its answer.",
                    "The end-of-text token is a target, or the model never learns to stop."),
            new Topic(List.of("What does the prompt loss weight do?",
                    "What is lambda in the weighted objective?",
                    "How does the prompt loss weight change the loss?"),
                    "It scales the prompt loss: the loss is the response loss plus lambda times the prompt loss.",
                    "The weighted loss is the response loss plus lambda times the prompt loss."),
            new Topic(List.of("What happens when lambda is 1?",
                    "What does a prompt loss weight of 1 give?",
                    "Which objective do we get with lambda equal to 1?"),
                    "The full-sequence objective: every token counts, as in pre-training.",
                    "With lambda equal to 1, every token counts, as in pre-training."),
            new Topic(List.of("What happens when lambda is 0?",
                    "What does a prompt loss weight of 0 give?",
                    "Which objective do we get with lambda equal to 0?"),
                    "Plain instruction tuning: only the response tokens count.",
                    "With lambda equal to 0, only the response tokens count, as in instruction tuning."),
            new Topic(List.of("What was the default prompt loss weight in OpenAI's legacy fine-tuning API?",
                    "Which default did OpenAI's legacy API use for prompt_loss_weight?",
                    "How much did OpenAI's legacy fine-tuning weight the prompt by default?"),
                    "0.01, so the prompt counted very little.",
                    "OpenAI's legacy fine-tuning API had a prompt_loss_weight with a default of 0.01."),
            new Topic(List.of("Is fine-tuning a different algorithm from pre-training?",
                    "Does fine-tuning need a new method because its dataset is smaller?",
                    "Do pre-training and instruction tuning use different machinery?"),
                    "No. Both are next-token prediction with gradient descent on cross-entropy.",
                    "Pre-training and fine-tuning are both next-token prediction with gradient descent on "
                            + "cross-entropy."),
            new Topic(List.of("Where does instruction tuning start from?",
                    "What are the initial weights for fine-tuning?",
                    "Which weights does fine-tuning begin with?"),
                    "From the pre-trained weights, which it moves only a little.",
                    "Fine-tuning starts from the pre-trained weights and moves them only a little."),
            new Topic(List.of("How is parameter drift measured?",
                    "How do we measure how far the weights moved?",
                    "What is the formula for parameter drift?"),
                    "The norm of the weight change divided by the norm of the initial weights.",
                    "Parameter drift is the norm of the weight change divided by the norm of the initial weights."),
            new Topic(List.of("Are the training losses of the two objectives comparable?",
                    "Can the pre-training and instruction tuning losses be compared directly?",
                    "Is comparing the raw training losses of the two objectives fair?"),
                    "Not directly: they average over different tokens. Compare held-out response loss per token.",
                    "The two training losses average over different tokens, so they are not comparable."),
            new Topic(List.of("Does a lower training loss mean a better instruction follower?",
                    "Is the run with the lowest training loss the best?",
                    "Does training loss tell us which model follows instructions better?"),
                    "No. Judge on held-out response loss and exact match of generated answers.",
                    "A lower training loss does not mean a better instruction follower."),
            new Topic(List.of("Where does the model's knowledge come from?",
                    "What does fine-tuning teach the model?",
                    "What does pre-training give the model?"),
                    "Knowledge comes from pre-training; fine-tuning mostly teaches format and behaviour.",
                    "The knowledge comes from pre-training; fine-tuning teaches the format and the behaviour."),
            new Topic(List.of("What data does pre-training use?",
                    "What is the pre-training data?",
                    "Which data trains the base model?"),
                    "A large corpus of unlabelled text.",
                    "Pre-training uses a large corpus of unlabelled text."),
            new Topic(List.of("What data does instruction tuning use?",
                    "What is the instruction tuning data?",
                    "Which data is used for instruction tuning?"),
                    "A small curated set of prompt and response pairs.",
                    "Instruction tuning uses a small curated set of prompt and response pairs."),
            new Topic(List.of("What does pre-training maximise?",
                    "What is the pre-training objective?",
                    "Which probability does pre-training increase?"),
                    "The log-probability of the whole sequence, each token given the tokens before it.",
                    "Pre-training maximises the log-probability of the whole sequence."),
            new Topic(List.of("What does instruction tuning maximise?",
                    "What is the instruction tuning objective?",
                    "Which probability does instruction tuning increase?"),
                    "The log-probability of the response given the prompt.",
                    "Instruction tuning maximises the log-probability of the response given the prompt."),
            new Topic(List.of("Does instruction tuning maximise the probability of the whole sequence?",
                    "Does fine-tuning maximise the probability of the prompt too?",
                    "Is the prompt a target in instruction tuning?"),
                    "No. It maximises the probability of the response given the prompt; the prompt is input only.",
                    "Instruction tuning does not maximise the probability of the prompt."),
            new Topic(List.of("How is the loss averaged over a batch?",
                    "How are token losses combined into one number?",
                    "What is the batch loss?"),
                    "The weighted sum of token losses divided by the sum of the weights: a true per-token mean.",
                    "The batch loss is the weighted sum of token losses divided by the sum of the weights."));

    private static final List<String> COURSE_FACTS = List.of(
            "Pre-training and instruction tuning train the same network with the same next-token machinery.",
            "Pre-training and instruction tuning optimise different objectives.",
            "The pre-training loss sums the negative log-probability of every token.",
            "The instruction tuning loss sums the negative log-probability of the response tokens only.",
            "The prompt tokens are inputs under both objectives.",
            "A prompt loss weight between 0 and 1 moves between the two objectives.",
            "Masks apply to targets, not to inputs.",
            "A fair comparison of the objectives uses the held-out response loss per token.",
            "Exact match checks whether the generated answer equals the reference answer.",
            "Two runs can have the same training loss and very different behaviour.",
            "Fine-tuning uses a small learning rate and few steps.");

    private ChatTask() {
    }

    static GeneratedTask generate() {
        Random random = new Random(SEED);
        List<PromptResponsePair> train = new ArrayList<>();
        List<PromptResponsePair> heldout = new ArrayList<>();
        for (Topic topic : TOPICS) {
            List<PromptResponsePair> composed = new ArrayList<>();
            for (String question : topic.questions()) {
                for (String wrapper : WRAPPERS) {
                    composed.add(new PromptResponsePair(wrapper.formatted(question), topic.answer()));
                }
            }
            Collections.shuffle(composed, random);
            heldout.add(composed.get(0));
            train.addAll(composed.subList(1, composed.size()));
        }
        Collections.shuffle(train, random);
        Collections.shuffle(heldout, random);
        List<String> facts = new ArrayList<>(COURSE_FACTS);
        TOPICS.forEach(topic -> facts.add(topic.statement()));
        return new GeneratedTask("chat", "Course chat",
                "Short questions and answers about pre-training, instruction tuning, loss masking and the prompt "
                        + "loss weight.",
                "by phrasing: one composed prompt per topic (%d topics) is held out; its answer is trained under "
                        .formatted(TOPICS.size()) + "other phrasings.",
                train, heldout, facts);
    }
}
