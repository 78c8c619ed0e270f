package dev.losslens.quiz;

import dev.losslens.OnPostgres;

/** Quiz answers and mastery, on PostgreSQL. */
@OnPostgres
class QuizApiPostgresTest extends QuizApiTest {
}
