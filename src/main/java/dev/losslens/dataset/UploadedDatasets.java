package dev.losslens.dataset;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The uploaded datasets' tables. A slug is taken once by the unique key, so two uploads of one name, on any replicas,
 * cannot both be stored; a deleted dataset keeps its row (and so its slug) and loses its pairs.
 */
@Repository
class UploadedDatasets {

    private static final String COLUMNS = "id, slug, title, description, owner, created_at, train_pairs, heldout_pairs, "
            + "tokens, byte_pieces, split_seed, heldout_share";
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;

    UploadedDatasets(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = transactions;
    }

    /** The datasets not deleted, oldest first. */
    List<UploadedDataset> live() {
        return jdbc.sql("select " + COLUMNS + " from uploaded_dataset where deleted_at is null order by id")
                .query(UploadedDatasets::dataset).list();
    }

    Optional<UploadedDataset> find(String slug) {
        return jdbc.sql("select " + COLUMNS + " from uploaded_dataset where slug = ? and deleted_at is null")
                .param(slug).query(UploadedDatasets::dataset).optional();
    }

    /** Whether the slug was ever taken, by a dataset that is still here or by one deleted since. */
    Optional<Boolean> takenAndDeleted(String slug) {
        return jdbc.sql("select deleted_at is not null from uploaded_dataset where slug = ?").param(slug)
                .query(Boolean.class).optional();
    }

    /**
     * Stores the dataset and its pairs in one transaction.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the slug is taken, even a moment ago by another replica
     */
    UploadedDataset insert(UploadedDataset dataset, List<PromptResponsePair> train, List<PromptResponsePair> heldout) {
        return transactions.execute(status -> {
            jdbc.sql("insert into uploaded_dataset (slug, title, description, owner, created_at, train_pairs, "
                            + "heldout_pairs, tokens, byte_pieces, split_seed, heldout_share) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(dataset.name(), dataset.title(), dataset.description(), dataset.owner(),
                            Timestamp.from(dataset.createdAt()), dataset.train(), dataset.heldout(), dataset.tokens(),
                            dataset.bytePieces(), dataset.splitSeed(), dataset.heldoutShare())
                    .update();
            UploadedDataset stored = find(dataset.name()).orElseThrow();
            insertPairs(stored.id(), Split.TRAIN, train);
            insertPairs(stored.id(), Split.HELDOUT, heldout);
            return stored;
        });
    }

    private void insertPairs(long id, Split split, List<PromptResponsePair> pairs) {
        for (int from = 0; from < pairs.size(); from += BATCH) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = from; i < Math.min(from + BATCH, pairs.size()); i++) {
                rows.add(new Object[] {id, split.label(), i, pairs.get(i).prompt(), pairs.get(i).response()});
            }
            template.batchUpdate("insert into uploaded_pair (dataset_id, split, position, prompt, response) "
                    + "values (?, ?, ?, ?, ?)", rows);
        }
    }

    List<PromptResponsePair> pairs(long id, Split split) {
        return jdbc.sql("select prompt, response from uploaded_pair where dataset_id = ? and split = ? order by position")
                .params(id, split.label())
                .query((row, n) -> new PromptResponsePair(row.getString(1), row.getString(2))).list();
    }

    /** The first pairs of a split, for a preview. */
    List<PromptResponsePair> firstPairs(long id, Split split, int limit) {
        return jdbc.sql("select prompt, response from uploaded_pair where dataset_id = ? and split = ? "
                        + "and position < ? order by position")
                .params(id, split.label(), limit)
                .query((row, n) -> new PromptResponsePair(row.getString(1), row.getString(2))).list();
    }

    /** Marks the dataset deleted and removes its pairs; false when it was not there (or already deleted). */
    boolean delete(long id, String actor) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            int marked = jdbc.sql("update uploaded_dataset set deleted_at = ?, deleted_by = ? "
                            + "where id = ? and deleted_at is null")
                    .params(Timestamp.from(Instant.now()), actor, id).update();
            if (marked == 0) {
                return false;
            }
            jdbc.sql("delete from uploaded_pair where dataset_id = ?").param(id).update();
            return true;
        }));
    }

    private static UploadedDataset dataset(ResultSet row, int number) throws SQLException {
        long seed = row.getLong(11);
        Long splitSeed = row.wasNull() ? null : seed;
        double share = row.getDouble(12);
        Double heldoutShare = row.wasNull() ? null : share;
        return new UploadedDataset(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getTimestamp(6).toInstant(), row.getInt(7), row.getInt(8), row.getInt(9),
                row.getInt(10), splitSeed, heldoutShare);
    }
}
