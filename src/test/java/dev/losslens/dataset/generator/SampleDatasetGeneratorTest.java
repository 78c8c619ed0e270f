package dev.losslens.dataset.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class SampleDatasetGeneratorTest {

    @Test
    void twoRunsWriteByteIdenticalFiles(@TempDir Path first, @TempDir Path second) throws IOException {
        SampleDatasetGenerator.generate(first);
        SampleDatasetGenerator.generate(second);

        Map<String, byte[]> firstFiles = contents(first);
        assertThat(firstFiles).containsKeys("datasets.json", "README.md", "capitals/train.jsonl",
                "capitals/heldout.jsonl", "corpus/capitals.txt");
        assertThat(contents(second)).containsOnlyKeys(firstFiles.keySet())
                .allSatisfy((path, bytes) -> assertThat(bytes).as(path).isEqualTo(firstFiles.get(path)));
    }

    @Test
    void committedSampleDatasetsAreUpToDate(@TempDir Path fresh) throws IOException {
        SampleDatasetGenerator.generate(fresh);

        Path committed = Path.of("sample-datasets");
        contents(fresh).forEach((path, bytes) -> assertThat(committed.resolve(path))
                .as("%s differs from a fresh run of: %s", path, SampleDatasetGenerator.COMMAND)
                .hasBinaryContent(bytes));
    }

    @Test
    void jsonEscapingRoundTrips() {
        String tricky = "say \"hi\" \\ <script>\n\ttab \u0001 é 🙂";

        String parsed = JsonMapper.builder().build().readValue(SampleDatasetGenerator.json(tricky), String.class);

        assertThat(parsed).isEqualTo(tricky);
    }

    private static Map<String, byte[]> contents(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
