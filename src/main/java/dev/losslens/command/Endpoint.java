package dev.losslens.command;

/** The groups of requests a simulated hall sends, each measured on its own. */
enum Endpoint {
    EXPLORER("explorer", "POST /api/breakdown"),
    RUN_PAGE("run page", "GET /runs/{id}"),
    RUN_STREAM("run stream", "GET /api/comparisons/{id}/events"),
    SUBMISSION("submission", "POST /api/comparisons"),
    QUIZ_ANSWER("quiz answer", "POST /api/quiz/items/{id}/answers"),
    POLL_VOTE("poll vote", "POST /api/classes/{code}/votes"),
    PRESENTER("presenter", "POST /api/classes/{code}/control");

    private final String label;
    private final String request;

    Endpoint(String label, String request) {
        this.label = label;
        this.request = request;
    }

    String label() {
        return label;
    }

    String request() {
        return request;
    }
}
