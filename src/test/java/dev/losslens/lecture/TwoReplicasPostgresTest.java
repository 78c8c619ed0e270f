package dev.losslens.lecture;

import dev.losslens.PostgresServer;

/** Two replicas of the lecture on one PostgreSQL database, as a department runs them. */
class TwoReplicasPostgresTest extends TwoReplicasTest {

    @Override
    String[] database() {
        return PostgresServer.arguments(PostgresServer.newDatabase());
    }
}
