package dev.losslens.account;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * With no administrator yet, creates {@code admin}: with {@code LOSSLENS_ADMIN_PASSWORD} when it is set, else with a
 * generated password printed once to the log (only its hash is stored). Replicas starting together race on the
 * account's unique name; the one whose insert wins is the one that prints.
 */
@Component
class FirstAdministrator {

    static final String NAME = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);

    private final AccountStore accounts;
    private final PasswordEncoder encoder;
    private final AccountProperties properties;

    FirstAdministrator(AccountStore accounts, PasswordEncoder encoder, AccountProperties properties) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createWhenNone() {
        if (accounts.anyAdministrator()) {
            return;
        }
        boolean chosen = properties.adminPassword() != null && !properties.adminPassword().isBlank();
        String password = chosen ? properties.adminPassword() : generated();
        if (accounts.add(NAME, encoder.encode(password), Role.ADMINISTRATOR)) {
            if (chosen) {
                LOG.info("Administrator '{}' created with the password from LOSSLENS_ADMIN_PASSWORD", NAME);
            } else {
                LOG.warn("Administrator '{}' created with the password {} — shown this once; sign in at /login and "
                        + "keep it, or set LOSSLENS_ADMIN_PASSWORD before the first start", NAME, password);
            }
        }
    }

    private static String generated() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
