package dev.losslens.lab;

import dev.losslens.OnPostgres;

/** Run streams and their caps, on PostgreSQL. */
@OnPostgres
class StreamLimitsPostgresTest extends StreamLimitsTest {
}
