package dev.losslens.system.rejection;

import java.util.List;

/**
 * What is wrong with one field of a request: a code of the errors bundle ({@code messages/errors.properties}) and its
 * arguments. Words are chosen where the rejection is shown: the API in English, a page in the reader's language.
 */
public record Rejection(String field, String code, List<Object> arguments) {

    public Rejection {
        arguments = List.copyOf(arguments);
    }

    /** Another field named in a message: the API writes its path, a form the label beside its control. */
    public record Field(String path) {
    }
}
