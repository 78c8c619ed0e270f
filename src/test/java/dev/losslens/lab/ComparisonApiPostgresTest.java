package dev.losslens.lab;

import dev.losslens.OnPostgres;

/** The comparison API, replays and joins, on PostgreSQL. */
@OnPostgres
class ComparisonApiPostgresTest extends ComparisonApiTest {
}
