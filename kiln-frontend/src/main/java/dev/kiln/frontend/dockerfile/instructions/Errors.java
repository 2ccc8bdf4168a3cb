package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

/** BuildKit's instruction error messages; the location is added by {@link InstructionParser}. */
final class Errors {
    private Errors() {
    }

    static KilnException invalid(String message) {
        return new KilnException(ErrorKind.INVALID_ARGUMENT, message);
    }

    static KilnException atLeastOneArgument(String command) {
        return invalid(command + " requires at least one argument");
    }

    static KilnException exactlyOneArgument(String command) {
        return invalid(command + " requires exactly one argument");
    }

    static KilnException noDestination(String command) {
        return invalid(command + " requires at least two arguments, but only one was provided. "
                + "Destination could not be determined");
    }

    static KilnException blankNames(String command) {
        return invalid(command + " names can not be blank");
    }

    static KilnException tooManyArguments(String command) {
        return invalid("Bad input to " + command + ", too many arguments");
    }

    static KilnException badHeredoc(String command, String option) {
        return invalid(command + " cannot accept a heredoc as " + option);
    }
}
