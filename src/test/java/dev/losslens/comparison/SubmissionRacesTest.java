package dev.losslens.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.comparison.ComparisonRequest.LaneRequest;
import dev.losslens.system.rejection.TooManyRequestsException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Submissions that arrive at the same instant: the join-or-queue decision and the per-client limit are held by the
 * database's lock, not by a count that another request can change between check and insert.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SubmissionRacesTest {

    private static final int AT_ONCE = 8;
    private static final OwnerSecret OWNER = OwnerSecret.generate();

    @Autowired
    ComparisonService comparisons;

    @Autowired
    TrainingProperties limits;

    @Autowired
    JdbcClient jdbc;

    private final List<Long> started = new ArrayList<>();

    @AfterEach
    void cancelWhatTheTestQueued() throws Exception {
        started.forEach(id -> comparisons.cancel(id, Optional.of(OWNER)));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (jdbc.sql("select count(*) from comparison where status in ('queued', 'running')").query(Integer.class)
                .single() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }

    private static ComparisonRequest request(long seed) {
        return new ComparisonRequest("capitals", "tiny", 2000, 1e-3, 4, seed, 100,
                List.of(new LaneRequest("pretraining", null, "scratch"), new LaneRequest("instruction", null, "scratch")));
    }

    /** Runs every task at the same moment and returns what each one did. */
    private static <T> List<Future<T>> atOnce(List<Callable<T>> tasks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> results = new ArrayList<>();
        for (Callable<T> task : tasks) {
            results.add(threads.submit(() -> {
                go.await();
                return task.call();
            }));
        }
        go.countDown();
        threads.shutdown();
        for (Future<T> result : results) {
            try {
                result.get();
            } catch (Exception ignored) {
                // the caller looks at each outcome
            }
        }
        return results;
    }

    @Test
    void identicalSubmissionsAtTheSameInstantTrainOnceAndJoinIt() throws Exception {
        List<Callable<Submission>> same = new ArrayList<>();
        for (int i = 0; i < AT_ONCE; i++) {
            same.add(() -> comparisons.submit(request(4242), "client-" + same.size(), OWNER));
        }
        List<Submission> submissions = new ArrayList<>();
        for (Future<Submission> result : atOnce(same)) {
            submissions.add(result.get());
        }
        started.add(submissions.get(0).comparison().id());

        assertThat(submissions).extracting(s -> s.comparison().id()).as("one comparison answers all").containsOnly(
                submissions.get(0).comparison().id());
        assertThat(submissions).filteredOn(s -> s.kind() == Submission.Kind.QUEUED).hasSize(1);
        assertThat(submissions).filteredOn(s -> s.kind() == Submission.Kind.JOINED).hasSize(AT_ONCE - 1);
    }

    @Test
    void oneClientCannotQueueMoreThanItsLimitByAskingAtOnce() throws Exception {
        List<Callable<Submission>> different = new ArrayList<>();
        for (int i = 0; i < AT_ONCE; i++) {
            long seed = 5000 + i;
            different.add(() -> comparisons.submit(request(seed), "one-client", OWNER));
        }
        int accepted = 0;
        int refused = 0;
        for (Future<Submission> result : atOnce(different)) {
            try {
                started.add(result.get().comparison().id());
                accepted++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(TooManyRequestsException.class);
                refused++;
            }
        }
        assertThat(accepted).as("accepted of %d at once", AT_ONCE).isEqualTo(limits.maxQueuedPerClient());
        assertThat(refused).isEqualTo(AT_ONCE - limits.maxQueuedPerClient());
    }
}
