package dev.losslens.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslens.system.rejection.InvalidInputException;
import dev.losslens.system.rejection.NotFoundException;
import dev.losslens.system.rejection.Rejection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

class SampleDatasetsTest {

    private final SampleDatasets datasets = new SampleDatasets(new DefaultResourceLoader());

    @Test
    void listsTheManifestInOrderWithCapitalsAsDefault() {
        assertThat(datasets.list()).extracting(DatasetInfo::name)
                .containsExactly("capitals", "arithmetic", "reversal", "plurals", "first-word", "chat", "conversations");
        assertThat(datasets.list()).extracting(DatasetInfo::format).containsOnly(DatasetFormat.PAIR,
                DatasetFormat.CONVERSATION).last().isEqualTo(DatasetFormat.CONVERSATION);
        assertThat(datasets.list().get(0).title()).isEqualTo("Capitals");
    }

    @Test
    void loadsBothSplitsWithTheManifestSizes() {
        for (DatasetInfo info : datasets.list()) {
            if (info.isConversation()) {
                assertThat(datasets.conversations(info.name(), Split.TRAIN)).hasSize(info.train());
                assertThat(datasets.conversations(info.name(), Split.HELDOUT)).hasSize(info.heldout());
            } else {
                assertThat(datasets.pairs(info.name(), Split.TRAIN)).hasSize(info.train());
                assertThat(datasets.pairs(info.name(), Split.HELDOUT)).hasSize(info.heldout());
            }
        }
        assertThat(datasets.pairs("arithmetic", Split.TRAIN).get(0).prompt()).startsWith("What is ");
        assertThat(datasets.conversations("conversations", Split.TRAIN).get(0).messages()).hasSize(4);
    }

    @Test
    void loadsTheCorpusDocumentsIncludingHeldOutCapitals() {
        List<String> documents = datasets.corpusDocuments();
        List<String> lines = documents.stream().flatMap(String::lines).toList();
        assertThat(documents).hasSizeGreaterThan(900).allSatisfy(document -> assertThat(document).isNotBlank());
        assertThat(lines).contains("The capital of Peru is Lima.", "29 plus 47 equals 76.");
        datasets.pairs("capitals", Split.HELDOUT).stream()
                .filter(pair -> pair.prompt().startsWith("What is the capital of "))
                .forEach(pair -> assertThat(lines).contains("The capital of %s is %s".formatted(
                        pair.prompt().substring("What is the capital of ".length(), pair.prompt().length() - 1),
                        pair.response().substring("It is ".length()))));
    }

    @Test
    void theCorpusHoldsNoTemplateAndNoHeldOutPrompt() {
        String corpus = String.join("\n\n", datasets.corpusDocuments());
        assertThat(corpus).doesNotContain("### Instruction:", "### Response:");
        for (DatasetInfo info : datasets.list().stream().filter(info -> !info.isConversation()).toList()) {
            assertThat(datasets.pairs(info.name(), Split.HELDOUT)).allSatisfy(pair ->
                    assertThat(corpus).as(info.name()).doesNotContain(pair.prompt()));
        }
    }

    @Test
    void acceptsOnlyManifestNames() {
        assertThat(datasets.find("plurals")).map(DatasetInfo::title).contains("Plurals and opposites");
        assertThat(datasets.find("../datasets.json")).isEmpty();
        assertThat(datasets.find(null)).isEmpty();
        assertThatThrownBy(() -> datasets.pairs("corpus", Split.TRAIN))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.rejections()).containsExactly(
                        new Rejection("name", "dataset.unknown",
                                List.of("corpus", "capitals, arithmetic, reversal, plurals, first-word, chat, conversations"))));
    }

    @Test
    void parsesSplitsLeniently() {
        assertThat(Split.parse("train")).isEqualTo(Split.TRAIN);
        assertThat(Split.parse(" HeldOut ")).isEqualTo(Split.HELDOUT);
        assertThat(Split.parse("held-out")).isEqualTo(Split.HELDOUT);
        assertThatThrownBy(() -> Split.parse("test"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.rejections())
                        .containsExactly(new Rejection("split", "dataset.split", List.of())));
        assertThatThrownBy(() -> Split.parse(null)).isInstanceOf(InvalidInputException.class);
    }
}
