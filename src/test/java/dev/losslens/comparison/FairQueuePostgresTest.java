package dev.losslens.comparison;

import dev.losslens.OnPostgres;

/** The fair queue, on PostgreSQL. */
@OnPostgres
class FairQueuePostgresTest extends FairQueueTest {
}
