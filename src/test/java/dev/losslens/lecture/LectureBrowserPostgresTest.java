package dev.losslens.lecture;

import dev.losslens.OnPostgres;

/** The lecture in a real browser, on PostgreSQL. */
@OnPostgres
class LectureBrowserPostgresTest extends LectureBrowserTest {
}
