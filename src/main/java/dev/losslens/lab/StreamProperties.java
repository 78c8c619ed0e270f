package dev.losslens.lab;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live run streams ({@code losslens.streams.*}).
 *
 * @param maxTotal most event streams open at once on this instance
 * @param maxPerClient most event streams one person (their owner cookie or token) may hold open
 * @param maxPerAddress most event streams one client address may hold open: a hall behind one NAT fits
 * @param tick how often a watched run is read and its news sent
 * @param heartbeat how long a stream may stay silent before a comment checks that its client is still there
 * @param timeout longest life of one stream; the page reconnects
 */
@ConfigurationProperties("losslens.streams")
record StreamProperties(@DefaultValue("500") int maxTotal, @DefaultValue("8") int maxPerClient,
                        @DefaultValue("400") int maxPerAddress,
                        @DefaultValue("250ms") Duration tick, @DefaultValue("10s") Duration heartbeat,
                        @DefaultValue("30m") Duration timeout) {
}
