package dev.losslens.explorer;

/** Body of {@code POST /api/breakdown}; also what the explorer form submits. */
record BreakdownRequest(String prompt, String response, Double promptWeight, String checkpoint) {
}
