package dev.losslens.lecture;

import dev.losslens.system.InvalidInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What the presenter can do to a session: move through the deck, blank the screen, run the current poll, and start a
 * comparison from the class's λ answers ("crowd").
 */
enum ControlAction {
    NEXT("next"), BACK("back"), GO("go"), BLANK("blank"), LOCK("lock"), REOPEN("reopen"), REVEAL("reveal"),
    RESET("reset"), CROWD("crowd");

    private final String key;

    ControlAction(String key) {
        this.key = key;
    }

    /** The action a presenter named; a clear 400 naming every action for anything else. */
    static ControlAction of(String key) {
        for (ControlAction action : values()) {
            if (action.key.equals(key)) {
                return action;
            }
        }
        throw new InvalidInputException("action", "action must be one of " + Arrays.stream(values())
                .map(action -> action.key).collect(Collectors.joining(", ")));
    }
}
