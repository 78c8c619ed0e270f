package dev.losslens.instructor;

import dev.losslens.OnPostgres;

/** Instructors' datasets on PostgreSQL: the migration, the slug's unique key under racing uploads, deletion. */
@OnPostgres
class InstructorDatasetsPostgresTest extends InstructorDatasetsTest {
}
