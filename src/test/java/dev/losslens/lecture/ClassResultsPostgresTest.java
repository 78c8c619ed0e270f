package dev.losslens.lecture;

import dev.losslens.OnPostgres;

/** An instructor's class results, on PostgreSQL. */
@OnPostgres
class ClassResultsPostgresTest extends ClassResultsTest {
}
