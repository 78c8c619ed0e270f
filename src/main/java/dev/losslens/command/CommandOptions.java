package dev.losslens.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's {@code --name value} arguments, read the one way every command reads them: an unknown name, a missing
 * value or a number out of range is a {@link UsageException} that names the command and shows its usage line.
 */
final class CommandOptions {

    private final String command;
    private final String usage;

    CommandOptions(String command, String usage) {
        this.command = command;
        this.usage = usage;
    }

    /** The pairs in the order given; a name may repeat. */
    List<Map.Entry<String, String>> pairs(String[] args, Set<String> names) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!names.contains(name)) {
                throw refused("unknown option " + args[i]);
            }
            if (i + 1 == args.length) {
                throw refused(args[i] + " needs a value");
            }
            pairs.add(Map.entry(name, args[i + 1]));
        }
        return pairs;
    }

    /** A whole number from 1 to {@code max}. */
    long whole(String name, String value, long max) {
        long number = whole(name, value);
        if (number < 1 || number > max) {
            throw refused("--" + name + " must be from 1 to " + max);
        }
        return number;
    }

    /** A whole number of 1 or more that fits an {@code int}. */
    int positive(String name, String value) {
        long number = whole(name, value);
        if (number > Integer.MAX_VALUE) {
            throw refused("--" + name + " must be a whole number, not " + value);
        }
        if (number < 1) {
            throw refused("--" + name + " must be 1 or more");
        }
        return (int) number;
    }

    private long whole(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw refused("--" + name + " must be a whole number, not " + value);
        }
    }

    UsageException refused(String problem) {
        return new UsageException(command + ": " + problem, usage);
    }
}
