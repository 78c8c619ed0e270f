package dev.losslens.lecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslens.PostgresServer;
import dev.losslens.system.SecretCookie;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Class polls on a real PostgreSQL server, as a lecture hall's deployment runs them: votes written at the same moment
 * by one phone count once, a number answer stores its number, and nothing is written to a locked poll. Needs
 * {@code LOSSLENS_DB_URL} (set by {@code .ci/run}); skipped without it, except under {@code CI=true}.
 */
@SpringBootTest(properties = {"spring.profiles.active=postgres", "losslens.training.instance-id=pg-test",
        "spring.datasource.url=${LOSSLENS_DB_URL:jdbc:h2:mem:unused}"})
class PostgresClassPollTest {

    @Autowired
    ClassStore store;

    @BeforeAll
    static void needsAServer() {
        PostgresServer.require();
    }

    @Test
    void votesAtTheSameMomentCountOncePerPhoneAndNeverAfterTheLock() {
        String code = JoinCode.generate();
        store.create(code, SecretCookie.sha256(SecretCookie.generate()), "objectives",
                Instant.now().plus(Duration.ofHours(1)));
        ClassSession session = store.find(code).orElseThrow();
        store.openPoll(session.id(), "predict-lowest-response");
        store.openPoll(session.id(), "predict-lowest-response");
        store.openPoll(session.id(), "pick-lambda");
        long poll = store.poll(session.id(), "predict-lowest-response").orElseThrow().id();

        String phone = SecretCookie.sha256(SecretCookie.generate());
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Boolean>> votes = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int choice = i % 2;
            String participant = i < 12 ? phone : SecretCookie.sha256(SecretCookie.generate());
            votes.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return store.vote(poll, participant, choice, null);
            }));
        }
        start.countDown();
        assertThat(votes.stream().map(CompletableFuture::join)).containsOnly(true);
        assertThat(store.poll(session.id(), "predict-lowest-response").orElseThrow().answered()).isEqualTo(13);

        long lambda = store.poll(session.id(), "pick-lambda").orElseThrow().id();
        assertThat(store.vote(lambda, phone, null, 0.25)).isTrue();
        assertThat(store.votes(lambda)).containsExactly(new ClassStore.Vote(null, 0.25));

        store.setState(poll, PollState.LOCKED);
        assertThat(store.vote(poll, phone, 1, null)).isFalse();
        assertThat(store.vote(poll, SecretCookie.sha256(SecretCookie.generate()), 0, null)).isFalse();
        assertThat(store.poll(session.id(), "predict-lowest-response").orElseThrow().answered()).isEqualTo(13);
    }
}
