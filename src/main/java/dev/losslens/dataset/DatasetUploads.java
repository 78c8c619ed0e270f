package dev.losslens.dataset;

import dev.losslens.notation.Keyed;
import dev.losslens.system.rejection.ConflictException;
import dev.losslens.system.rejection.ForbiddenException;
import dev.losslens.system.rejection.FormErrors;
import dev.losslens.system.rejection.FormNumbers;
import dev.losslens.system.rejection.InvalidInputException;
import dev.losslens.system.rejection.NotFoundException;
import dev.losslens.system.rejection.Rejection;
import dev.losslens.system.rejection.Rejection.Field;
import dev.losslens.text.InstructionTemplate;
import dev.losslens.text.TokenizedExample;
import dev.losslens.text.Tokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Instructors' datasets: an upload is read and checked as a whole (its fields, then every line of its files) and is
 * stored only when nothing is wrong; a preview shows what was read. Only the uploader, or an administrator, deletes
 * a dataset; runs that trained on it keep their measurements.
 */
@Service
public class DatasetUploads {

    public static final int MIN_SLUG = 2;
    public static final int MAX_SLUG = 40;
    public static final int MAX_TITLE = 60;
    public static final int MAX_DESCRIPTION = 200;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

    private final DatasetLimits limits;
    private final InstructionTemplate template;
    private final Tokenizer tokenizer;
    private final UploadedDatasets store;
    private final SampleDatasets bundled;
    private final DatasetCatalogue catalogue;

    DatasetUploads(DatasetLimits limits, InstructionTemplate template, Tokenizer tokenizer, UploadedDatasets store,
                   SampleDatasets bundled, DatasetCatalogue catalogue) {
        this.limits = limits;
        this.template = template;
        this.tokenizer = tokenizer;
        this.store = store;
        this.bundled = bundled;
        this.catalogue = catalogue;
    }

    /** An upload read, checked and split, ready to store. */
    private record Checked(String slug, String title, String description, List<PromptResponsePair> train,
                           List<PromptResponsePair> heldout, Long seed, Double share, DatasetPreview preview) {
    }

    /** What the upload would store, without storing it. */
    public DatasetPreview check(DatasetUpload upload) {
        return checked(upload).preview();
    }

    /**
     * Stores the upload as {@code owner}'s if nothing at all is wrong with it.
     *
     * @throws DatasetRejectedException naming every fault, bad lines included; nothing is stored
     * @throws ConflictException when its id was taken, even by an upload a moment earlier on another replica
     */
    public UploadedDataset store(DatasetUpload upload, String owner) {
        Checked checked = checked(upload);
        UploadedDataset row = new UploadedDataset(0, checked.slug(), checked.title(), checked.description(), owner,
                Instant.now(), checked.train().size(), checked.heldout().size(), checked.preview().tokens(),
                checked.preview().bytePieces(), checked.seed(), checked.share());
        try {
            return store.insert(row, checked.train(), checked.heldout());
        } catch (DuplicateKeyException taken) {
            throw new ConflictException("slug", "dataset.slug.taken", checked.slug());
        } finally {
            catalogue.forget();
        }
    }

    /** A stored dataset's preview: its sizes and token counts, and its first pairs. */
    public DatasetPreview preview(String name) {
        UploadedDataset dataset = require(name);
        List<PreviewPair> shown = new ArrayList<>();
        for (Split split : Split.values()) {
            List<PromptResponsePair> first = store.firstPairs(dataset.id(), split, limits.previewPairs());
            for (int i = 0; i < first.size(); i++) {
                shown.add(previewed(split, i, null, first.get(i)));
            }
        }
        return new DatasetPreview(dataset.name(), dataset.title(), dataset.train(), dataset.heldout(), dataset.tokens(),
                dataset.bytePieces(), dataset.splitSeed(), dataset.heldoutShare(), shown);
    }

    /**
     * Deletes an uploaded dataset as {@code actor}: its pairs go, its id stays taken, runs keep their measurements.
     *
     * @throws ForbiddenException unless {@code actor} uploaded it or is an administrator
     */
    public UploadedDataset delete(String name, String actor, boolean administrator) {
        UploadedDataset dataset = require(name);
        if (!dataset.owner().equals(actor) && !administrator) {
            throw new ForbiddenException("name", "dataset.not-yours", dataset.name(), dataset.owner());
        }
        try {
            if (!store.delete(dataset.id(), actor)) {
                throw new NotFoundException("name", "dataset.unknown-uploaded", name);
            }
            return dataset;
        } finally {
            catalogue.forget();
        }
    }

    private UploadedDataset require(String name) {
        return store.find(name).orElseThrow(() -> new NotFoundException("name", "dataset.unknown-uploaded", name));
    }

    private Checked checked(DatasetUpload upload) {
        FormErrors fields = new FormErrors();
        String title = fields.attempt(() -> title(upload.title()));
        String slug = fields.attempt(() -> slug(upload.slug(), title));
        String description = fields.attempt(() -> description(upload.description()));
        boolean heldoutFile = upload.heldout() != null && upload.heldout().present();
        HeldOutSource source = fields.attempt(() -> source(upload.heldoutFrom(), heldoutFile));
        Double share = source == HeldOutSource.SPLIT ? fields.attempt(() -> share(upload.heldoutShare())) : null;
        Long seed = source == HeldOutSource.SPLIT ? fields.attempt(() -> seed(upload.seed())) : null;
        boolean trainFile = upload.train() != null && upload.train().present();
        if (!trainFile) {
            fields.attempt(() -> {
                throw new InvalidInputException("train", "dataset.file.missing", new Field("train"));
            });
        }
        if (source == HeldOutSource.FILE && !heldoutFile) {
            fields.attempt(() -> {
                throw new InvalidInputException("heldout", "dataset.file.missing", new Field("heldout"));
            });
        }
        if (source == HeldOutSource.SPLIT && heldoutFile) {
            fields.attempt(() -> {
                throw new InvalidInputException("heldout", "dataset.heldout.both", new Field("heldout"));
            });
        }
        if (slug != null) {
            fields.attempt(() -> available(slug));
        }

        LineProblems problems = new LineProblems(limits.problemsListed());
        PairFileReader reader = new PairFileReader(limits, template, problems, new HashMap<>());
        PairFileReader.Read train = trainFile ? read(reader, Split.TRAIN, upload.train(), fields) : null;
        PairFileReader.Read heldout = heldoutFile && source == HeldOutSource.FILE
                ? read(reader, Split.HELDOUT, upload.heldout(), fields) : null;
        boolean tooLarge = (train != null && train.tooLarge()) || (heldout != null && heldout.tooLarge());
        HttpStatus status = tooLarge ? HttpStatus.CONTENT_TOO_LARGE
                : fields.isEmpty() ? HttpStatus.BAD_REQUEST : fields.status();
        List<Rejection> faults = new ArrayList<>(fields.rejections());
        faults.addAll(problems.summaries());
        if (faults.isEmpty() && train != null) {
            if (source == HeldOutSource.SPLIT) {
                int pairs = train.pairs().size();
                if (pairs < 2) {
                    faults.add(new Rejection("train", "dataset.split.too-few", List.of(new Field("train"), pairs)));
                } else if (HeldOutSplit.heldOut(pairs, share) > limits.maxHeldoutPairs()) {
                    faults.add(new Rejection("heldoutShare", "dataset.heldout.too-many-split",
                            List.of(HeldOutSplit.heldOut(pairs, share), limits.maxHeldoutPairs(), new Field("heldoutShare"))));
                }
            } else if (heldout != null && heldout.pairs().size() > limits.maxHeldoutPairs()) {
                faults.add(new Rejection("heldout", "dataset.heldout.too-many-file",
                        List.of(new Field("heldout"), heldout.pairs().size(), limits.maxHeldoutPairs())));
            }
        }
        if (!faults.isEmpty()) {
            throw new DatasetRejectedException(status, faults, problems.listed(), problems.more());
        }

        List<CheckedPair> trainPairs = new ArrayList<>();
        List<CheckedPair> heldoutPairs = new ArrayList<>();
        if (source == HeldOutSource.SPLIT) {
            boolean[] held = HeldOutSplit.of(train.pairs().size(), share, seed);
            for (int i = 0; i < held.length; i++) {
                (held[i] ? heldoutPairs : trainPairs).add(train.pairs().get(i));
            }
        } else {
            trainPairs.addAll(train.pairs());
            heldoutPairs.addAll(heldout.pairs());
        }
        int tokens = 0;
        int bytePieces = 0;
        for (CheckedPair pair : trainPairs) {
            tokens += pair.tokens();
            bytePieces += bytePieces(pair.prompt(), pair.response());
        }
        for (CheckedPair pair : heldoutPairs) {
            tokens += pair.tokens();
            bytePieces += bytePieces(pair.prompt(), pair.response());
        }
        List<PreviewPair> shown = new ArrayList<>();
        shown.addAll(previewed(Split.TRAIN, trainPairs));
        shown.addAll(previewed(Split.HELDOUT, heldoutPairs));
        DatasetPreview preview = new DatasetPreview(slug, title, trainPairs.size(), heldoutPairs.size(), tokens,
                bytePieces, seed, share, shown);
        return new Checked(slug, title, description, trainPairs.stream().map(CheckedPair::pair).toList(),
                heldoutPairs.stream().map(CheckedPair::pair).toList(), seed, share, preview);
    }

    private PairFileReader.Read read(PairFileReader reader, Split split, UploadFile file, FormErrors fields) {
        try (InputStream in = file.open()) {
            PairFileReader.Read read = reader.read(split, in);
            if (read.tooLarge()) {
                fields.attempt(() -> {
                    throw new InvalidInputException(split.label(), "dataset.file.too-large", new Field(split.label()),
                            limits.fileSizeText());
                });
            }
            return read;
        } catch (IOException unreadable) {
            fields.attempt(() -> {
                throw new InvalidInputException(split.label(), "dataset.file.unreadable", new Field(split.label()));
            });
            return null;
        }
    }

    private List<PreviewPair> previewed(Split split, List<CheckedPair> pairs) {
        List<PreviewPair> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(limits.previewPairs(), pairs.size()); i++) {
            CheckedPair pair = pairs.get(i);
            shown.add(previewed(split, i, pair.line(), pair.pair()));
        }
        return shown;
    }

    private PreviewPair previewed(Split split, int index, Integer line, PromptResponsePair pair) {
        TokenizedExample example = template.render(pair.prompt(), pair.response());
        return new PreviewPair(split.label(), index, line, pair.prompt(), pair.response(), example.length(),
                example.promptLength(), bytePieces(pair.prompt(), pair.response()));
    }

    private int bytePieces(String prompt, String response) {
        return tokenizer.fallbackBytes(prompt) + tokenizer.fallbackBytes(response);
    }

    static String title(String typed) {
        String title = typed == null ? "" : typed.strip();
        if (title.isEmpty()) {
            throw new InvalidInputException("title", "empty", new Field("title"));
        }
        if (title.length() > MAX_TITLE) {
            throw new InvalidInputException("title", "too-long", new Field("title"), title.length(), MAX_TITLE);
        }
        if (!plainText(title) || title.indexOf('/') >= 0 || title.indexOf('\\') >= 0) {
            throw new InvalidInputException("title", "dataset.title.characters", new Field("title"));
        }
        if (title.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new InvalidInputException("title", "dataset.title.letters", new Field("title"));
        }
        return title;
    }

    /** The id typed (in lower case), or one made from the title: letters without accents, digits, single dashes. */
    static String slug(String typed, String title) {
        String given = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (given.isEmpty()) {
            if (title == null) {
                return null;
            }
            String made = NOT_SLUG.matcher(Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-|-$", "");
            made = made.length() > MAX_SLUG ? made.substring(0, MAX_SLUG).replaceAll("-$", "") : made;
            if (made.length() < MIN_SLUG) {
                throw new InvalidInputException("slug", "dataset.slug.none", new Field("slug"), new Field("title"));
            }
            return made;
        }
        if (given.length() < MIN_SLUG || given.length() > MAX_SLUG || !SLUG.matcher(given).matches()) {
            throw new InvalidInputException("slug", "dataset.slug.format", new Field("slug"), MIN_SLUG, MAX_SLUG);
        }
        return given;
    }

    static String description(String typed) {
        String description = typed == null ? "" : typed.strip();
        if (description.length() > MAX_DESCRIPTION) {
            throw new InvalidInputException("description", "too-long", new Field("description"), description.length(),
                    MAX_DESCRIPTION);
        }
        if (!plainText(description)) {
            throw new InvalidInputException("description", "dataset.description.characters", new Field("description"));
        }
        return description;
    }

    /** One line of text: no control or formatting characters (line breaks, bidirectional overrides), no lone halves. */
    private static boolean plainText(String text) {
        return text.codePoints().noneMatch(c -> {
            int type = Character.getType(c);
            return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
        });
    }

    private static HeldOutSource source(String typed, boolean heldoutFile) {
        if (typed == null || typed.isBlank()) {
            return heldoutFile ? HeldOutSource.FILE : HeldOutSource.SPLIT;
        }
        return Keyed.parse(HeldOutSource.class, typed.strip()).orElseThrow(() -> new InvalidInputException("heldoutFrom",
                "one-of", new Field("heldoutFrom"), Keyed.choices(HeldOutSource.class)));
    }

    private static double share(String typed) {
        Double share = FormNumbers.decimal("heldoutShare", typed);
        double value = share == null ? HeldOutSplit.DEFAULT_SHARE : share;
        if (!(value >= HeldOutSplit.MIN_SHARE && value <= HeldOutSplit.MAX_SHARE)) {
            throw new InvalidInputException("heldoutShare", "number-range", new Field("heldoutShare"),
                    HeldOutSplit.MIN_SHARE, HeldOutSplit.MAX_SHARE);
        }
        return value;
    }

    private static long seed(String typed) {
        Long seed = FormNumbers.whole("seed", typed);
        long value = seed == null ? HeldOutSplit.DEFAULT_SEED : seed;
        if (value < 0 || value > HeldOutSplit.MAX_SEED) {
            throw new InvalidInputException("seed", "range", new Field("seed"), 0, HeldOutSplit.MAX_SEED);
        }
        return value;
    }

    /** A bundled dataset's name, or one uploaded before (still here or deleted since), cannot be taken again. */
    private String available(String slug) {
        if (bundled.find(slug).isPresent()) {
            throw new ConflictException("slug", "dataset.slug.bundled", slug);
        }
        store.takenAndDeleted(slug).ifPresent(deleted -> {
            throw new ConflictException("slug", deleted ? "dataset.slug.deleted" : "dataset.slug.taken", slug);
        });
        return slug;
    }
}
