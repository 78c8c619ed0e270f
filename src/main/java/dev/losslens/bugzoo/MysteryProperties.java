package dev.losslens.bugzoo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bug zoo's mystery runs ({@code losslens.mysteries.*}).
 *
 * @param steps optimisation steps of a mystery comparison: the lab's default, at which every bug shows its symptom
 */
@ConfigurationProperties("losslens.mysteries")
record MysteryProperties(@DefaultValue("300") int steps) {
}
