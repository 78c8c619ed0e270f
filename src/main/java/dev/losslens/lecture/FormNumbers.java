package dev.losslens.lecture;

import dev.losslens.system.InvalidInputException;

/** Numbers typed into a student's form: blank is absent, anything else must read as a number. */
final class FormNumbers {

    private FormNumbers() {
    }

    static Integer integer(String field, String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, field + " must be a whole number");
        }
    }

    static Double decimal(String field, String value) {
        try {
            return value == null || value.isBlank() ? null : Double.valueOf(value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, field + " must be a number, such as 0.1");
        }
    }
}
