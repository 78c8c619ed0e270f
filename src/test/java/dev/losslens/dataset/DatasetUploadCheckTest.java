package dev.losslens.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.losslens.system.rejection.Rejection;
import dev.losslens.text.InstructionTemplate;
import dev.losslens.text.Tokenizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** The upload check without a server: every reason a line is refused, with its number, and the seeded split. */
class DatasetUploadCheckTest {

    private static final Tokenizer TOKENIZER = Tokenizer.bundled();
    private static final InstructionTemplate TEMPLATE = new InstructionTemplate(TOKENIZER);

    private static DatasetUploads uploads(DatasetLimits limits) {
        UploadedDatasets none = new UploadedDatasets(null, null, null) {
            @Override
            Optional<Boolean> takenAndDeleted(String slug) {
                return slug.equals("taken") ? Optional.of(false) : slug.equals("was-here") ? Optional.of(true)
                        : Optional.empty();
            }
        };
        return new DatasetUploads(limits, TEMPLATE, TOKENIZER, none, new SampleDatasets(new DefaultResourceLoader()),
                BundledOnly.catalogue());
    }

    private static final DatasetUploads UPLOADS = uploads(BundledOnly.defaultLimits());

    private static DatasetLimits limits(long maxBytes, int maxLines, int listed) {
        return new DatasetLimits(DataSize.ofBytes(maxBytes), maxLines, 600, 400, 128, 500, listed, 10,
                Duration.ofSeconds(2));
    }

    private static UploadFile file(byte[] bytes) {
        return new UploadFile() {
            @Override
            public boolean present() {
                return true;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }

    private static UploadFile file(String text) {
        return file(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String pairs(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "{\"prompt\": \"What is %d + 1?\", \"response\": \"%d\"}"
                .formatted(i, i + 1)).collect(Collectors.joining("\n", "", "\n"));
    }

    private static DatasetUpload split(UploadFile train, String share, String seed) {
        return new DatasetUpload("Sums", "", "", "split", share, seed, train, null);
    }

    private static DatasetRejectedException refused(DatasetUploads uploads, DatasetUpload upload) {
        return catchThrowableOfType(DatasetRejectedException.class, () -> uploads.check(upload));
    }

    /** line → code of each bad line, in order. */
    private static List<String> reasons(DatasetRejectedException refused) {
        return refused.lines().stream().map(line -> line.line() + " " + line.reason().code()).toList();
    }

    @Test
    void everyBadLineIsReportedWithItsNumberAndReason() {
        String tooManyTokens = IntStream.range(0, 120).mapToObj(i -> "q" + i).collect(Collectors.joining(" "));
        assertThat(TEMPLATE.render(tooManyTokens, "ok").length()).as("the test's long prompt").isGreaterThan(128);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String[] lines = {
                "{\"prompt\": \"Capital of Peru?\", \"response\": \"Lima\"}",                 // 1 fine
                "not json at all",                                                            // 2
                "[1, 2]",                                                                     // 3
                "{\"prompt\": \"only a prompt\"}",                                            // 4
                "{\"prompt\": \"a\", \"response\": \"b\", \"answer\": \"c\"}",               // 5
                "{\"prompt\": 7, \"response\": \"b\"}",                                       // 6
                "{\"prompt\": \"   \", \"response\": \"b\"}",                                 // 7
                "{\"prompt\": \"" + "x".repeat(601) + "\", \"response\": \"b\"}",             // 8
                "{\"prompt\": \"" + tooManyTokens + "\", \"response\": \"ok\"}",              // 9
                "{\"response\": \"Lima\", \"prompt\": \"Capital of Peru?\"}",                 // 10 repeats 1
                null,                                                                         // 11 invalid UTF-8
                "{\"prompt\": \"a\", \"prompt\": \"b\", \"response\": \"c\"}",                // 12
                "{\"prompt\": \"a\\u0000\", \"response\": \"b\"}",                            // 13
                "   ",                                                                        // 14 blank: skipped
                "{\"prompt\": \"a\", \"response\": \"b\"} {}",                                // 15
                "{\"prompt\": \"\\ud800\", \"response\": \"b\"}",                             // 16
                "{\"prompt\": \"<script>alert(1)</script>\", \"response\": \"&amp;\"}",      // 17 fine: text
        };
        for (String line : lines) {
            if (line == null) {
                bytes.writeBytes("{\"prompt\": \"caf".getBytes(StandardCharsets.UTF_8));
                bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
                bytes.writeBytes("\", \"response\": \"b\"}".getBytes(StandardCharsets.UTF_8));
            } else {
                bytes.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            }
            bytes.write('\n');
        }
        DatasetRejectedException refused = refused(UPLOADS, split(file(bytes.toByteArray()), "", ""));

        assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reasons(refused)).containsExactly("2 dataset.line.not-json", "3 dataset.line.not-object",
                "4 dataset.line.missing", "5 dataset.line.extra", "6 dataset.line.not-string", "7 dataset.line.empty",
                "8 dataset.line.too-long", "9 dataset.line.context", "10 dataset.line.duplicate",
                "11 dataset.line.utf8", "12 dataset.line.repeated", "13 dataset.line.control",
                "15 dataset.line.trailing", "16 dataset.line.surrogate");
        assertThat(refused.lines()).allSatisfy(line -> assertThat(line.file()).isEqualTo(Split.TRAIN));
        assertThat(refused.lines().get(1).reason().arguments()).as("what line 3 is").last()
                .asString().contains("dataset.json.array");
        assertThat(refused.lines().get(3).reason().arguments()).as("line 5's extra field").contains("answer");
        assertThat(refused.lines().get(6).reason().arguments()).as("line 8's characters").contains(601, 600);
        assertThat(refused.lines().get(8).reason().arguments()).as("line 10 repeats line 1").contains(1);
        assertThat(refused.lines().get(9).reason().arguments()).as("the byte of line 11").contains(16);
        assertThat(refused.lines().get(11).reason().arguments()).as("line 13's character").contains("U+0000");
        assertThat(refused.rejections()).extracting(Rejection::code).containsExactly("dataset.bad-lines");
        assertThat(refused.rejections().get(0).arguments()).contains(14);
    }

    @Test
    void aGoodFileIsSplitTheSameWayForTheSameSeedAndKeepsItsOrder() {
        UploadFile sums = file(pairs(0, 200));
        DatasetPreview first = UPLOADS.check(split(sums, "0.1", "42"));
        DatasetPreview again = UPLOADS.check(split(sums, "0.1", "42"));
        DatasetPreview other = UPLOADS.check(split(sums, "0.1", "43"));

        assertThat(first.train()).isEqualTo(180);
        assertThat(first.heldout()).isEqualTo(20);
        assertThat(first.splitSeed()).isEqualTo(42L);
        assertThat(first.heldoutShare()).isEqualTo(0.1);
        assertThat(first.pairs()).isEqualTo(again.pairs());
        assertThat(heldOutLines(first)).isNotEqualTo(heldOutLines(other));
        assertThat(heldOutLines(first)).isSorted();
        assertThat(first.pairs()).filteredOn(pair -> pair.split().equals("train")).extracting(PreviewPair::line)
                .isSorted();
        assertThat(HeldOutSplit.of(200, 0.1, 42)).isEqualTo(HeldOutSplit.of(200, 0.1, 42));
        assertThat(HeldOutSplit.of(3, 0.01, 1)).as("at least one held out").contains(true);
        assertThat(HeldOutSplit.of(2, 0.5, 1)).as("never all").contains(false);
        PreviewPair shown = first.pairs().get(0);
        assertThat(shown.tokens()).isEqualTo(TEMPLATE.render(shown.prompt(), shown.response()).length());
        assertThat(first.tokens()).isPositive();
    }

    private static List<Integer> heldOutLines(DatasetPreview preview) {
        return preview.pairs().stream().filter(pair -> pair.split().equals("heldout")).map(PreviewPair::line).toList();
    }

    @Test
    void aHeldOutFileMayNotRepeatATrainingPair() {
        DatasetRejectedException refused = refused(UPLOADS, new DatasetUpload("Sums", "", "", "file", "", "",
                file(pairs(0, 10)), file(pairs(20, 22) + pairs(3, 4))));
        assertThat(reasons(refused)).containsExactly("3 dataset.line.duplicate");
        assertThat(refused.lines().get(0).file()).isEqualTo(Split.HELDOUT);
        assertThat(refused.lines().get(0).reason().arguments()).contains(4, new Rejection.Field("train"));

        DatasetPreview fine = UPLOADS.check(new DatasetUpload("Sums", "", "", "", "", "", file(pairs(0, 10)),
                file(pairs(20, 22))));
        assertThat(fine.train()).isEqualTo(10);
        assertThat(fine.heldout()).isEqualTo(2);
        assertThat(fine.splitSeed()).isNull();
    }

    @Test
    void binaryFilesAndOtherEncodingsAreRefusedAsWholeFiles() {
        byte[] gzip = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3};
        assertThat(reasons(refused(UPLOADS, split(file(gzip), "", "")))).containsExactly("0 dataset.file.binary");
        byte[] zeroByte = (pairs(0, 3) + "{\"prompt\": \"a\0\"}\n").getBytes(StandardCharsets.UTF_8);
        DatasetRejectedException nul = refused(UPLOADS, split(file(zeroByte), "", ""));
        assertThat(reasons(nul)).containsExactly("0 dataset.file.zero-byte");
        assertThat(nul.lines().get(0).reason().arguments()).contains((long) pairs(0, 3).length() + 14);
        byte[] utf16 = "{\"prompt\": \"a\", \"response\": \"b\"}\n".getBytes(StandardCharsets.UTF_16);
        assertThat(reasons(refused(UPLOADS, split(file(utf16), "", "")))).containsExactly("0 dataset.file.utf16");
        assertThat(reasons(refused(UPLOADS, split(file(new byte[0]), "", "")))).containsExactly("0 dataset.file.empty");
        assertThat(reasons(refused(UPLOADS, split(file("\n \n\n"), "", "")))).containsExactly("0 dataset.file.no-pairs");
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreFine() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(bom);
        bytes.writeBytes(pairs(0, 10).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        DatasetPreview preview = UPLOADS.check(split(file(bytes.toByteArray()), "", ""));
        assertThat(preview.train() + preview.heldout()).isEqualTo(10);
        assertThat(preview.pairs()).extracting(PreviewPair::response).doesNotContain("1\r");
    }

    @Test
    void readingStopsAtTheLineBoundAndTheSizeBound() {
        DatasetRejectedException lines = refused(uploads(limits(1 << 20, 50, 100)), split(file(pairs(0, 80)), "", ""));
        assertThat(reasons(lines)).containsExactly("0 dataset.file.too-many-lines");
        assertThat(lines.lines().get(0).reason().arguments()).contains(50, 51);

        DatasetRejectedException size = refused(uploads(limits(1000, 5000, 100)), split(file(pairs(0, 80)), "", ""));
        assertThat(size.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(size.rejections()).extracting(Rejection::code).containsExactly("dataset.file.too-large");

        String hugeLine = "{\"prompt\": \"" + "y".repeat(50_000) + "\", \"response\": \"b\"}\n";
        DatasetRejectedException line = refused(UPLOADS, split(file(pairs(0, 5) + hugeLine + pairs(5, 9)), "", ""));
        assertThat(reasons(line)).containsExactly("6 dataset.line.bytes");
    }

    @Test
    void onlyTheFirstProblemsAreListedAndTheRestCounted() {
        String bad = IntStream.range(0, 150).mapToObj(i -> "nope " + i).collect(Collectors.joining("\n"));
        DatasetRejectedException refused = refused(uploads(limits(1 << 20, 5000, 100)), split(file(bad), "", ""));
        assertThat(refused.lines()).hasSize(100);
        assertThat(refused.lines().get(99).line()).isEqualTo(100);
        assertThat(refused.moreLines()).isEqualTo(50);
        assertThat(refused.rejections().get(0).arguments()).contains(150);
    }

    @Test
    void titlesAndIdsWithPathOrControlCharactersAreRefusedAndAnIdIsMadeFromTheTitle() {
        assertThat(DatasetUploads.slug("", "Café quiz: week 2!")).isEqualTo("cafe-quiz-week-2");
        assertThat(DatasetUploads.slug(" Course-FAQ ", "x")).isEqualTo("course-faq");
        for (String bad : List.of("../etc", "a/b", "a\\b", "a b", "-a", "a--b", "é", "x", "a".repeat(41), "a\u0000b")) {
            DatasetRejectedException refused = refused(UPLOADS, new DatasetUpload("Fine", bad, "", "", "", "",
                    file(pairs(0, 5)), null));
            assertThat(refused.rejections()).as(bad).extracting(Rejection::code).containsExactly("dataset.slug.format");
        }
        for (String bad : List.of("a/b", "..\\windows", "tab\there", "line\nbreak", "bidi\u202Eevil", "!!!")) {
            DatasetRejectedException refused = refused(UPLOADS, new DatasetUpload(bad, "fine", "", "", "", "",
                    file(pairs(0, 5)), null));
            assertThat(refused.rejections()).as(bad).extracting(Rejection::field).containsExactly("title");
        }
        assertThat(refused(UPLOADS, new DatasetUpload("数学", "", "", "", "", "", file(pairs(0, 5)), null))
                .rejections()).extracting(Rejection::code).containsExactly("dataset.slug.none");
    }

    @Test
    void aTakenIdIsAConflictAndEveryFaultIsReportedAtOnce() {
        for (String taken : List.of("capitals", "taken", "was-here")) {
            DatasetRejectedException refused = refused(UPLOADS, new DatasetUpload("Fine", taken, "", "", "", "",
                    file(pairs(0, 5)), null));
            assertThat(refused.status()).as(taken).isEqualTo(HttpStatus.CONFLICT);
        }
        assertThat(refused(UPLOADS, new DatasetUpload("Fine", "was-here", "", "", "", "", file(pairs(0, 5)), null))
                .rejections()).extracting(Rejection::code).containsExactly("dataset.slug.deleted");

        DatasetRejectedException all = refused(UPLOADS, new DatasetUpload("", "", "", "split", "0.9", "-1",
                file("oops\n"), file("x")));
        assertThat(all.rejections()).extracting(Rejection::field)
                .containsExactly("title", "heldoutShare", "seed", "heldout", "train");
        assertThat(reasons(all)).containsExactly("1 dataset.line.not-json");
    }
}
