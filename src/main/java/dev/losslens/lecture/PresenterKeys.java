package dev.losslens.lecture;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The keys besides the opener's that steer a session (phones paired to it), and the pairing codes that add them:
 * single-use and short-lived, stored as hashes; the database decides which request uses a code.
 */
@Repository
class PresenterKeys {

    /** Wrong codes a session takes before its open codes stop working. */
    static final int MAX_ATTEMPTS = 5;

    private final JdbcClient jdbc;

    PresenterKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean isPaired(long session, String keyHash) {
        return jdbc.sql("select count(*) from class_presenter_key where session_id = ? and key_hash = ?")
                .params(session, keyHash).query(Integer.class).single() > 0;
    }

    void pair(long session, String keyHash) {
        try {
            jdbc.sql("insert into class_presenter_key (session_id, key_hash) values (?, ?)").params(session, keyHash)
                    .update();
        } catch (DuplicateKeyException alreadyPaired) {
            // the same phone paired twice: it steers already
        }
    }

    void offer(long session, String codeHash, Instant expiresAt) {
        jdbc.sql("""
                insert into class_pairing (session_id, code_hash, expires_at, used, attempts)
                values (?, ?, ?, false, 0)""")
                .params(session, codeHash, Timestamp.from(expiresAt)).update();
    }

    /**
     * Uses the code if it is open: unused, unexpired and not guessed at too often. One statement, so of two requests
     * with the same code only one succeeds.
     */
    boolean redeem(long session, String codeHash) {
        return jdbc.sql("""
                update class_pairing set used = true
                where session_id = ? and code_hash = ? and used = false and expires_at > ? and attempts < ?""")
                .params(session, codeHash, Timestamp.from(Instant.now()), MAX_ATTEMPTS).update() == 1;
    }

    /** A wrong code counts against every open code of the session. */
    void wrongCode(long session) {
        jdbc.sql("update class_pairing set attempts = attempts + 1 where session_id = ? and used = false")
                .param(session).update();
    }
}
