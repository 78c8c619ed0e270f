package dev.losslens.instructor;

import dev.losslens.OnPostgres;

/** Instructors' questions, their cap under concurrent writes, and learners' answers to them, on PostgreSQL. */
@OnPostgres
class InstructorQuestionsPostgresTest extends InstructorQuestionsTest {
}
