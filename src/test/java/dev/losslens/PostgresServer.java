package dev.losslens;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL server a test needs: {@code LOSSLENS_DB_URL} and its user and password ({@code .ci/run} starts
 * one and sets them). Without them a test is skipped, except under {@code CI=true}, where it must run.
 */
public final class PostgresServer {

    private PostgresServer() {
    }

    public static void require() {
        if (System.getenv("LOSSLENS_DB_URL") == null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but LOSSLENS_DB_URL is not set: .ci/run should start PostgreSQL");
            }
            Assumptions.assumeTrue(false, "No PostgreSQL configured (LOSSLENS_DB_URL)");
        }
    }
}
