package dev.losslens.lecture;

/** Where a class poll is: taking answers, closed to answers, or closed with its results shown. */
enum PollState {
    OPEN("open"), LOCKED("locked"), REVEALED("revealed");

    private final String key;

    PollState(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    static PollState of(String key) {
        for (PollState state : values()) {
            if (state.key.equals(key)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown poll state " + key);
    }
}
