import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load for LossLens's live class polls and comparison streams, driven by src/bench/class-polls.sh (which starts the
 * app, and for the poll part an H2 TCP server so that H2's query statistics can be read). Single file, run with the
 * JDK's source launcher; its only dependency is the H2 JDBC driver on the class path.
 *
 * <pre>
 *   java -cp h2.jar src/bench/ClassPollBench.java poll url=http://localhost:18100 pid=APP_PID \
 *        jdbc=jdbc:h2:tcp://localhost:18101/./losslens [students=200] [window=5] [changes=20] [warmup=300]
 *   java -cp h2.jar src/bench/ClassPollBench.java comparison url=http://localhost:18102 pid=APP_PID \
 *        lua=breakdown.lua [streams=200] [wrk=10s]
 * </pre>
 *
 * Figures are printed one per line; the exit status is 1 when a correctness check fails.
 */
public class ClassPollBench {

    static final String QUESTION = "predict-lowest-response";
    static final int POLL_STEP = 4;
    static final SecureRandom RANDOM = new SecureRandom();
    static final Pattern ANSWERED = Pattern.compile("\"answered\":(\\d+)");
    static final Pattern COUNTS = Pattern.compile("\"counts\":\\[([0-9,]*)\\]");
    static final Pattern CODE = Pattern.compile("\"code\":\"(\\w+)\"");
    static final Pattern RUN_STATUS = Pattern.compile("\"status\":\"(\\w+)\"");
    static final Pattern STEPS_DONE = Pattern.compile("\"stepsDone\":(\\d+)");

    static String base;
    static long pid;
    static HttpClient[] clients;
    static final AtomicInteger nextClient = new AtomicInteger();
    static final List<String> failures = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            opts.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        base = opts.get("url");
        pid = Long.parseLong(opts.get("pid"));
        // a few clients, so that 200 held streams are not all served by one selector thread
        clients = new HttpClient[4];
        for (int i = 0; i < clients.length; i++) {
            clients[i] = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        switch (args[0]) {
            case "poll" -> poll(opts);
            case "comparison" -> comparison(opts);
            default -> throw new IllegalArgumentException("mode is poll or comparison, not " + args[0]);
        }
        if (!failures.isEmpty()) {
            System.out.println("FAILED: " + String.join("; ", failures));
            System.out.flush();
            System.exit(1);
        }
        System.exit(0);
    }

    // ---------------------------------------------------------------- part 1: a class poll

    static void poll(Map<String, String> opts) throws Exception {
        int students = Integer.parseInt(opts.getOrDefault("students", "200"));
        int windowMs = (int) (Double.parseDouble(opts.getOrDefault("window", "5")) * 1000);
        int changers = Integer.parseInt(opts.getOrDefault("changes", "20"));
        int warmupVotes = Integer.parseInt(opts.getOrDefault("warmup", "300"));

        System.out.println("app RSS before: " + rss());
        Connection db = DriverManager.getConnection(opts.get("jdbc"), "sa", "");
        try (Statement s = db.createStatement()) {
            s.execute("SET QUERY_STATISTICS TRUE");
            s.execute("SET QUERY_STATISTICS_MAX_ENTRIES 1000");
        }

        if (warmupVotes > 0) {
            long t0 = System.nanoTime();
            warmUp(warmupVotes);
            System.out.printf("warm-up: %d votes on a separate session, 10 at a time (not counted), %.1f s%n",
                    warmupVotes, secondsSince(t0));
        }

        // the lecturer opens the session and goes to the poll
        HttpResponse<String> opened = send(post("/api/classes", "", null, null));
        check(opened.statusCode() == 201, "POST /api/classes answered " + opened.statusCode());
        String presenter = cookie(opened, "losslens-presenter");
        String code = find(CODE, opened.body());
        HttpResponse<String> went = send(post("/api/classes/" + code + "/control",
                "{\"action\":\"go\",\"step\":" + POLL_STEP + "}", "application/json", "losslens-presenter=" + presenter));
        check(went.statusCode() == 200 && went.body().contains("\"question\":\"" + QUESTION + "\""),
                "go to step " + POLL_STEP + " answered " + went.statusCode() + " " + went.body());
        System.out.println("session " + code + " at step " + POLL_STEP + " (" + QUESTION + ")");

        // the projector's stream
        AtomicInteger lecturerAnswered = new AtomicInteger(-1);
        AtomicLong lecturerSaw200 = new AtomicLong();
        CountDownLatch lecturerFirst = new CountDownLatch(1);
        Sse lecturer = new Sse(event -> {
            if (!event.name().equals("state")) {
                return;
            }
            int answered = answered(event.data());
            lecturerAnswered.set(answered);
            if (answered >= students) {
                lecturerSaw200.compareAndSet(0, System.nanoTime());
            }
            lecturerFirst.countDown();
        });
        lecturer.open(base + "/api/classes/" + code + "/events", "losslens-presenter=" + presenter);
        check(lecturerFirst.await(15, TimeUnit.SECONDS), "the lecturer's stream got no state event in 15 s");

        // every student's phone holds its own stream, with the participant cookie the join page gave it
        String[] secret = new String[students];
        for (int i = 0; i < students; i++) {
            secret[i] = secret();
        }
        long connectStart = System.nanoTime();
        CountDownLatch connected = new CountDownLatch(students);
        AtomicLongArray studentSaw200 = new AtomicLongArray(students);
        List<Sse> streams = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            int student = i;
            boolean[] first = {true};
            Sse sse = new Sse(event -> {
                if (!event.name().equals("state")) {
                    return;
                }
                if (first[0]) {
                    first[0] = false;
                    connected.countDown();
                }
                if (answered(event.data()) >= students) {
                    studentSaw200.compareAndSet(student, 0, System.nanoTime());
                }
            });
            streams.add(sse);
            sse.open(base + "/api/classes/" + code + "/events", "losslens-participant=" + secret[student]);
        }
        boolean allConnected = connected.await(30, TimeUnit.SECONDS);
        long got = students - connected.getCount();
        System.out.printf("student streams with their first state event: %d of %d, in %.2f s%n", got, students,
                secondsSince(connectStart));
        check(allConnected, "only " + got + " of " + students + " student streams got their first state event");
        long refused = streams.stream().filter(s -> s.status != 200).count();
        if (refused > 0) {
            System.out.println("student streams refused: " + refused + " " + statusHistogram(streams));
        }

        // quiet: the streams are open, nobody votes yet
        Map<String, Long> q0 = queryCounts(db);
        long quietStart = System.nanoTime();
        Thread.sleep(2000);
        Map<String, Long> q1 = queryCounts(db);
        double quietSeconds = secondsSince(quietStart);
        Map<String, Long> quiet = delta(q0, q1);
        System.out.printf("database statements/s, %d streams open, no votes: %.1f (on class_* tables: %.1f)%n",
                students + 1, total(quiet) / quietSeconds, classTables(quiet) / quietSeconds);

        // the vote: each student once at a random moment in the window; some change their mind once afterwards
        String run = send(get("/api/comparisons/1")).body();
        int[] choice = new int[students];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            choice[i] = RANDOM.nextInt(2);
            order.add(i);
        }
        Collections.shuffle(order, RANDOM);
        boolean[] changes = new boolean[students];
        order.subList(0, Math.min(changers, students)).forEach(i -> changes[i] = true);

        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        long[] firstVoteDone = new long[students];
        CountDownLatch allVotes = new CountDownLatch(students + Math.min(changers, students));
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        Map<String, Long> v0 = queryCounts(db);
        long voteStart = System.nanoTime();
        for (int i = 0; i < students; i++) {
            int student = i;
            timer.schedule(() -> vote(code, secret[student], choice[student], latencies, errors).whenComplete((r, e) -> {
                firstVoteDone[student] = System.nanoTime();
                if (changes[student]) {
                    choice[student] = 1 - choice[student];
                    timer.schedule(() -> vote(code, secret[student], choice[student], latencies, errors)
                                    .whenComplete((r2, e2) -> allVotes.countDown()),
                            200 + RANDOM.nextInt(1300), TimeUnit.MILLISECONDS);
                }
                allVotes.countDown();
            }), RANDOM.nextInt(windowMs), TimeUnit.MILLISECONDS);
        }
        boolean finished = allVotes.await(60, TimeUnit.SECONDS);
        long voteEnd = System.nanoTime();
        Map<String, Long> v1 = queryCounts(db);
        String runAfter = send(get("/api/comparisons/1")).body();
        check(finished, "votes still outstanding after 60 s: " + allVotes.getCount());
        long lastVote = Arrays.stream(firstVoteDone).max().orElse(0);

        // the projector should show every answer within a second of the last one
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < waitUntil && (lecturerSaw200.get() == 0 || seen(studentSaw200) < students)) {
            Thread.sleep(20);
        }
        timer.shutdown();

        Map<String, Long> window = delta(v0, v1);
        double windowSeconds = (voteEnd - voteStart) / 1e9;
        System.out.printf("votes sent: %d first answers + %d changed answers, over %.2f s%n", students,
                latencies.size() + errors.size() - students, windowSeconds);
        System.out.println("vote HTTP errors: " + errors.size() + (errors.isEmpty() ? "" : " " + summary(errors)));
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("vote latency (n=%d): p50 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 <= 200 ms)%n",
                sorted.size(), pct(sorted, 50), pct(sorted, 99), sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1) / 1e6);
        if (lecturerSaw200.get() == 0) {
            System.out.println("lecturer's stream showing answered=" + students + ": never, within 10 s of the last vote"
                    + " (last seen answered=" + lecturerAnswered.get() + ")");
            failures.add("the lecturer's stream never showed answered=" + students);
        } else {
            long ms = Math.round((lecturerSaw200.get() - lastVote) / 1e6);
            System.out.printf("last vote response -> lecturer's stream shows answered=%d: %d ms (target <= 1000 ms)%s%n",
                    students, ms, ms < 0 ? "; negative: the event arrived before the bench had read that response" : "");
        }
        long studentsSaw = seen(studentSaw200);
        long slowestStudent = 0;
        for (int i = 0; i < students; i++) {
            slowestStudent = Math.max(slowestStudent, studentSaw200.get(i));
        }
        System.out.printf("student streams showing answered=%d: %d of %d, the last %s after the last vote%n", students,
                studentsSaw, students, slowestStudent == 0 ? "never" : Math.round((slowestStudent - lastVote) / 1e6) + " ms");
        System.out.printf("database statements/s during the voting window (H2 QUERY_STATISTICS, %.2f s): %.1f"
                + " (on class_* tables: %.1f); the most executed:%n", windowSeconds, total(window) / windowSeconds,
                classTables(window) / windowSeconds);
        window.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> System.out.printf("  %6d  %s%n", e.getValue(), abbreviate(e.getKey())));
        System.out.println("preset run 1 (queued when the first session opened) during the window: "
                + runSummary(run) + " -> " + runSummary(runAfter));

        // the count, then the reveal
        String state = send(get("/api/classes/" + code)).body();
        int answered = answered(state);
        System.out.println("votes counted: " + answered + " (expected " + students + ")");
        check(answered == students, "votes counted " + answered + ", expected " + students);
        HttpResponse<String> revealed = send(post("/api/classes/" + code + "/control", "{\"action\":\"reveal\"}",
                "application/json", "losslens-presenter=" + presenter));
        check(revealed.statusCode() == 200, "reveal answered " + revealed.statusCode() + " " + revealed.body());
        state = send(get("/api/classes/" + code)).body();
        Matcher counts = COUNTS.matcher(state);
        int[] expected = new int[2];
        for (int c : choice) {
            expected[c]++;
        }
        if (counts.find()) {
            int[] shown = Arrays.stream(counts.group(1).split(",")).mapToInt(Integer::parseInt).toArray();
            int sum = Arrays.stream(shown).sum();
            System.out.println("revealed counts: " + Arrays.toString(shown) + ", sum " + sum + " (expected "
                    + Arrays.toString(expected) + ", sum " + students + ")");
            check(sum == students, "revealed counts sum to " + sum + ", expected " + students);
            check(Arrays.equals(shown, expected), "revealed counts " + Arrays.toString(shown) + " are not the final"
                    + " answers " + Arrays.toString(expected));
        } else {
            System.out.println("revealed counts: none in " + state);
            failures.add("no counts after reveal");
        }
        System.out.println("app RSS after (streams still open): " + rss());

        lecturer.close();
        streams.forEach(Sse::close);
        long dropped = streams.stream().filter(s -> s.endedEarly).count();
        if (dropped > 0) {
            System.out.println("student streams that ended before the bench closed them: " + dropped);
        }
        db.close();
    }

    /**
     * A throwaway session's votes, so that the measured vote does not pay for the JIT and first-use costs. It opens no
     * stream: a session's publisher keeps reading the database until a heartbeat finds its last viewer gone (15 s or
     * more), and would inflate the measured statement rate.
     */
    static void warmUp(int votes) throws Exception {
        HttpResponse<String> opened = send(post("/api/classes", "", null, null));
        String presenter = cookie(opened, "losslens-presenter");
        String code = find(CODE, opened.body());
        send(post("/api/classes/" + code + "/control", "{\"action\":\"go\",\"step\":" + POLL_STEP + "}",
                "application/json", "losslens-presenter=" + presenter));
        ConcurrentLinkedQueue<Long> ignored = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        for (int batch = 0; batch < votes; batch += 10) {
            List<CompletableFuture<?>> inFlight = new ArrayList<>();
            for (int i = batch; i < Math.min(votes, batch + 10); i++) {
                inFlight.add(vote(code, secret(), RANDOM.nextInt(2), ignored, errors));
            }
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        }
        if (!errors.isEmpty()) {
            System.out.println("warm-up vote errors: " + errors.size() + " " + summary(errors));
        }
    }

    static CompletableFuture<?> vote(String code, String secret, int choice, ConcurrentLinkedQueue<Long> latencies,
                                     ConcurrentLinkedQueue<String> errors) {
        HttpRequest request = post("/api/classes/" + code + "/votes",
                "{\"question\":\"" + QUESTION + "\",\"choice\":" + choice + "}", "application/json",
                "losslens-participant=" + secret);
        long start = System.nanoTime();
        return client().sendAsync(request, BodyHandlers.ofString()).handle((response, error) -> {
            long took = System.nanoTime() - start;
            if (error != null) {
                errors.add(error.getClass().getSimpleName());
            } else if (response.statusCode() != 204) {
                errors.add(String.valueOf(response.statusCode()));
            } else {
                latencies.add(took);
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- part 2: a training run's streams

    static void comparison(Map<String, String> opts) throws Exception {
        int count = Integer.parseInt(opts.getOrDefault("streams", "200"));
        String duration = opts.getOrDefault("wrk", "10s");
        System.out.println("app RSS before: " + rss());

        HttpResponse<String> started = send(HttpRequest.newBuilder(URI.create(base + "/runs"))
                .header("Origin", base).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("preset=objective-from-base")).build());
        String location = started.headers().firstValue("Location").orElse("");
        Matcher id = Pattern.compile("/runs/(\\d+)(\\?joined)?").matcher(location);
        if (!id.find()) {
            throw new IllegalStateException("POST /runs answered " + started.statusCode() + " without a run: " + location);
        }
        String run = id.group(1);
        System.out.println("preset objective-from-base: run " + run + (id.group(2) != null ? " (joined)" : ""));

        long connectStart = System.nanoTime();
        CountDownLatch connected = new CountDownLatch(count);
        AtomicInteger[] points = new AtomicInteger[count];
        AtomicInteger done = new AtomicInteger();
        List<Sse> streams = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            points[i] = new AtomicInteger();
            boolean[] first = {true};
            Sse sse = new Sse(event -> {
                if (first[0]) {
                    first[0] = false;
                    connected.countDown();
                }
                if (event.name().equals("point")) {
                    points[n].incrementAndGet();
                } else if (event.name().equals("done")) {
                    done.incrementAndGet();
                }
            });
            streams.add(sse);
            sse.open(base + "/api/comparisons/" + run + "/events", null);
        }
        boolean allConnected = connected.await(30, TimeUnit.SECONDS);
        long got = count - connected.getCount();
        System.out.printf("run streams with a first event: %d of %d, in %.2f s%s%n", got, count,
                secondsSince(connectStart), streams.stream().anyMatch(s -> s.status != 200)
                        ? " (refused: " + statusHistogram(streams) + ")" : "");
        check(allConnected, "only " + got + " of " + count + " run streams got a first event");

        String before = send(get("/api/comparisons/" + run)).body();
        List<String> command = List.of("wrk", "-t2", "-c4", "-d" + duration, "--latency", "-s", opts.get("lua"),
                base + "/api/breakdown");
        System.out.println("load: " + String.join(" ", command) + " (while the streams are held)");
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(wrk.getInputStream(),
                StandardCharsets.UTF_8))) {
            out = String.join("\n", reader.lines().toList());
        }
        wrk.waitFor();
        String after = send(get("/api/comparisons/" + run)).body();
        System.out.println("run during the load: " + runSummary(before) + " -> " + runSummary(after));
        System.out.println("breakdown requests/s: " + wrkFigure(out, "Requests/sec:\\s+(\\S+)"));
        System.out.println("breakdown latency: p50 " + wrkFigure(out, "\\n\\s+50%\\s+(\\S+)") + ", p99 "
                + wrkFigure(out, "\\n\\s+99%\\s+(\\S+)") + ", max " + wrkFigure(out, "Latency\\s+\\S+\\s+\\S+\\s+(\\S+)"));
        System.out.println("breakdown requests: " + wrkFigure(out, "\\n\\s*(\\d+) requests in")
                + ", non-2xx: " + wrkFigure(out, "Non-2xx or 3xx responses: (\\d+)", "0")
                + ", socket errors: " + wrkFigure(out, "Socket errors: (.*)", "none"));
        if (wrk.exitValue() != 0) {
            System.out.println("wrk exited with " + wrk.exitValue() + ":\n" + out);
        }
        long withPoint = Arrays.stream(points).filter(p -> p.get() > 0).count();
        System.out.printf("run streams with at least one point event: %d of %d (points per stream: min %d, max %d)%n",
                withPoint, count, Arrays.stream(points).mapToInt(AtomicInteger::get).min().orElse(0),
                Arrays.stream(points).mapToInt(AtomicInteger::get).max().orElse(0));
        long finished = done.get();
        long ended = streams.stream().filter(s -> s.endedEarly).count();
        System.out.println("run streams that got done: " + finished + ", ended otherwise before the bench closed them: "
                + Math.max(0, ended - finished));
        System.out.println("app RSS after (streams still open): " + rss());
        streams.forEach(Sse::close);
    }

    static String wrkFigure(String out, String regex) {
        return wrkFigure(out, regex, "?");
    }

    static String wrkFigure(String out, String regex, String missing) {
        Matcher m = Pattern.compile(regex).matcher(out);
        return m.find() ? m.group(1).trim() : missing;
    }

    // ---------------------------------------------------------------- Server-Sent Events

    record Event(String name, String data) {
    }

    /** One held event stream, parsed line by line as the client delivers it. */
    static final class Sse implements Flow.Subscriber<String> {

        private final Consumer<Event> onEvent;
        private final StringBuilder data = new StringBuilder();
        private String name;
        private volatile Flow.Subscription subscription;
        private volatile boolean closing;
        volatile int status;
        volatile boolean endedEarly;

        Sse(Consumer<Event> onEvent) {
            this.onEvent = onEvent;
        }

        /** Opens the stream, with the browser's cookie (a phone's participant secret, the lecturer's key) or none. */
        void open(String url, String cookie) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
            if (cookie != null) {
                builder.header("Cookie", cookie);
            }
            HttpRequest request = builder.GET().build();
            BodyHandler<Void> handler = info -> {
                status = info.statusCode();
                return BodySubscribers.fromLineSubscriber(this);
            };
            client().sendAsync(request, handler).whenComplete((response, error) -> {
                if (!closing) {
                    endedEarly = true;
                }
            });
        }

        void close() {
            closing = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (closing) {
                subscription.cancel();
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(String line) {
            if (line.isEmpty()) {
                if (name != null || data.length() > 0) {
                    Event event = new Event(name == null ? "message" : name, data.toString());
                    name = null;
                    data.setLength(0);
                    try {
                        onEvent.accept(event);
                    } catch (RuntimeException e) {
                        e.printStackTrace();
                    }
                }
            } else if (!line.startsWith(":")) {
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                if (field.equals("event")) {
                    name = value;
                } else if (field.equals("data")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(value);
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            if (!closing) {
                endedEarly = true;
            }
        }

        @Override
        public void onComplete() {
            if (!closing) {
                endedEarly = true;
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    static HttpClient client() {
        return clients[Math.floorMod(nextClient.getAndIncrement(), clients.length)];
    }

    static HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    static HttpRequest post(String path, String body, String type, String cookie) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Origin", base).POST(HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            builder.header("Content-Type", type);
        }
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        return builder.build();
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return client().send(request, BodyHandlers.ofString());
    }

    static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + name + " cookie"));
    }

    /** A participant secret as a phone would hold it: 32 random bytes, 43 URL-safe characters. */
    static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(pattern + " not in " + text);
        }
        return m.group(1);
    }

    static int answered(String state) {
        Matcher m = ANSWERED.matcher(state);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    static String runSummary(String view) {
        Matcher status = RUN_STATUS.matcher(view);
        Matcher steps = STEPS_DONE.matcher(view);
        return (status.find() ? status.group(1) : "?") + " at step " + (steps.find() ? steps.group(1) : "?");
    }

    static String rss() {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).map(l -> {
                        long kb = Long.parseLong(l.replaceAll("\\D", ""));
                        return String.format(Locale.ROOT, "%.0f MB (VmRSS %d kB)", kb / 1024.0, kb);
                    }).findFirst().orElse("unknown");
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /**
     * Executions per SQL statement since statistics were switched on; the bench's own reads left out. RAND() makes the
     * query non-deterministic: H2 would otherwise answer it from its cached last result while nothing is written.
     */
    static Map<String, Long> queryCounts(Connection db) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("select SQL_STATEMENT, EXECUTION_COUNT, RAND() from INFORMATION_SCHEMA.QUERY_STATISTICS")) {
            while (rs.next()) {
                String sql = rs.getString(1);
                if (!sql.contains("QUERY_STATISTICS")) {
                    counts.merge(sql, rs.getLong(2), Long::sum);
                }
            }
        }
        return counts;
    }

    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new HashMap<>();
        after.forEach((sql, n) -> delta.put(sql, n - before.getOrDefault(sql, 0L)));
        return delta;
    }

    static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Statements on the lecture's tables, leaving out the training run's and the driver's own. */
    static long classTables(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> e.getKey().toLowerCase(Locale.ROOT).contains("class_"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    static String abbreviate(String sql) {
        String flat = sql.replaceAll("\\s+", " ").trim();
        return flat.length() > 110 ? flat.substring(0, 107) + "..." : flat;
    }

    static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }

    static String summary(ConcurrentLinkedQueue<String> errors) {
        Map<String, Integer> counts = new HashMap<>();
        errors.forEach(e -> counts.merge(e, 1, Integer::sum));
        return counts.toString();
    }

    static String statusHistogram(List<Sse> streams) {
        Map<Integer, Integer> counts = new HashMap<>();
        streams.forEach(s -> counts.merge(s.status, 1, Integer::sum));
        return "HTTP status counts " + counts;
    }

    static double secondsSince(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static int seen(AtomicLongArray times) {
        int seen = 0;
        for (int i = 0; i < times.length(); i++) {
            seen += times.get(i) != 0 ? 1 : 0;
        }
        return seen;
    }

    static void check(boolean ok, String failure) {
        if (!ok) {
            failures.add(failure);
        }
    }
}
