package dev.losslens.training;

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

/** Comparisons, lanes, metric points and generations in the database; the queue is the comparison table. */
@Repository
class ComparisonStore {

    private final JdbcClient jdbc;

    ComparisonStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    long insert(ComparisonConfig config, List<String> labels, ComparisonStatus status, Long replayOf, String client) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into comparison (config_key, config_json, status, replay_of, submitted_by, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(config.key(), config.canonicalJson(), status.key(), replayOf, client, now())
                .update(key, "id");
        long id = key.getKey().longValue();
        for (int i = 0; i < config.lanes().size(); i++) {
            ComparisonConfig.LaneConfig lane = config.lanes().get(i);
            jdbc.sql("""
                    insert into lane (comparison_id, lane_index, objective, prompt_weight, init, label, status)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, i, lane.objective(), lane.promptWeight(), lane.init(), labels.get(i),
                            replayOf != null ? LaneStatus.FINISHED.key() : LaneStatus.QUEUED.key())
                    .update();
        }
        return id;
    }

    Optional<ComparisonRow> find(long id) {
        return jdbc.sql("select * from comparison where id = ?").param(id).query(ComparisonStore::comparison).optional();
    }

    /** The newest comparison with this config in one of the given states. */
    Optional<ComparisonRow> findByKey(String key, List<ComparisonStatus> statuses) {
        return jdbc.sql("select * from comparison where config_key = :key and status in (:statuses) and replay_of is null"
                        + " order by id desc fetch first 1 rows only")
                .param("key", key)
                .param("statuses", statuses.stream().map(ComparisonStatus::key).toList())
                .query(ComparisonStore::comparison).optional();
    }

    List<ComparisonRow> recent(int limit) {
        return jdbc.sql("select * from comparison order by id desc fetch first ? rows only").param(limit)
                .query(ComparisonStore::comparison).list();
    }

    List<LaneRow> lanes(long comparisonId) {
        return jdbc.sql("select * from lane where comparison_id = ? order by lane_index").param(comparisonId)
                .query((rs, n) -> new LaneRow(rs.getInt("lane_index"), rs.getString("objective"),
                        rs.getDouble("prompt_weight"), rs.getString("init"), rs.getString("label"),
                        LaneStatus.of(rs.getString("status")), (Integer) rs.getObject("diverged_at", Integer.class)))
                .list();
    }

    /**
     * Claims the oldest queued comparison for this instance. The conditional update makes the claim safe when
     * several instances poll the same queue: only one update can see the row still queued.
     */
    @Transactional
    Optional<Long> claimNext(String instance) {
        for (Long id : jdbc.sql("select id from comparison where status = 'queued' order by id").query(Long.class).list()) {
            int claimed = jdbc.sql("""
                    update comparison set status = 'running', claimed_by = ?, started_at = ?, heartbeat_at = ?
                    where id = ? and status = 'queued'""")
                    .params(instance, now(), now(), id).update();
            if (claimed == 1) {
                jdbc.sql("update lane set status = 'running' where comparison_id = ?").param(id).update();
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    void progress(long id, int stepsDone, double tokensPerSecond) {
        jdbc.sql("update comparison set steps_done = ?, tokens_per_s = ?, heartbeat_at = ? where id = ?")
                .params(stepsDone, tokensPerSecond, now(), id).update();
    }

    void addPoint(long id, int lane, MetricPoint p) {
        jdbc.sql("""
                insert into metric_point (comparison_id, lane_index, step, train_loss, response_nll, prompt_nll,
                                          full_nll, exact_match, drift)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, lane, p.step(), p.trainLoss(), p.responseNll(), p.promptNll(), p.fullNll(),
                        p.exactMatch(), p.drift())
                .update();
    }

    void addGenerations(long id, int lane, int step, List<Generation> generations) {
        for (int i = 0; i < generations.size(); i++) {
            Generation g = generations.get(i);
            jdbc.sql("""
                    insert into generation (comparison_id, lane_index, step, item, prompt, expected, generated, correct)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, lane, step, i, g.prompt(), g.expected(), clip(g.generated()), g.correct())
                    .update();
        }
    }

    /** Metric points of all lanes after {@code afterStep}, ordered by step then lane. */
    List<LanePoint> points(long id, int afterStep) {
        return jdbc.sql("""
                select * from metric_point where comparison_id = ? and step > ? order by step, lane_index""")
                .params(id, afterStep)
                .query((rs, n) -> new LanePoint(rs.getInt("lane_index"), new MetricPoint(rs.getInt("step"),
                        (Double) rs.getObject("train_loss", Double.class), rs.getDouble("response_nll"),
                        rs.getDouble("prompt_nll"), rs.getDouble("full_nll"), rs.getDouble("exact_match"),
                        rs.getDouble("drift"))))
                .list();
    }

    /** Each lane's answers at its latest evaluated step. */
    List<LaneGeneration> latestGenerations(long id) {
        return jdbc.sql("""
                select g.* from generation g
                where g.comparison_id = ? and g.step = (select max(step) from generation m
                    where m.comparison_id = g.comparison_id and m.lane_index = g.lane_index)
                order by g.item, g.lane_index""")
                .param(id)
                .query((rs, n) -> new LaneGeneration(rs.getInt("lane_index"), rs.getInt("step"),
                        new Generation(rs.getString("prompt"), rs.getString("expected"), rs.getString("generated"))))
                .list();
    }

    @Transactional
    void finish(long id, ComparisonStatus status, List<LaneResult> lanes, String message) {
        jdbc.sql("update comparison set status = ?, finished_at = ?, message = ? where id = ?")
                .params(status.key(), now(), message, id).update();
        for (int i = 0; i < lanes.size(); i++) {
            LaneResult lane = lanes.get(i);
            jdbc.sql("update lane set status = ?, diverged_at = ?, final_weights = ? where comparison_id = ? and lane_index = ?")
                    .params(lane.status().key(), lane.divergedAt(), lane.finalWeights(), id, i).update();
        }
    }

    /** Marks a comparison and all its lanes failed or interrupted without touching what was measured. */
    void abandon(long id, ComparisonStatus status, String message) {
        jdbc.sql("update comparison set status = ?, finished_at = ?, message = ? where id = ?")
                .params(status.key(), now(), message, id).update();
        jdbc.sql("update lane set status = ? where comparison_id = ? and status in ('queued', 'running')")
                .params(status.key(), id).update();
    }

    void laneDiverged(long id, int lane, int step) {
        jdbc.sql("update lane set status = 'diverged', diverged_at = ? where comparison_id = ? and lane_index = ?")
                .params(step, id, lane).update();
    }

    Optional<byte[]> laneWeights(long id, int lane) {
        return jdbc.sql("select final_weights from lane where comparison_id = ? and lane_index = ? and final_weights is not null")
                .params(id, lane).query((rs, n) -> rs.getBytes(1)).optional();
    }

    Optional<TrainedLane> trainedLane(long id, int lane) {
        return jdbc.sql("select comparison_id, lane_index, label from lane"
                        + " where comparison_id = ? and lane_index = ? and final_weights is not null")
                .params(id, lane).query(ComparisonStore::trainedLane).optional();
    }

    /** Lanes with final weights, newest first: what the explorer lists. */
    List<TrainedLane> trainedLanes(int limit) {
        return jdbc.sql("select comparison_id, lane_index, label from lane where final_weights is not null"
                        + " order by comparison_id desc, lane_index fetch first ? rows only")
                .param(limit).query(ComparisonStore::trainedLane).list();
    }

    private static TrainedLane trainedLane(ResultSet rs, int row) throws SQLException {
        return new TrainedLane(rs.getLong("comparison_id"), rs.getInt("lane_index"), rs.getString("label"));
    }

    /** Queued comparisons ahead of this one (0 = next to be claimed). */
    int queuedAhead(long id) {
        return jdbc.sql("select count(*) from comparison where status = 'queued' and id < ?").param(id)
                .query(Integer.class).single();
    }

    /** Steps × lanes of the running and queued work ahead of {@code id}, for the wait estimate. */
    List<ComparisonRow> activeBefore(long id) {
        return jdbc.sql("select * from comparison where status in ('queued', 'running') and id < ? order by id")
                .param(id).query(ComparisonStore::comparison).list();
    }

    int countQueued() {
        return jdbc.sql("select count(*) from comparison where status = 'queued'").query(Integer.class).single();
    }

    int countActiveFrom(String client) {
        return jdbc.sql("select count(*) from comparison where status in ('queued', 'running') and submitted_by = ?")
                .param(client).query(Integer.class).single();
    }

    void requestCancel(long id) {
        jdbc.sql("update comparison set cancel_requested = true where id = ?").param(id).update();
    }

    boolean cancelRequested(long id) {
        return jdbc.sql("select cancel_requested from comparison where id = ?").param(id).query(Boolean.class).single();
    }

    /** A queued comparison is cancelled at once; returns false if a trainer claimed it first. */
    @Transactional
    boolean cancelQueued(long id) {
        int updated = jdbc.sql("update comparison set status = 'cancelled', finished_at = ? where id = ? and status = 'queued'")
                .params(now(), id).update();
        if (updated == 1) {
            jdbc.sql("update lane set status = 'cancelled' where comparison_id = ?").param(id).update();
        }
        return updated == 1;
    }

    /** Running comparisons this instance owned before a restart, or whose trainer stopped beating. */
    List<Long> orphaned(String instance, Instant staleBefore) {
        return jdbc.sql("select id from comparison where status = 'running' and (claimed_by = ? or heartbeat_at < ?)")
                .params(instance, Timestamp.from(staleBefore)).query(Long.class).list();
    }

    private static ComparisonRow comparison(ResultSet rs, int row) throws SQLException {
        return new ComparisonRow(rs.getLong("id"), ComparisonConfig.fromJson(rs.getString("config_json")),
                ComparisonStatus.of(rs.getString("status")), (Long) rs.getObject("replay_of", Long.class),
                rs.getInt("steps_done"), (Double) rs.getObject("tokens_per_s", Double.class),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), rs.getString("message"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private static String clip(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }
}
