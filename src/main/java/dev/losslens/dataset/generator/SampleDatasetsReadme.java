package dev.losslens.dataset.generator;

import dev.losslens.conversation.Message;
import dev.losslens.dataset.PromptResponsePair;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The README of {@code sample-datasets/}, written with the data so that its sizes are always true. */
final class SampleDatasetsReadme {

    private SampleDatasetsReadme() {
    }

    static String render(List<GeneratedTask> tasks, List<GeneratedConversations> conversations,
                         Map<String, String> files) {
        StringBuilder out = new StringBuilder();
        out.append("""
                # Sample datasets

                Synthetic instruction tasks that a tiny GPT can learn in a few hundred steps and whose answers can be
                checked exactly, plus a plain-text corpus of short documents for pre-training the base model.
                Everything except `vocab/` and `checkpoints/` is written by
                `dev.losslens.dataset.generator.SampleDatasetGenerator`; do not edit it by hand.

                ## How it was made

                ```
                %s
                ```

                The generator uses fixed seeds and no clock: running it twice gives byte-identical files.
                The compact vocabulary (`vocab/`) and the base checkpoint are built from these files and versioned
                together, so regenerate them whenever the data changes.

                ## Format

                - `<task>/train.jsonl` and `<task>/heldout.jsonl`: JSON Lines, one `{"prompt": ..., "response": ...}`
                  object per line. No prompt occurs in both splits. Prompts are at most 200 characters and responses
                  at most 120, so a pair with its template fits the model's 128-token context.
                - A conversation dataset's splits hold one `{"messages": [{"role": ..., "content": ...}, ...]}`
                  object per line instead: an optional system message, then user and assistant turns, ending with an
                  assistant turn. The lab renders them with the ChatML template; its explorer and quizzes read pairs.
                - `corpus/*.txt`: documents separated by a blank line, each trained as `<|bos|> document <|endoftext|>`:
                  fact sheets under `### Heading:` lines, prose paragraphs, word lists, and worked questions as
                  `Q:` / `A:` lines. Every fact is stated, held-out ones included, so the base knows what a held-out
                  question asks about. Worked questions come from train pairs only (and none that wraps a held-out
                  prompt); no document contains the instruction template (`### Instruction:` / `### Response:`) or a
                  held-out prompt, so the format is still what fine-tuning teaches.
                - `datasets.json`: the manifest the app reads (a jar's classpath cannot be listed): every task's name,
                  title, description and split sizes in display order (`"format": "conversation"` on conversation
                  datasets), and the corpus files.

                ## Tasks

                | name | title | train | heldout | example prompt | response |
                |---|---|---:|---:|---|---|
                """.formatted(SampleDatasetGenerator.COMMAND));
        for (GeneratedTask task : tasks) {
            PromptResponsePair example = task.train().get(0);
            out.append("| `%s` | %s | %d | %d | %s | %s |\n".formatted(task.name(), task.title(),
                    task.train().size(), task.heldout().size(), cell(example.prompt()), cell(example.response())));
        }
        for (GeneratedConversations task : conversations) {
            List<Message> example = task.train().get(0).messages();
            out.append("| `%s` | %s | %d | %d | %s | %s |\n".formatted(task.name(), task.title(),
                    task.train().size(), task.heldout().size(),
                    cell(example.subList(0, example.size() - 1).stream().map(Message::content)
                            .collect(Collectors.joining(" / "))),
                    cell(example.get(example.size() - 1).content())));
        }
        out.append("\n## Split rules\n\n");
        for (GeneratedTask task : tasks) {
            out.append("- `%s`: %s\n".formatted(task.name(), task.splitRule()));
        }
        for (GeneratedConversations task : conversations) {
            out.append("- `%s`: %s\n".formatted(task.name(), task.splitRule()));
        }
        out.append("""

                The capitals split is the one the course leans on: a lane fine-tuned from the pre-trained base has
                read every capital in the corpus, so it can answer held-out questions that a lane trained from
                scratch cannot.

                ## Files

                | file | lines | bytes |
                |---|---:|---:|
                """);
        files.forEach((path, content) -> out.append("| `%s` | %d | %d |\n".formatted(path,
                content.chars().filter(c -> c == '\n').count(), content.getBytes(StandardCharsets.UTF_8).length)));
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
