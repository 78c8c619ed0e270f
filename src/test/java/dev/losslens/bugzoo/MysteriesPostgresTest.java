package dev.losslens.bugzoo;

import dev.losslens.OnPostgres;

/** Mysteries on PostgreSQL: one answer among several at once, kept by the database. */
@OnPostgres
class MysteriesPostgresTest extends MysteriesTest {
}
