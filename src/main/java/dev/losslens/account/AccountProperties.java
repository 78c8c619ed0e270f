package dev.losslens.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings: the first administrator's password (empty: generated at first start and logged once), and how
 * many failed sign-ins an account, or a client address, may have in a window before it has to wait.
 */
@ConfigurationProperties("losslens.accounts")
record AccountProperties(String adminPassword, int maxFailuresPerAccount, int maxFailuresPerClient,
                         Duration failureWindow) {
}
