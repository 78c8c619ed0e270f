package dev.losslens.training;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.losslens.model.Checkpoints;
import dev.losslens.model.GptParameters;
import dev.losslens.model.ModelConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The running stack of one model shape: the lanes of every comparison this trainer is training, stepped together
 * (continuous batching). A comparison joins between two steps, after its step-0 evaluation, and leaves when it
 * finishes or is cancelled; a lane whose loss stops being finite leaves alone. Each comparison keeps its own batch
 * order, step clock and evaluation schedule, so what it measures does not depend on who else is in the stack.
 */
public final class LaneStack implements AutoCloseable {

    private final ModelConfig config;
    private final NDManager manager;
    private final StackedLanes lanes;
    /** Stack position i holds lane {@code slots.get(i).lane} of {@code slots.get(i).member}. */
    private final List<Slot> slots = new ArrayList<>();
    private final List<Enrolment> members = new ArrayList<>();
    /** Tokens trained by this stack's steps so far, over all its lanes. */
    private long tokens;

    private record Slot(Enrolment member, int lane) {
    }

    public LaneStack(ModelConfig config, NDManager parent) {
        this.config = config;
        this.manager = parent.newSubManager();
        this.lanes = new StackedLanes(config, manager);
    }

    public ModelConfig config() {
        return config;
    }

    /** Lanes training now. */
    public int lanes() {
        return slots.size();
    }

    public long tokens() {
        return tokens;
    }

    /** The comparisons training in this stack. */
    public List<Enrolment> members() {
        return List.copyOf(members);
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    /** Adds a comparison's lanes at this step boundary and measures them at step 0. */
    public Enrolment join(TrainingPlan plan, TrainingListener listener) {
        Enrolment member = new Enrolment(plan, listener);
        List<GptParameters> start = plan.startingWeights();
        if (!start.get(0).config().equals(config)) {
            throw new IllegalArgumentException("a " + start.get(0).config().name() + " comparison in a "
                    + config.name() + " stack");
        }
        lanes.add(start, plan.learningRate());
        for (int lane = 0; lane < start.size(); lane++) {
            slots.add(new Slot(member, lane));
        }
        members.add(member);
        evaluate(member, null);
        member.startedNanos = System.nanoTime();
        return member;
    }

    /**
     * One step of every comparison in the stack: cancelled ones leave first, the others train one batch each, report
     * progress, and are evaluated when their schedule says. Returns the comparisons that ended with this step.
     */
    public List<Enrolment> step() {
        List<Enrolment> ended = new ArrayList<>();
        for (Enrolment member : members) {
            if (member.listener.cancelRequested()) {
                finish(member, LaneStatus.CANCELLED);
                ended.add(member);
            }
        }
        leave(ended);
        train();
        for (Enrolment member : members) {
            member.step++;
            member.listener.progress(member.step, member.tokens / ((System.nanoTime() - member.startedNanos) / 1e9));
            if (member.step % member.plan.evalEvery() == 0 || member.step == member.plan.steps()) {
                evaluate(member, member.lossSteps);
            }
            if (member.step == member.plan.steps()) {
                finish(member, LaneStatus.FINISHED);
                ended.add(member);
            }
        }
        leave(ended);
        return ended;
    }

    /** One stacked gradient step; lanes whose loss is not finite are marked diverged and leave the stack. */
    private void train() {
        if (slots.isEmpty()) {
            return;
        }
        List<ModelBatch> batches = new ArrayList<>(slots.size());
        Enrolment previous = null;
        int[] picked = null;
        for (Slot slot : slots) {
            if (slot.member() != previous) {
                // a comparison's lanes sit next to each other and share its batch: the same ids, each lane's own roles
                previous = slot.member();
                picked = previous.order.next();
            }
            batches.add(built(previous, slot.lane(), picked));
        }
        float[] losses = lanes.step(batches);
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            Enrolment member = slot.member();
            int step = member.step + 1;
            if (!Double.isFinite(losses[i])) {
                member.divergedAt[slot.lane()] = step;
                member.listener.diverged(slot.lane(), step);
                continue;
            }
            member.lossSum[slot.lane()] += losses[i];
            member.lossSteps[slot.lane()]++;
            member.tokens += batches.get(i).tokenCount();
            tokens += batches.get(i).tokenCount();
        }
        leave(List.of());
    }

    /** The lane's batch of the step as its pipeline builds it, checked; a check failing for the first time is reported. */
    private static ModelBatch built(Enrolment member, int lane, int[] picked) {
        LaneSpec spec = member.plan.lanes().get(lane);
        ModelBatch batch = member.pipelines.get(lane).step(member.plan.training(), spec.span(), picked,
                member.order.nextEpochRow());
        for (PipelineCheck check : PipelineCheck.failed(batch, spec.objective())) {
            if (member.failedChecks.get(lane).add(check)) {
                member.listener.checkFailed(lane, check, member.step + 1);
            }
        }
        return batch;
    }

    /** Measures the comparison's live lanes together; {@code lossSteps} null at step 0, where no loss was trained. */
    private void evaluate(Enrolment member, int[] lossSteps) {
        List<Integer> measured = new ArrayList<>();
        for (int lane = 0; lane < member.plan.lanes().size(); lane++) {
            if (member.live(lane) && (lossSteps == null || lossSteps[lane] > 0)) {
                measured.add(lane);
            }
        }
        if (measured.isEmpty()) {
            return;
        }
        int[] positions = measured.stream().mapToInt(lane -> position(member, lane)).toArray();
        List<List<Generation>> answers = new ArrayList<>();
        List<HeldOutMetrics> metrics;
        try (NDScope ignored = new NDScope()) {
            metrics = member.plan.evaluator().measure(lanes.frozen(positions), answers);
        }
        double[] drift = lanes.drift(positions);
        for (int i = 0; i < measured.size(); i++) {
            int lane = measured.get(i);
            Double trainLoss = lossSteps == null ? null : member.lossSum[lane] / member.lossSteps[lane];
            HeldOutMetrics m = metrics.get(i);
            // answers first: a stored point tells readers that everything for its step is there
            member.listener.generations(lane, member.step, answers.get(i));
            member.listener.point(lane, new MetricPoint(member.step, trainLoss, m.responseNll(), m.everyTurnNll(),
                    m.promptNll(), m.fullNll(), m.exactMatch(), drift[i], m.stopped()));
            member.lossSum[lane] = 0;
            member.lossSteps[lane] = 0;
        }
    }

    private void finish(Enrolment member, LaneStatus status) {
        List<LaneResult> results = new ArrayList<>();
        for (int lane = 0; lane < member.plan.lanes().size(); lane++) {
            if (!member.live(lane)) {
                results.add(new LaneResult(LaneStatus.DIVERGED, member.divergedAt[lane], null));
                continue;
            }
            try (GptParameters weights = lanes.lane(position(member, lane), manager)) {
                results.add(new LaneResult(status, null, Checkpoints.toBytes(weights)));
            }
        }
        member.end(results);
    }

    /** Removes the ended comparisons and every lane that diverged from the stack. */
    private void leave(List<Enrolment> ended) {
        members.removeAll(ended);
        List<Integer> kept = new ArrayList<>();
        List<Slot> keptSlots = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            if (!ended.contains(slot.member()) && slot.member().live(slot.lane())) {
                kept.add(i);
                keptSlots.add(slot);
            }
        }
        if (keptSlots.size() < slots.size()) {
            lanes.keep(kept.stream().mapToInt(Integer::intValue).toArray());
            slots.clear();
            slots.addAll(keptSlots);
        }
    }

    private int position(Enrolment member, int lane) {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).member() == member && slots.get(i).lane() == lane) {
                return i;
            }
        }
        throw new IllegalStateException("lane " + lane + " is not in the stack");
    }

    @Override
    public void close() {
        lanes.close();
        manager.close();
    }
}
