package dev.losslens.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.system.rejection.InvalidInputException;
import dev.losslens.system.rejection.InvalidInputException;
import dev.losslens.system.rejection.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

class DatasetApiControllerTest {

    private final MockMvcTester mvc =
            MockMvcTester.of(new DatasetApiController(BundledOnly.catalogue()));

    @Test
    void listsDatasets() {
        assertThat(mvc.get().uri("/api/datasets")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$[0].name", name -> assertThat(name).isEqualTo("capitals"))
                .hasPathSatisfying("$[0].train", train -> assertThat(train).isEqualTo(320))
                .hasPathSatisfying("$[0].format", format -> assertThat(format).isEqualTo("pair"))
                .hasPathSatisfying("$[6].format", format -> assertThat(format).isEqualTo("conversation"))
                .hasPathSatisfying("$.length()", size -> assertThat(size).isEqualTo(7));
    }

    @Test
    void aConversationDatasetHasNoPairsToList() {
        assertThat(mvc.get().uri("/api/datasets/conversations/pairs")).hasFailed().failure().rootCause()
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.rejections().get(0).code())
                        .isEqualTo("dataset.conversations"));
    }

    @Test
    void numbersTheTrainPairsByDefault() {
        assertThat(mvc.get().uri("/api/datasets/arithmetic/pairs")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.length()", size -> assertThat(size).isEqualTo(600))
                .hasPathSatisfying("$[0].index", index -> assertThat(index).isEqualTo(0))
                .hasPathSatisfying("$[1].index", index -> assertThat(index).isEqualTo(1))
                .hasPathSatisfying("$[0].prompt", prompt -> assertThat(prompt).isEqualTo("What is 29 + 47?"))
                .hasPathSatisfying("$[0].response", response -> assertThat(response).isEqualTo("76"));
    }

    @Test
    void servesTheHeldOutSplit() {
        assertThat(mvc.get().uri("/api/datasets/capitals/pairs?split=heldout")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.length()", size -> assertThat(size).isEqualTo(80));
    }

    @Test
    void rejectsUnknownDatasetsAndSplits() {
        assertThat(mvc.get().uri("/api/datasets/nope/pairs")).hasFailed().failure().rootCause()
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.rejections().get(0).arguments())
                        .startsWith("nope"));
        assertThat(mvc.get().uri("/api/datasets/capitals/pairs?split=test")).hasFailed().failure().rootCause()
                .isInstanceOf(InvalidInputException.class);
    }
}
