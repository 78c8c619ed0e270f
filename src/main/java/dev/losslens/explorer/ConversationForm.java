package dev.losslens.explorer;

/** What the conversation page's controls show. */
record ConversationForm(String example, String template, String templateSource, String checkpoint,
                        double promptWeight) {
}
