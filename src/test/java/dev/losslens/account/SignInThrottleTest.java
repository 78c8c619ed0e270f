package dev.losslens.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    /** A clock the test moves by hand. */
    private static final class Hands extends Clock {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final Hands clock = new Hands();
    private final SignInThrottle throttle = new SignInThrottle(
            new AccountProperties("", 3, 5, Duration.ofMinutes(15)), clock);

    @Test
    void anAccountWaitsAfterItsLimitUntilItsOldestFailureLeavesTheWindow() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.allows("jo", "10.0.0." + i)).isTrue();
            throttle.failed(" JO", "10.0.0." + i);
        }
        assertThat(throttle.allows("jo", "10.0.0.9")).as("whatever the address").isFalse();
        assertThat(throttle.allows("ana", "10.0.0.9")).as("another account").isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(15)).plusSeconds(1);
        assertThat(throttle.allows("jo", "10.0.0.9")).isTrue();
    }

    @Test
    void anAddressWaitsAfterItsLimitWhateverTheNameAndASuccessClearsOnlyTheAccount() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("name" + i, "10.0.0.1");
        }
        assertThat(throttle.allows("somebody", "10.0.0.1")).isFalse();
        assertThat(throttle.allows("somebody", "10.0.0.2")).isTrue();
        throttle.failed("jo", "10.0.0.3");
        throttle.failed("jo", "10.0.0.3");
        throttle.succeeded("jo");
        throttle.failed("jo", "10.0.0.4");
        throttle.failed("jo", "10.0.0.4");
        assertThat(throttle.allows("jo", "10.0.0.5")).as("two failures since the success").isTrue();
    }

    @Test
    void theTableIsBoundedAndFullOfRecentFailuresItMakesStrangersWait() {
        for (int i = 0; i < SignInThrottle.MAX_TRACKED; i++) {
            throttle.failed("user" + i, "10.1." + (i / 250) + "." + (i % 250));
        }
        assertThat(throttle.allows("stranger", "10.9.9.9")).isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        assertThat(throttle.allows("stranger", "10.9.9.9")).as("once the old failures are forgotten").isTrue();
    }
}
