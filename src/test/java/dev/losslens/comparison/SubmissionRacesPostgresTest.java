package dev.losslens.comparison;

import dev.losslens.OnPostgres;

/** Concurrent submissions, on PostgreSQL. */
@OnPostgres
class SubmissionRacesPostgresTest extends SubmissionRacesTest {
}
