package dev.losslens.account;

import dev.losslens.notation.Keyed;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accounts table. A name is taken once: the unique key decides, so two replicas adding one name cannot both win. */
@Repository
class AccountStore {

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> find(String username) {
        return jdbc.sql("select username, password_hash, role, created_at from account where username = ?")
                .param(username)
                .query(AccountStore::account)
                .optional();
    }

    List<Account> all() {
        return jdbc.sql("select username, password_hash, role, created_at from account order by role, username")
                .query(AccountStore::account)
                .list();
    }

    private static Account account(ResultSet row, int number) throws SQLException {
        return new Account(row.getString(1), row.getString(2), Keyed.of(Role.class, row.getString(3)),
                row.getTimestamp(4).toInstant());
    }

    /** Adds the account; false when the name is taken. */
    boolean add(String username, String passwordHash, Role role) {
        try {
            jdbc.sql("insert into account (username, password_hash, role, created_at) values (?, ?, ?, ?)")
                    .params(username, passwordHash, role.key(), Timestamp.from(Instant.now()))
                    .update();
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /** Removes an instructor (never an administrator); false when there is no such instructor. */
    boolean removeInstructor(String username) {
        return jdbc.sql("delete from account where username = ? and role = ?")
                .params(username, Role.INSTRUCTOR.key())
                .update() == 1;
    }

    boolean anyAdministrator() {
        return jdbc.sql("select count(*) from account where role = ?").param(Role.ADMINISTRATOR.key())
                .query(Long.class).single() > 0;
    }
}
