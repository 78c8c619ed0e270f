package dev.losslens.comparison;

import dev.losslens.conversation.AnswerSpan;
import dev.losslens.notation.Keyed;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.training.LaneResult;
import dev.losslens.training.LaneSpec;
import dev.losslens.training.PipelineBug;
import dev.losslens.training.LaneStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The comparison aggregate: a comparison row and its lane rows, from submission to final weights. */
@Repository
public class ComparisonStore {

    private final JdbcClient jdbc;

    ComparisonStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public long insert(ComparisonConfig config, List<String> labels, ComparisonStatus status, Long replayOf, String client,
                       OwnerSecret owner) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into comparison (config_key, config_json, status, replay_of, submitted_by, owner_hash, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(config.key(), config.canonicalJson(), status.key(), replayOf, client, owner.hash(), now())
                .update(key, "id");
        long id = key.getKey().longValue();
        LaneStatus laneStatus = replayOf != null ? LaneStatus.FINISHED : LaneStatus.QUEUED;
        for (int i = 0; i < config.lanes().size(); i++) {
            ComparisonConfig.LaneConfig lane = config.lanes().get(i);
            jdbc.sql("""
                    insert into lane (comparison_id, lane_index, objective, prompt_weight, init, answer_span, bug,
                                      label, status)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, i, lane.objective().key(), lane.promptWeight(), lane.init().key(),
                            lane.answerSpan().key(), lane.bug() == null ? null : lane.bug().key(), labels.get(i),
                            laneStatus.key())
                    .update();
        }
        return id;
    }

    public Optional<ComparisonRow> find(long id) {
        return jdbc.sql("select * from comparison where id = ?").param(id).query(ComparisonStore::comparison).optional();
    }

    boolean ownedBy(long id, OwnerSecret owner) {
        return jdbc.sql("select count(*) from comparison where id = ? and owner_hash = ?").params(id, owner.hash())
                .query(Integer.class).single() == 1;
    }

    /** The newest comparison with this config in one of the given states. */
    Optional<ComparisonRow> findByKey(String key, List<ComparisonStatus> statuses) {
        return jdbc.sql("select * from comparison where config_key = :key and status in (:statuses) and replay_of is null"
                        + " order by id desc fetch first 1 rows only")
                .param("key", key)
                .param("statuses", keys(statuses))
                .query(ComparisonStore::comparison).optional();
    }

    /** Comparisons that were trained (or are waiting to be), newest first; replays show under their original. */
    List<ComparisonRow> recent(int limit) {
        return jdbc.sql("select * from comparison where replay_of is null order by id desc fetch first ? rows only")
                .param(limit).query(ComparisonStore::comparison).list();
    }

    /** One page of every comparison, replays included, newest first. */
    List<ComparisonRow> page(int offset, int limit) {
        return jdbc.sql("select * from comparison order by id desc offset ? rows fetch first ? rows only")
                .params(offset, limit).query(ComparisonStore::comparison).list();
    }

    /** Comparisons that trained to the end (not replays), newest first: what the wait estimate learns from. */
    List<ComparisonRow> recentlyTrained(int limit) {
        return jdbc.sql("select * from comparison where status = ? and replay_of is null and started_at is not null"
                        + " order by id desc fetch first ? rows only")
                .params(ComparisonStatus.FINISHED.key(), limit).query(ComparisonStore::comparison).list();
    }

    List<StoredLane> lanes(long comparisonId) {
        return jdbc.sql("""
                select lane_index, objective, prompt_weight, init, answer_span, bug, label, status, diverged_at,
                       final_weights is not null as has_weights
                from lane where comparison_id = ? order by lane_index""").param(comparisonId)
                .query((rs, n) -> new StoredLane(rs.getInt("lane_index"),
                        Keyed.of(ObjectiveKind.class, rs.getString("objective")), rs.getDouble("prompt_weight"),
                        Keyed.of(LaneSpec.Init.class, rs.getString("init")),
                        Keyed.of(AnswerSpan.class, rs.getString("answer_span")),
                        rs.getString("bug") == null ? null : Keyed.of(PipelineBug.class, rs.getString("bug")),
                        rs.getString("label"),
                        Keyed.of(LaneStatus.class, rs.getString("status")), (Integer) rs.getObject("diverged_at", Integer.class),
                        rs.getBoolean("has_weights")))
                .list();
    }

    /**
     * Stores how a running comparison ended and its lanes' results; false, storing nothing, when it no longer runs (it
     * was marked interrupted while its trainer was too slow to beat, and the first ending stands).
     */
    @Transactional
    public boolean finish(long id, ComparisonStatus status, List<LaneResult> lanes, String message) {
        if (!end(id, status, message)) {
            return false;
        }
        for (int i = 0; i < lanes.size(); i++) {
            LaneResult lane = lanes.get(i);
            jdbc.sql("update lane set status = ?, diverged_at = ?, final_weights = ? where comparison_id = ? and lane_index = ?")
                    .params(lane.status().key(), lane.divergedAt(), lane.finalWeights(), id, i).update();
        }
        return true;
    }

    /** Marks a running comparison and its unfinished lanes failed or interrupted, keeping what was measured. */
    @Transactional
    public void abandon(long id, ComparisonStatus status, String message) {
        if (end(id, status, message)) {
            endUnfinishedLanes(id, status);
        }
    }

    /**
     * Marks a running comparison interrupted if its heartbeat is still older than {@code staleBefore}: checked in the
     * same statement that ends it, so a trainer that beats in between keeps its run.
     */
    @Transactional
    public void interruptIfStale(long id, Instant staleBefore, String message) {
        int ended = jdbc.sql("""
                update comparison set status = ?, finished_at = ?, message = ?
                where id = ? and status = ? and heartbeat_at < ?""")
                .params(ComparisonStatus.INTERRUPTED.key(), now(), message, id, ComparisonStatus.RUNNING.key(),
                        Timestamp.from(staleBefore)).update();
        if (ended == 1) {
            endUnfinishedLanes(id, ComparisonStatus.INTERRUPTED);
        }
    }

    private boolean end(long id, ComparisonStatus status, String message) {
        return jdbc.sql("update comparison set status = ?, finished_at = ?, message = ? where id = ? and status = ?")
                .params(status.key(), now(), message, id, ComparisonStatus.RUNNING.key()).update() == 1;
    }

    private void endUnfinishedLanes(long id, ComparisonStatus status) {
        jdbc.sql("update lane set status = :status where comparison_id = :id and status in (:unfinished)")
                .param("status", status.key()).param("id", id)
                .param("unfinished", List.of(LaneStatus.QUEUED.key(), LaneStatus.RUNNING.key())).update();
    }

    public void laneDiverged(long id, int lane, int step) {
        jdbc.sql("update lane set status = ?, diverged_at = ? where comparison_id = ? and lane_index = ?")
                .params(LaneStatus.DIVERGED.key(), step, id, lane).update();
    }

    public Optional<byte[]> laneWeights(long id, int lane) {
        return jdbc.sql("select final_weights from lane where comparison_id = ? and lane_index = ? and final_weights is not null")
                .params(id, lane).query((rs, n) -> rs.getBytes(1)).optional();
    }

    public Optional<TrainedLane> trainedLane(long id, int lane) {
        return jdbc.sql("select comparison_id, lane_index, objective, prompt_weight, init, answer_span, bug from lane"
                        + " where comparison_id = ? and lane_index = ? and final_weights is not null")
                .params(id, lane).query(ComparisonStore::trainedLane).optional();
    }

    /** The lanes with final weights of the newest {@code runs} runs that have any, newest run first: what the explorer lists. */
    public List<TrainedLane> trainedLanes(int runs) {
        return jdbc.sql("select comparison_id, lane_index, objective, prompt_weight, init, answer_span, bug from lane"
                        + " where final_weights is not null"
                        + " and comparison_id in (select distinct comparison_id from lane where final_weights is not null"
                        + " order by comparison_id desc fetch first ? rows only)"
                        + " order by comparison_id desc, lane_index")
                .param(runs).query(ComparisonStore::trainedLane).list();
    }

    private static TrainedLane trainedLane(ResultSet rs, int row) throws SQLException {
        return new TrainedLane(rs.getLong("comparison_id"), rs.getInt("lane_index"),
                Keyed.of(ObjectiveKind.class, rs.getString("objective")), rs.getDouble("prompt_weight"),
                Keyed.of(LaneSpec.Init.class, rs.getString("init")), Keyed.of(AnswerSpan.class, rs.getString("answer_span")),
                rs.getString("bug") != null);
    }

    static ComparisonRow comparison(ResultSet rs, int row) throws SQLException {
        return new ComparisonRow(rs.getLong("id"), ComparisonConfig.fromJson(rs.getString("config_json")),
                Keyed.of(ComparisonStatus.class, rs.getString("status")), (Long) rs.getObject("replay_of", Long.class),
                rs.getInt("steps_done"), (Double) rs.getObject("tokens_per_s", Double.class),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), rs.getString("message"));
    }

    static List<String> keys(List<ComparisonStatus> statuses) {
        return statuses.stream().map(ComparisonStatus::key).toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
