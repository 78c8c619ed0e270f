package dev.losslens.command;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code java -jar target/losslens.jar load --url http://localhost:8080 [--url …] --students 200 --seconds 60
 * [--pid 1234 …]}: a lecture hall against running LossLens instances, for a bounded time. A presenter opens a class
 * session and keeps its poll going; each student, on a thread of their own with their own cookies and their own
 * {@code X-Forwarded-For} address (start the app with {@code LOSSLENS_TRUSTED_PROXIES='127\.0\.0\.1'}), uses the
 * explorer, watches runs, answers quiz items and the poll, and submits one small comparison. With several
 * {@code --url}s the students are spread over them in turn, as a proxy in front of replicas would; the presenter uses
 * the first. Prints a row per endpoint group, the resident memory of each {@code --pid} before and after, and one
 * JSON line.
 */
public final class HallLoad {

    private static final String USAGE = "java -jar losslens.jar load --url URL [--url URL ...] [--students N] "
            + "[--seconds N] [--pid N ...] [--seed N]";
    private static final Map<String, Long> DEFAULTS = Map.of("students", 200L, "seconds", 60L, "seed", 1L);
    private static final Map<String, Long> LIMITS = Map.of("students", 1000L, "seconds", 600L, "seed", 100_000_000L,
            "pid", (long) Integer.MAX_VALUE);
    private static final Set<String> NAMES = Set.of("url", "students", "seconds", "pid", "seed");

    /** @param seed of the students' think times and of their comparisons */
    record Options(List<URI> urls, int students, int seconds, List<Long> pids, long seed) {
    }

    private HallLoad() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options = options(args);
        Map<Endpoint, LatencyRecorder> recorders = new EnumMap<>(Endpoint.class);
        for (Endpoint endpoint : Endpoint.values()) {
            recorders.put(endpoint, new LatencyRecorder());
        }
        Map<Long, OptionalLong> rssBefore = residentMemory(options.pids());
        // an address of its own each run: sessions are capped per address and live for hours
        ThreadLocalRandom random = ThreadLocalRandom.current();
        HallClient lecturer = new HallClient(options.urls().get(0),
                "10.255." + random.nextInt(256) + "." + random.nextInt(1, 255));
        Presenter presenter = new Presenter(lecturer, recorders.get(Endpoint.PRESENTER));
        Hall hall;
        try {
            hall = Hall.prepare(lecturer, presenter.open());
        } catch (IllegalStateException cannotStart) {
            System.err.println("load: " + cannotStart.getMessage());
            System.exit(1);
            return;
        }
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(options.seconds()).toNanos();
        List<Thread> students = new ArrayList<>();
        for (int i = 0; i < options.students(); i++) {
            HallClient device = new HallClient(options.urls().get(i % options.urls().size()), Student.address(i));
            students.add(new Thread(new Student(i, device, hall, recorders, deadline, options.seed()), "student-" + i));
        }
        students.forEach(Thread::start);
        presenter.keepPolling(hall, deadline, Duration.ofSeconds(Math.max(5, options.seconds() / 6)));
        for (Thread student : students) {
            student.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        new LoadReport(options, seconds, recorders, rssBefore, residentMemory(options.pids())).print(System.out);
    }

    private static Map<Long, OptionalLong> residentMemory(List<Long> pids) {
        Map<Long, OptionalLong> memory = new LinkedHashMap<>();
        pids.forEach(pid -> memory.put(pid, ProcessMemory.residentKb(pid)));
        return memory;
    }

    /** {@code --url} and {@code --pid} may repeat; the others are whole numbers from 1, with their defaults. */
    static Options options(String[] args) {
        CommandOptions reader = new CommandOptions("load", USAGE);
        List<URI> urls = new ArrayList<>();
        List<Long> pids = new ArrayList<>();
        Map<String, Long> numbers = new LinkedHashMap<>(DEFAULTS);
        for (Map.Entry<String, String> option : reader.pairs(args, NAMES)) {
            String name = option.getKey();
            switch (name) {
                case "url" -> urls.add(url(option.getValue(), reader));
                case "pid" -> pids.add(reader.whole(name, option.getValue(), LIMITS.get(name)));
                default -> numbers.put(name, reader.whole(name, option.getValue(), LIMITS.get(name)));
            }
        }
        if (urls.isEmpty()) {
            throw reader.refused("give the app's address with --url");
        }
        return new Options(List.copyOf(urls), numbers.get("students").intValue(), numbers.get("seconds").intValue(),
                List.copyOf(pids), numbers.get("seed"));
    }

    private static URI url(String value, CommandOptions reader) {
        URI url;
        try {
            url = new URI(value);
        } catch (URISyntaxException malformed) {
            url = null;
        }
        if (url == null || url.getHost() == null || !("http".equals(url.getScheme())
                || "https".equals(url.getScheme()))) {
            throw reader.refused("--url must be an http(s) address like http://localhost:8080, not " + value);
        }
        return url;
    }
}
