package dev.losslens.worker;

import dev.losslens.OnPostgres;

/** Runs interrupted by a restart, on PostgreSQL. */
@OnPostgres
class RestartPostgresTest extends RestartTest {
}
