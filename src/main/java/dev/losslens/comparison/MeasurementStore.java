package dev.losslens.comparison;

import dev.losslens.comparison.LaneChecks.CheckFailure;
import dev.losslens.notation.Keyed;
import dev.losslens.training.Generation;
import dev.losslens.training.MetricPoint;
import dev.losslens.training.PipelineCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** What training measured: metric points and generated answers per lane and evaluation step. */
@Repository
public class MeasurementStore {

    private static final int MAX_ANSWER_CHARS = 1000;

    private final JdbcClient jdbc;
    /**
     * The embedded H2 store may leave a commit unwritten while another thread is writing its own (its store lock is
     * only tried), so a point the API has shown could die with a SIGKILL. A checkpoint waits for that lock and writes.
     * PostgreSQL's commit is durable by itself.
     */
    private final boolean checkpointAfterPoints;

    MeasurementStore(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            this.checkpointAfterPoints = "H2".equals(connection.getMetaData().getDatabaseProductName());
        }
    }

    public void addPoint(long id, int lane, MetricPoint p) {
        jdbc.sql("""
                insert into metric_point (comparison_id, lane_index, step, train_loss, response_nll, every_turn_nll,
                                          prompt_nll, full_nll, exact_match, drift, stopped)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, lane, p.step(), p.trainLoss(), p.responseNll(), p.everyTurnNll(), p.promptNll(), p.fullNll(),
                        p.exactMatch(), p.drift(), p.stopped())
                .update();
        if (checkpointAfterPoints) {
            jdbc.sql("checkpoint").update();
        }
    }

    /** One commit for a lane's answers at one step: with every commit flushed to disk, that is one write, not 16. */
    @Transactional
    public void addGenerations(long id, int lane, int step, List<Generation> generations) {
        for (int i = 0; i < generations.size(); i++) {
            Generation g = generations.get(i);
            jdbc.sql("""
                    insert into generation (comparison_id, lane_index, step, item, prompt, expected, generated, correct,
                                            stopped)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, lane, step, i, g.prompt(), g.expected(), storable(g.generated()), g.correct(),
                            g.stopped())
                    .update();
        }
    }

    /** Metric points of all lanes after {@code afterStep}, ordered by step then lane. */
    public List<LanePoint> points(long id, int afterStep) {
        return jdbc.sql("""
                select * from metric_point where comparison_id = ? and step > ? order by step, lane_index""")
                .params(id, afterStep)
                .query((rs, n) -> new LanePoint(rs.getInt("lane_index"), new MetricPoint(rs.getInt("step"),
                        (Double) rs.getObject("train_loss", Double.class), rs.getDouble("response_nll"),
                        rs.getDouble("every_turn_nll"), rs.getDouble("prompt_nll"), rs.getDouble("full_nll"),
                        rs.getDouble("exact_match"), rs.getDouble("drift"), rs.getObject("stopped", Double.class))))
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
                        new Generation(rs.getString("prompt"), rs.getString("expected"), rs.getString("generated"),
                                rs.getObject("stopped", Boolean.class))))
                .list();
    }

    /** The first step at which a lane's batch failed a pipeline check (training reports each once). */
    public void addFailedCheck(long id, int lane, PipelineCheck check, int step) {
        jdbc.sql("insert into lane_check (comparison_id, lane_index, check_key, first_step) values (?, ?, ?, ?)")
                .params(id, lane, check.key(), step)
                .update();
    }

    /** By lane, the checks its batches failed, each with the step it first failed, in the order they failed. */
    public Map<Integer, List<CheckFailure>> failedChecks(long id) {
        Map<Integer, List<CheckFailure>> byLane = new TreeMap<>();
        jdbc.sql("select lane_index, check_key, first_step from lane_check where comparison_id = ?")
                .param(id)
                .query(rs -> {
                    byLane.computeIfAbsent(rs.getInt("lane_index"), lane -> new ArrayList<>()).add(new CheckFailure(
                            Keyed.of(PipelineCheck.class, rs.getString("check_key")), rs.getInt("first_step")));
                });
        byLane.values().forEach(failures -> failures.sort(Comparator.comparingInt(CheckFailure::firstStep)
                .thenComparing(CheckFailure::check)));
        return byLane;
    }

    /**
     * A generation as stored and shown: clipped, and a generated NUL byte written as ␀ (U+2400), which a reader sees
     * and PostgreSQL's text can hold (it refuses U+0000; an untrained model emits any byte).
     */
    private static String storable(String text) {
        String visible = text.replace('\u0000', '\u2400');
        return visible.length() <= MAX_ANSWER_CHARS ? visible : visible.substring(0, MAX_ANSWER_CHARS - 1) + "…";
    }
}
