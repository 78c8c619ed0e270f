package dev.losslens.lecture;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Class sessions' live streams ({@code losslens.lecture.*}).
 *
 * @param maxStreams most class event streams open at once on this instance
 * @param maxStreamsPerSession most screens one session may push to (a lecture hall and its projector)
 * @param maxStreamsPerClient most class streams one client address may hold: a hall behind one NAT fits, and one
 *                            client cannot take every stream of the instance
 * @param maxStreamsPerPerson most class streams one browser (its presenter or participant cookie) may hold
 * @param tick how often a watched session is read and, if it changed, pushed
 * @param heartbeat longest silence before a comment checks that a screen is still there; a session nobody watches
 *                  any more is read until then
 * @param streamTimeout longest life of one stream; the page reconnects
 * @param maxSessions most class sessions live at once (not yet ended), on all instances together
 * @param maxSessionsPerClient most live sessions one client address may have opened
 * @param keepEnded how long an ended session's polls and votes are kept before they are deleted
 */
@ConfigurationProperties("losslens.lecture")
record LectureProperties(@DefaultValue("1000") int maxStreams, @DefaultValue("400") int maxStreamsPerSession,
                         @DefaultValue("400") int maxStreamsPerClient, @DefaultValue("8") int maxStreamsPerPerson,
                         @DefaultValue("200ms") Duration tick,
                         @DefaultValue("5s") Duration heartbeat, @DefaultValue("2h") Duration streamTimeout,
                         @DefaultValue("200") int maxSessions, @DefaultValue("10") int maxSessionsPerClient,
                         @DefaultValue("7d") Duration keepEnded) {
}
