package dev.losslens.comparison;

import dev.losslens.comparison.ComparisonView.GenerationView;
import dev.losslens.comparison.ComparisonView.LaneView;
import dev.losslens.system.rejection.ConflictException;
import dev.losslens.system.rejection.ForbiddenException;
import dev.losslens.system.rejection.InvalidInputException;
import dev.losslens.system.rejection.NotFoundException;
import dev.losslens.system.rejection.Rejection;
import dev.losslens.system.rejection.TooManyRequestsException;
import dev.losslens.system.words.Wording;
import dev.losslens.training.MetricPoint;
import dev.losslens.training.PipelineCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submitting, reading and cancelling comparisons. An identical config that already finished is replayed from
 * its stored result; one that is queued or running is joined, so a hall pressing one preset trains it once.
 */
@Service
public class ComparisonService {

    /** The most comparisons one page of the list may hold. */
    public static final int MAX_PAGE_SIZE = 100;

    private final ComparisonStore store;
    private final ComparisonQueue queue;
    private final MeasurementStore measurements;
    private final ComparisonValidator validator;
    private final ApplicationEventPublisher events;
    private final TrainingPace pace;
    private final TransactionTemplate transactions;
    private final TrainingProperties properties;
    private final QueueReading streamedQueue;
    private final Wording wording;

    ComparisonService(ComparisonStore store, ComparisonQueue queue, MeasurementStore measurements,
                      ComparisonValidator validator, ApplicationEventPublisher events, TrainingPace pace,
                      TransactionTemplate transactions, TrainingProperties properties, Wording wording) {
        this.store = store;
        this.queue = queue;
        this.streamedQueue = new QueueReading.Shared(queue);
        this.measurements = measurements;
        this.validator = validator;
        this.events = events;
        this.pace = pace;
        this.transactions = transactions;
        this.properties = properties;
        this.wording = wording;
    }

    /**
     * @param owner the submitter's secret: only its holder may cancel what this queues
     * @return the comparison that answers this request: new, replayed or joined
     */
    /** Checks a request without storing anything; rejects it naming every wrong field. */
    public ComparisonConfig validate(ComparisonRequest request) {
        return validator.validate(request);
    }

    /**
     * @param address where the request came from: a ceiling for a whole network, high enough for a hall behind one
     *                NAT
     * @param owner the person submitting: their own allowance, and the only one who can cancel
     */
    public Submission submit(ComparisonRequest request, String address, OwnerSecret owner) {
        return submit(validator.validate(request), address, owner);
    }

    /**
     * As {@link #submit}, as a mystery: the comparison's pages and API do not name its lanes' bugs (see
     * {@link ComparisonConfig#asMystery()}).
     */
    public Submission submitMystery(ComparisonRequest request, String address, OwnerSecret owner) {
        return submit(validator.validate(request).asMystery(), address, owner);
    }

    private Submission submit(ComparisonConfig config, String address, OwnerSecret owner) {
        Decision decision = transactions.execute(status -> decide(config, address, owner));
        if (decision.kind() == Submission.Kind.QUEUED) {
            events.publishEvent(new ComparisonQueue.Queued(decision.id()));
        }
        // read after the commit: the submission lock is held only while deciding
        return new Submission(view(decision.id()), decision.kind());
    }

    private record Decision(long id, Submission.Kind kind) {
    }

    /** Under the submission lock: replay a finished identical run, join an active one, or queue within the limits. */
    private Decision decide(ComparisonConfig config, String address, OwnerSecret owner) {
        queue.lockSubmissions();
        String key = config.key();
        List<String> labels = LaneLabel.ofConfigs(config.lanes(), config.mystery()).stream().map(wording::api).toList();
        var finished = store.findByKey(key, List.of(ComparisonStatus.FINISHED));
        if (finished.isPresent()) {
            long replay = store.insert(config, labels, ComparisonStatus.FINISHED, finished.get().id(), address, owner);
            return new Decision(replay, Submission.Kind.REPLAYED);
        }
        var active = store.findByKey(key, List.of(ComparisonStatus.QUEUED, ComparisonStatus.RUNNING));
        if (active.isPresent()) {
            return new Decision(active.get().id(), Submission.Kind.JOINED);
        }
        if (queue.countQueued() >= properties.maxQueued()) {
            throw new TooManyRequestsException("queue", "queue.full", properties.maxQueued());
        }
        if (queue.countActiveOwnedBy(owner) >= properties.maxQueuedPerClient()) {
            throw new TooManyRequestsException("queue", "queue.yours", properties.maxQueuedPerClient());
        }
        if (queue.countActiveFrom(address) >= properties.maxQueuedPerAddress()) {
            throw new TooManyRequestsException("queue", "queue.network", properties.maxQueuedPerAddress());
        }
        return new Decision(store.insert(config, labels, ComparisonStatus.QUEUED, null, address, owner),
                Submission.Kind.QUEUED);
    }

    /** The newest finished comparison of this config, else one waiting or training; nothing is stored. */
    public Optional<ComparisonView> latest(ComparisonRequest request) {
        return latestId(request).map(this::view);
    }

    /** The number of {@link #latest}, without reading its measurements. */
    public Optional<Long> latestId(ComparisonRequest request) {
        return latestId(validator.validate(request));
    }

    /** As {@link #latestId}, of the request as a mystery. */
    public Optional<Long> latestMysteryId(ComparisonRequest request) {
        return latestId(validator.validate(request).asMystery());
    }

    private Optional<Long> latestId(ComparisonConfig config) {
        String key = config.key();
        return store.findByKey(key, List.of(ComparisonStatus.FINISHED))
                .or(() -> store.findByKey(key, List.of(ComparisonStatus.QUEUED, ComparisonStatus.RUNNING)))
                .map(ComparisonRow::id);
    }

    public ComparisonView view(long id) {
        return view(id, -1, QueueReading.fresh(queue));
    }

    /**
     * The comparison with only its points after {@code afterStep}: what a live stream that has the rest still needs.
     * Its place and ETA come from the queue as the streams read it, at most a second old.
     */
    public ComparisonView view(long id, int afterStep) {
        return view(id, afterStep, streamedQueue);
    }

    private ComparisonView view(long id, int afterStep, QueueReading shared) {
        ComparisonRow row = require(id);
        long data = row.dataId();
        List<StoredLane> laneRows = store.lanes(data);
        List<List<MetricPoint>> metrics = new ArrayList<>();
        laneRows.forEach(lane -> metrics.add(new ArrayList<>()));
        measurements.points(data, afterStep).forEach(p -> metrics.get(p.lane()).add(p.point()));
        List<LaneView> lanes = new ArrayList<>();
        for (StoredLane lane : laneRows) {
            boolean hidden = row.config().mystery() && lane.bug() != null;
            lanes.add(new LaneView(lane.index(), lane.label(), lane.objective(), lane.promptWeight(), lane.init(),
                    lane.answerSpan(), hidden ? null : lane.bug(), hidden, lane.status(), lane.divergedAt(),
                    lane.hasWeights() ? TrainedLane.checkpointId(data, lane.index()) : null, metrics.get(lane.index())));
        }
        List<GenerationView> generations = measurements.latestGenerations(data).stream()
                .map(g -> new GenerationView(g.lane(), g.step(), g.generation().prompt(), g.generation().expected(),
                        g.generation().generated(), g.generation().correct(), g.generation().stopped()))
                .toList();
        ComparisonRow source = row.replayOf() == null ? row : require(row.replayOf());
        QueueReading queueNow = shared;
        List<Long> claimOrder = row.status() == ComparisonStatus.QUEUED ? queueNow.claimOrder() : List.of();
        if (row.status() == ComparisonStatus.QUEUED && !claimOrder.contains(id)) {
            // queued after the shared read: its place is read afresh, not shown missing for a second
            queueNow = QueueReading.fresh(queue);
            claimOrder = queueNow.claimOrder();
        }
        // a trainer may claim the run between the two reads: then it has no place in the queue any more
        int place = claimOrder.indexOf(id);
        MessageSourceResolvable reason = RunMessage.of(row.message()).orElse(null);
        return new ComparisonView(row.id(), row.status(), row.replayOf(), row.config().shown(), source.stepsDone(),
                place >= 0 ? place : null, eta(row, claimOrder, queueNow),
                source.tokensPerSecond(), row.createdAt(), source.startedAt(), source.finishedAt(),
                reason == null ? null : wording.api(reason), reason,
                lanes, generations, RunFindings.of(row.status(), lanes, generations).stream().map(wording::api).toList());
    }

    /**
     * What the pipeline checks found in each lane of an open run. A mystery's are refused: they would say which lane
     * has which bug before its learner has named it.
     */
    public RunChecks checks(long id) {
        ComparisonRow row = require(id);
        if (row.config().mystery()) {
            throw new ConflictException("id", "comparison.mystery-checks", id);
        }
        return checksOf(row);
    }

    /** Every lane's checks, named with its bug whether or not the run is a mystery. */
    RunChecks checksOf(ComparisonRow row) {
        ComparisonRow source = row.replayOf() == null ? row : require(row.replayOf());
        Map<Integer, List<LaneChecks.CheckFailure>> failed = measurements.failedChecks(source.id());
        List<String> labels = LaneLabel.ofConfigs(row.config().lanes(), false).stream().map(wording::api).toList();
        List<LaneChecks> lanes = store.lanes(source.id()).stream().map(lane -> new LaneChecks(lane.index(),
                labels.get(lane.index()), lane.bug(),
                lane.divergedAt() != null ? lane.divergedAt() : source.stepsDone(),
                failed.getOrDefault(lane.index(), List.of())))
                .toList();
        return new RunChecks(row.id(), List.of(PipelineCheck.values()), lanes);
    }

    public List<ComparisonRow> history(int limit) {
        return store.recent(limit);
    }

    /**
     * One page of all comparisons, newest first, and whether an older page follows.
     *
     * @param page from 0
     * @param size rows per page, 1 to {@link #MAX_PAGE_SIZE}
     */
    public Page page(int page, int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "at-least", new Rejection.Field("page"), 0);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "range", new Rejection.Field("size"), 1, MAX_PAGE_SIZE);
        }
        List<ComparisonRow> rows = store.page(Math.multiplyExact(page, size), size + 1);
        return new Page(rows.subList(0, Math.min(size, rows.size())), rows.size() > size);
    }

    /** A page of comparisons, newest first. */
    public record Page(List<ComparisonRow> rows, boolean more) {
    }

    /** Whether this secret started the comparison, so may cancel it. */
    public boolean ownedBy(long id, Optional<OwnerSecret> owner) {
        return owner.isPresent() && store.ownedBy(id, owner.get());
    }

    /**
     * Cancels a queued comparison at once, or asks the trainer to stop a running one after its current step. Only
     * the client that started it may.
     */
    public ComparisonView cancel(long id, Optional<OwnerSecret> owner) {
        ComparisonRow row = require(id);
        if (!ownedBy(id, owner)) {
            throw new ForbiddenException("owner", "comparison.not-yours", id);
        }
        if (row.status() == ComparisonStatus.QUEUED && queue.cancelQueued(id)) {
            return view(id);
        }
        if (row.status() == ComparisonStatus.RUNNING || row.status() == ComparisonStatus.QUEUED) {
            queue.requestCancel(id);
            events.publishEvent(new ComparisonQueue.CancelRequested(id));
        }
        return view(id);
    }

    public ComparisonRow require(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("id", "comparison.unknown", id));
    }

    /**
     * Remaining seconds: for a running run its own measured pace once it has trained an evaluation interval (or a
     * tenth of its steps), before that the pace learnt from finished runs or the pace of the runs training beside it,
     * since its first steps carry the step-0 evaluation and the engine's warm-up and would promise several times the
     * real time; for a queued run the work ahead of it in claim order and its own, at the rate the trainers reach now.
     */
    private Double eta(ComparisonRow row, List<Long> claimOrder, QueueReading queueNow) {
        if (row.status() == ComparisonStatus.RUNNING && row.startedAt() != null) {
            int ownPaceAfter = Math.max(row.config().evalEvery(), row.config().steps() / 10);
            if (row.stepsDone() < ownPaceAfter) {
                return pace.remainingSeconds(row, running(queueNow.active()));
            }
            double elapsed = Duration.between(row.startedAt(), Instant.now()).toMillis() / 1000.0;
            return elapsed / row.stepsDone() * (row.config().steps() - row.stepsDone());
        }
        if (row.status() == ComparisonStatus.QUEUED) {
            Set<Long> upToThis = Set.copyOf(claimOrder.subList(0, claimOrder.indexOf(row.id()) + 1));
            List<ComparisonRow> active = queueNow.active();
            List<ComparisonRow> work = active.stream()
                    .filter(r -> r.status() == ComparisonStatus.RUNNING || upToThis.contains(r.id())).toList();
            return pace.remainingSeconds(work, running(active));
        }
        return null;
    }

    private static List<ComparisonRow> running(List<ComparisonRow> active) {
        return active.stream().filter(r -> r.status() == ComparisonStatus.RUNNING).toList();
    }
}
