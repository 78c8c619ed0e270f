package dev.losslens.dataset;

import dev.losslens.conversation.Conversation;
import dev.losslens.system.rejection.InvalidInputException;
import dev.losslens.system.rejection.NotFoundException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Every dataset a learner can pick, train on or read through the API: the bundled ones first (the first is the
 * default), then those instructors uploaded, oldest first. Uploaded datasets live in the database, which every replica
 * shares: the list is read again once it is {@code losslens.datasets.list-for} old (at once after an upload or a
 * deletion here), and an uploaded dataset's pairs, which never change, are kept for the few datasets read last.
 */
@Component
public class DatasetCatalogue {

    /** Uploaded datasets whose pairs are kept in memory. */
    private static final int PAIRS_KEPT = 6;

    private final SampleDatasets bundled;
    private final UploadedDatasets uploaded;
    private final long listForNanos;
    private volatile Snapshot snapshot;
    private final Map<Long, Map<Split, List<PromptResponsePair>>> pairs = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Map<Split, List<PromptResponsePair>>> eldest) {
            return size() > PAIRS_KEPT;
        }
    };

    private record Snapshot(long readAt, Map<String, UploadedDataset> datasets) {
    }

    DatasetCatalogue(SampleDatasets bundled, UploadedDatasets uploaded, DatasetLimits limits) {
        this.bundled = bundled;
        this.uploaded = uploaded;
        this.listForNanos = limits.listFor().toNanos();
    }

    /** Bundled datasets in manifest order, in the reader's language, then uploaded ones; the first is the default. */
    public List<DatasetInfo> list() {
        return Stream.concat(bundled.list().stream(), uploadedNow().values().stream().map(UploadedDataset::info))
                .toList();
    }

    public Optional<DatasetInfo> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return bundled.find(name).or(() -> Optional.ofNullable(uploadedNow().get(name)).map(UploadedDataset::info));
    }

    public DatasetInfo require(String name) {
        return require(name, "name");
    }

    /** The dataset, or a not-found naming {@code field} and the known datasets. */
    public DatasetInfo require(String name, String field) {
        return find(name).orElseThrow(() -> new NotFoundException(field, "dataset.unknown", name,
                String.join(", ", list().stream().map(DatasetInfo::name).toList())));
    }

    /** The pair datasets, for pickers that show one pair: the explorer's. */
    public List<DatasetInfo> pairDatasets() {
        return list().stream().filter(info -> !info.isConversation()).toList();
    }

    /** A dataset of pairs, or a 400 naming {@code field} when it holds conversations. */
    public DatasetInfo requirePairs(String name, String field) {
        DatasetInfo info = require(name, field);
        if (info.isConversation()) {
            throw new InvalidInputException(field, "dataset.conversations", name);
        }
        return info;
    }

    /**
     * One split of a pair dataset, numbered from 0; a dataset deleted since it was listed is not found, one of
     * conversations is refused.
     */
    public List<PromptResponsePair> pairs(String name, Split split) {
        DatasetInfo info = requirePairs(name, "name");
        if (info.origin() == DatasetOrigin.BUNDLED) {
            return bundled.pairs(name, split);
        }
        return splits(uploadedNow().get(name)).get(split);
    }

    /** One split of a conversation dataset (only bundled ones hold conversations). */
    public List<Conversation> conversations(String name, Split split) {
        return bundled.conversations(name, split);
    }

    /** An uploaded dataset that is not deleted, as its row stands in the database now. */
    public Optional<UploadedDataset> uploaded(String name) {
        return name == null ? Optional.empty() : uploaded.find(name);
    }

    /** The uploaded datasets, read afresh: for the instructors' own page, which must show a deletion at once. */
    public List<UploadedDataset> uploadedFresh() {
        forget();
        return new ArrayList<>(uploadedNow().values());
    }

    /** Reads the list again at the next question: this replica has just changed it. */
    void forget() {
        snapshot = null;
    }

    private Map<String, UploadedDataset> uploadedNow() {
        Snapshot seen = snapshot;
        if (seen == null || System.nanoTime() - seen.readAt() > listForNanos) {
            Map<String, UploadedDataset> read = new LinkedHashMap<>();
            uploaded.live().forEach(dataset -> read.put(dataset.name(), dataset));
            seen = new Snapshot(System.nanoTime(), read);
            snapshot = seen;
        }
        return seen.datasets();
    }

    /** An uploaded dataset's splits; its id names these pairs for ever, so what was read once stays true. */
    private Map<Split, List<PromptResponsePair>> splits(UploadedDataset dataset) {
        synchronized (pairs) {
            Map<Split, List<PromptResponsePair>> kept = pairs.get(dataset.id());
            if (kept != null) {
                return kept;
            }
        }
        Map<Split, List<PromptResponsePair>> read = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            read.put(split, List.copyOf(uploaded.pairs(dataset.id(), split)));
        }
        if (read.get(Split.TRAIN).isEmpty()) {
            // deleted a moment ago, on this replica or another: its pairs are gone
            forget();
            throw new NotFoundException("name", "dataset.deleted", dataset.name());
        }
        synchronized (pairs) {
            pairs.put(dataset.id(), read);
        }
        return read;
    }
}
