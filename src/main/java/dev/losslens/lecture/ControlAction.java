package dev.losslens.lecture;

import java.util.Optional;

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

    static Optional<ControlAction> of(String key) {
        for (ControlAction action : values()) {
            if (action.key.equals(key)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
