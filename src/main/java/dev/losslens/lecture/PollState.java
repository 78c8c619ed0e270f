package dev.losslens.lecture;

import dev.losslens.notation.Keyed;

/** Where a class poll is: taking answers, closed to answers, or closed with its results shown. */
enum PollState implements Keyed {
    OPEN, LOCKED, REVEALED
}
