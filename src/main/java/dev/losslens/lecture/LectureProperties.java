package dev.losslens.lecture;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Class sessions' live streams ({@code losslens.lecture.*}).
 *
 * @param maxStreams most class event streams open at once on this instance
 * @param maxStreamsPerSession most screens one session may push to (a lecture hall and its projector)
 * @param tick how often a watched session is read and, if it changed, pushed
 * @param heartbeat longest silence before a comment checks that a screen is still there; a session nobody watches
 *                  any more is read until then
 * @param streamTimeout longest life of one stream; the page reconnects
 */
@ConfigurationProperties("losslens.lecture")
record LectureProperties(@DefaultValue("1000") int maxStreams, @DefaultValue("400") int maxStreamsPerSession,
                         @DefaultValue("200ms") Duration tick, @DefaultValue("5s") Duration heartbeat,
                         @DefaultValue("2h") Duration streamTimeout) {
}
