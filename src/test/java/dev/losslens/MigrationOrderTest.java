package dev.losslens;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A migration numbered before one a database already has still applies, as the app configures Flyway: the uploaded
 * datasets' V7 arrived after V9, and a database migrated to V9 gains its tables without losing anything.
 */
class MigrationOrderTest {

    @Test
    void aDatabaseMigratedPastV7GainsTheUploadedDatasetsTables(@TempDir Path before) throws Exception {
        for (Resource migration : new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql")) {
            if (!migration.getFilename().startsWith("V7__")) {
                try (InputStream in = migration.getInputStream()) {
                    Files.copy(in, before.resolve(migration.getFilename()));
                }
            }
        }
        DriverManagerDataSource database = new DriverManagerDataSource("jdbc:h2:mem:order-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(database).locations("filesystem:" + before).load().migrate();
        assertThat(Arrays.stream(Flyway.configure().dataSource(database).locations("filesystem:" + before).load().info()
                .applied()).map(info -> info.getVersion().getVersion())).contains("9").doesNotContain("7");

        Properties app = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            app.load(in);
        }
        Flyway configured = Flyway.configure().dataSource(database).locations("classpath:db/migration")
                .outOfOrder(Boolean.parseBoolean(app.getProperty("spring.flyway.out-of-order", "false"))).load();
        configured.migrate();

        assertThat(Arrays.stream(configured.info().applied()).map(MigrationInfo::getVersion)
                .map(version -> version.getVersion())).contains("7", "9");
        assertThat(JdbcClient.create(database).sql("select count(*) from uploaded_dataset").query(Long.class).single())
                .isZero();
    }
}
