package dev.losslens.lecture;

import dev.losslens.OnPostgres;

/** Class polls through the API, on PostgreSQL. */
@OnPostgres
class ClassApiPostgresTest extends ClassApiTest {
}
