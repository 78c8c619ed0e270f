package dev.losslens.comparison;

import static dev.losslens.comparison.ComparisonStore.keys;
import static dev.losslens.comparison.ComparisonStore.now;

import dev.losslens.notation.Keyed;
import dev.losslens.training.LaneStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The training queue is the comparison table: claims, heartbeats, cancel requests and what waits ahead. */
@Repository
public class ComparisonQueue {

    private static final List<ComparisonStatus> ACTIVE = List.of(ComparisonStatus.QUEUED, ComparisonStatus.RUNNING);

    /** Published when a comparison joins the queue, so a trainer can look at once instead of at its next poll. */
    public record Queued(long id) {
    }

    /** Published when a learner cancels a running comparison, so the trainer stops after its current step. */
    public record CancelRequested(long id) {
    }

    private final JdbcClient jdbc;

    ComparisonQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises submissions until the caller's transaction ends, on every instance sharing the database: the
     * join-or-queue decision and the queue limits are then taken on what is really there.
     */
    void lockSubmissions() {
        jdbc.sql("select id from submission_lock where id = 1 for update").query(Integer.class).single();
    }

    /**
     * Queued comparisons in the order trainers claim them: round-robin between people (their owner secrets, not
     * their addresses, so a class behind one NAT takes turns like anyone), so whoever has fewer runs queued or
     * running goes first, and one person's long list cannot starve the others. Oldest first within a turn.
     */
    List<Long> claimOrder() {
        return jdbc.sql("""
                select id from (
                    select id, status,
                           row_number() over (partition by coalesce(owner_hash, submitted_by) order by id) as turn
                    from comparison where status in (:active)) active
                where status = :queued order by turn, id""")
                .param("active", keys(ACTIVE)).param("queued", ComparisonStatus.QUEUED.key())
                .query(Long.class).list();
    }

    /** Every comparison waiting or training, in one read. */
    List<ComparisonRow> active() {
        return jdbc.sql("select * from comparison where status in (:active) order by id")
                .param("active", keys(ACTIVE)).query(ComparisonStore::comparison).list();
    }

    /**
     * Claims the next queued comparison in {@link #claimOrder()} for this instance. The conditional update makes the
     * claim safe when several instances poll the same queue: only one update can see the row still queued.
     */
    @Transactional
    public Optional<Long> claimNext(String instance) {
        for (Long id : claimOrder()) {
            int claimed = jdbc.sql("""
                    update comparison set status = ?, claimed_by = ?, started_at = ?, heartbeat_at = ?
                    where id = ? and status = ?""")
                    .params(ComparisonStatus.RUNNING.key(), instance, now(), now(), id, ComparisonStatus.QUEUED.key())
                    .update();
            if (claimed == 1) {
                jdbc.sql("update lane set status = ? where comparison_id = ?")
                        .params(LaneStatus.RUNNING.key(), id).update();
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /** The trainer's heartbeat: steps done and speed; false when the comparison no longer runs. */
    public boolean progress(long id, int stepsDone, double tokensPerSecond) {
        return jdbc.sql("update comparison set steps_done = ?, tokens_per_s = ?, heartbeat_at = ? where id = ? and status = ?")
                .params(stepsDone, tokensPerSecond, now(), id, ComparisonStatus.RUNNING.key()).update() == 1;
    }

    /** Comparisons by status, each status once; those with none are left out. */
    Map<ComparisonStatus, Long> countsByStatus() {
        Map<ComparisonStatus, Long> counts = new EnumMap<>(ComparisonStatus.class);
        jdbc.sql("select status, count(*) from comparison group by status").query((rs, n) ->
                counts.put(Keyed.of(ComparisonStatus.class, rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    int countQueued() {
        return jdbc.sql("select count(*) from comparison where status = ?")
                .param(ComparisonStatus.QUEUED.key()).query(Integer.class).single();
    }

    /** Comparisons waiting or training that were submitted from this address. */
    int countActiveFrom(String address) {
        return jdbc.sql("select count(*) from comparison where status in (:active) and submitted_by = :address")
                .param("active", keys(ACTIVE)).param("address", address).query(Integer.class).single();
    }

    /** Comparisons waiting or training that this person started. */
    int countActiveOwnedBy(OwnerSecret owner) {
        return jdbc.sql("select count(*) from comparison where status in (:active) and owner_hash = :owner")
                .param("active", keys(ACTIVE)).param("owner", owner.hash()).query(Integer.class).single();
    }

    void requestCancel(long id) {
        jdbc.sql("update comparison set cancel_requested = true where id = ?").param(id).update();
    }

    public boolean cancelRequested(long id) {
        return jdbc.sql("select cancel_requested from comparison where id = ?").param(id).query(Boolean.class).single();
    }

    /** A queued comparison is cancelled at once; returns false if a trainer claimed it first. */
    @Transactional
    boolean cancelQueued(long id) {
        int updated = jdbc.sql("update comparison set status = ?, finished_at = ? where id = ? and status = ?")
                .params(ComparisonStatus.CANCELLED.key(), now(), id, ComparisonStatus.QUEUED.key()).update();
        if (updated == 1) {
            jdbc.sql("update lane set status = ? where comparison_id = ?")
                    .params(LaneStatus.CANCELLED.key(), id).update();
        }
        return updated == 1;
    }

    /**
     * Running comparisons claimed by another instance whose trainer stopped beating. The heartbeat is the only sign
     * of another process's life; {@code instance} is this live process, whose runs are never its own orphans.
     */
    public List<Long> stale(Instant staleBefore, String instance) {
        return jdbc.sql("select id from comparison where status = ? and heartbeat_at < ? and claimed_by <> ?")
                .params(ComparisonStatus.RUNNING.key(), Timestamp.from(staleBefore), instance)
                .query(Long.class).list();
    }
}
