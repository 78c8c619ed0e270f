package dev.losslens.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins counted per account name and per client address over a sliding window: past its limit, that name
 * or address waits until its oldest failure leaves the window, whatever password it tries. Counted per replica. The
 * table is bounded: when it is full of recent failures, a name or address it does not hold waits too.
 */
@Component
class SignInThrottle {

    static final int MAX_TRACKED = 10_000;

    /** Each key's failure times, oldest first; every change to one goes through the map's atomic compute. */
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final AccountProperties properties;
    private final Clock clock;

    @Autowired
    SignInThrottle(AccountProperties properties) {
        this(properties, Clock.systemUTC());
    }

    SignInThrottle(AccountProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    boolean allows(String username, String client) {
        if (failures.size() >= MAX_TRACKED) {
            failures.keySet().forEach(this::recent);
            if (failures.size() >= MAX_TRACKED && !failures.containsKey(account(username))) {
                return false;
            }
        }
        return recent(account(username)) < properties.maxFailuresPerAccount()
                && recent(address(client)) < properties.maxFailuresPerClient();
    }

    void failed(String username, String client) {
        note(account(username));
        note(address(client));
    }

    void succeeded(String username) {
        failures.remove(account(username));
    }

    private void note(String key) {
        if (failures.size() >= MAX_TRACKED && !failures.containsKey(key)) {
            return;
        }
        failures.compute(key, (k, times) -> {
            Deque<Instant> kept = times == null ? new ArrayDeque<>() : times;
            kept.addLast(clock.instant());
            return kept;
        });
    }

    /** How many failures the key has in the window; forgets older ones, and the key once it has none. */
    private int recent(String key) {
        Instant since = clock.instant().minus(properties.failureWindow());
        Deque<Instant> left = failures.computeIfPresent(key, (k, times) -> {
            while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
                times.removeFirst();
            }
            return times.isEmpty() ? null : times;
        });
        return left == null ? 0 : left.size();
    }

    private static String account(String username) {
        return "account:" + Usernames.normalise(username);
    }

    private static String address(String client) {
        return "client:" + client;
    }
}
