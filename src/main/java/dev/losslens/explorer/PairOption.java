package dev.losslens.explorer;

/** One entry of the pair picker. */
record PairOption(int index, String label) {

    private static final int LABEL_CHARS = 70;

    static PairOption of(int index, String prompt) {
        String oneLine = prompt.replace('\n', ' ');
        return new PairOption(index, oneLine.length() <= LABEL_CHARS ? oneLine : oneLine.substring(0, LABEL_CHARS - 1) + "…");
    }
}
