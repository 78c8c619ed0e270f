package dev.losslens;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test on PostgreSQL, as production does, with a database of its own on the tests' server
 * ({@link PostgresServer}). A suite that must hold on both engines is the H2 class plus a one-line subclass with
 * this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ContextConfiguration(initializers = PostgresServer.Database.class)
public @interface OnPostgres {
}
