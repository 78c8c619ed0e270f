package dev.losslens.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** The resident memory of a process on this machine, as Linux reports it. */
final class ProcessMemory {

    private ProcessMemory() {
    }

    /** VmRSS in kB from {@code /proc/<pid>/status}; empty when the process is gone or there is no such file. */
    static OptionalLong residentKb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst();
        } catch (IOException gone) {
            return OptionalLong.empty();
        }
    }
}
