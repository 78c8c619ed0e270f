package dev.losslens.explorer;

/** The input bounds shown next to the explorer's controls. */
record ExplorerLimits(int promptChars, int responseChars, int contextTokens) {
}
