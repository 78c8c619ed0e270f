package dev.losslens.lecture;

import dev.losslens.notation.Keyed;
import dev.losslens.system.rejection.InvalidInputException;
import dev.losslens.system.rejection.Rejection;

/**
 * What the presenter can do to a session: move through the deck (or past the optional steps ahead, "skip"), blank the
 * screen, run the current poll (with a
 * second round, "revote", and the right answer shown after a second round's reveal, "answer"), and start a comparison
 * from the class's λ answers ("crowd").
 */
enum ControlAction implements Keyed {
    NEXT, BACK, GO, SKIP, BLANK, LOCK, REOPEN, REVEAL, REVOTE, ANSWER, RESET, CROWD;

    /** The action a presenter named; a clear 400 naming every action for anything else. */
    static ControlAction of(String key) {
        return Keyed.parse(ControlAction.class, key).orElseThrow(() -> new InvalidInputException("action", "one-of",
                new Rejection.Field("action"), Keyed.choices(ControlAction.class)));
    }
}
