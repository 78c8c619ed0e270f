package dev.losslens.command;

/** A command line a command cannot run: the message says what was wrong and how the command is called. */
public class UsageException extends RuntimeException {

    public UsageException(String problem, String usage) {
        super(problem + "\nusage: " + usage);
    }
}
