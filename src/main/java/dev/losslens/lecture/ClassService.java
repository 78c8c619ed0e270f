package dev.losslens.lecture;

import dev.losslens.comparison.ComparisonService;
import dev.losslens.comparison.OwnerSecret;
import dev.losslens.lab.LabPreset;
import dev.losslens.lecture.ClassStore.Poll;
import dev.losslens.lecture.ClassStore.Vote;
import dev.losslens.lecture.Deck.Step;
import dev.losslens.quiz.bank.BugZoo;
import dev.losslens.quiz.bank.PresetRuns;
import dev.losslens.system.rejection.ConflictException;
import dev.losslens.system.rejection.ForbiddenException;
import dev.losslens.system.rejection.InvalidInputException;
import dev.losslens.system.rejection.NotFoundException;
import dev.losslens.system.rejection.RejectedRequestException;
import dev.losslens.system.rejection.Rejection;
import dev.losslens.system.rejection.TooManyRequestsException;
import dev.losslens.system.web.SecretCookie;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Class sessions: a lecturer opens one and, alone, steers it through the deck and its polls (students' answers are
 * {@link ClassVotes}). Everything lives in the database, so a projector, a presenter view and 200 phones agree, on one
 * replica or several.
 */
@Service
class ClassService {

    static final Duration LIFETIME = Duration.ofHours(12);
    private static final List<Double> CROWD_PERCENTILES = List.of(0.1, 0.5, 0.9);
    private static final Logger log = LoggerFactory.getLogger(ClassService.class);

    private final ClassStore store;
    private final PresenterKeys keys;
    private final Decks decks;
    private final PollQuestions questions;
    private final PresetRuns runs;
    private final BugZoo zoo;
    private final ComparisonService comparisons;
    private final LectureProperties limits;
    private final TransactionTemplate transactions;

    ClassService(ClassStore store, PresenterKeys keys, Decks decks, PollQuestions questions, PresetRuns runs,
                 BugZoo zoo, ComparisonService comparisons, LectureProperties limits,
                 TransactionTemplate transactions) {
        this.zoo = zoo;
        this.store = store;
        this.keys = keys;
        this.limits = limits;
        this.transactions = transactions;
        this.decks = decks;
        this.questions = questions;
        this.runs = runs;
        this.comparisons = comparisons;
    }

    /**
     * Opens a session on the default deck and starts (or joins) a run of every preset it races and every mystery it
     * shows, so that by their step the run has finished and replays at once: a lecture never waits on the queue.
     * Sessions are capped per client and in all; opening one forgets those that ended {@code keep-ended} ago.
     */
    ClassSession open(Presenter presenter, String address) {
        Deck deck = decks.first();
        for (String preset : deck.steps().stream().map(Step::preset).filter(p -> p != null).distinct().toList()) {
            prepare("preset", preset, () -> runs.observe(preset));
        }
        for (String bug : deck.steps().stream().map(Step::mystery).filter(b -> b != null).distinct().toList()) {
            prepare("mystery", bug, () -> zoo.observe(bug));
        }
        return transactions.execute(status -> {
            store.lockOpenings();
            store.deleteEndedBefore(Instant.now().minus(limits.keepEnded()));
            if (store.countLive() >= limits.maxSessions()) {
                throw new TooManyRequestsException("session", "class.server-full", limits.maxSessions());
            }
            if (store.countLiveFrom(address) >= limits.maxSessionsPerClient()) {
                throw new TooManyRequestsException("session", "class.address-full", limits.maxSessionsPerClient(),
                        LIFETIME.toHours());
            }
            String code = JoinCode.generate();
            while (store.codeTaken(code)) {
                code = JoinCode.generate();
            }
            store.create(code, SecretCookie.sha256(presenter.key().orElseThrow()), deck.id(),
                    Instant.now().plus(LIFETIME), address, presenter.owner());
            ClassSession opened = store.find(code).orElseThrow();
            openPollOf(opened, deck.step(0));
            return opened;
        });
    }

    /** Starts a run a lecture will show; a full queue is logged, and the step shows the run once it can train. */
    private static void prepare(String what, String which, Runnable start) {
        try {
            start.run();
        } catch (RejectedRequestException full) {
            log.warn("could not queue {} {} for a lecture: {}", what, which, full.getMessage());
        }
    }

    /** The session a typed code names; a clear 400 or 404 for a code that is malformed, unknown or expired. */
    ClassSession session(String typed) {
        return found(typed, store::find);
    }

    private ClassSession found(String typed, Function<String, Optional<ClassSession>> find) {
        String code = JoinCode.normalise(typed);
        if (code == null) {
            throw new InvalidInputException("code", "class.code-format", JoinCode.LENGTH, "K7QMF");
        }
        return find.apply(code).orElseThrow(() -> new NotFoundException("code", "class.unknown", code,
                LIFETIME.toHours()));
    }

    /**
     * Whether the request may steer the session: its browser holds the opener's key or a paired phone's, or the
     * signed-in account owns the session or administers the server.
     */
    boolean isPresenter(ClassSession session, Presenter presenter) {
        return presenter.accountMaySteer(session.owner()) || presenter.key().map(SecretCookie::sha256)
                .filter(hash -> hash.equals(session.presenterHash()) || keys.isPaired(session.id(), hash)).isPresent();
    }

    void requirePresenter(ClassSession session, Presenter presenter) {
        if (!isPresenter(session, presenter)) {
            throw new ForbiddenException("presenter", "class.not-presenter", session.code());
        }
    }

    /** A new pairing code for a phone to type, shown once to the presenter; it works once, for a few minutes. */
    String offerPairing(ClassSession session, Presenter presenter) {
        requirePresenter(session, presenter);
        String code = PairingCode.generate();
        keys.offer(session.id(), SecretCookie.sha256(code), Instant.now().plus(PairingCode.LIFETIME));
        return code;
    }

    /**
     * Pairs the browser holding {@code key} as a presenter of the session when {@code typed} is an open code; a wrong
     * code counts against the session's open codes (committed, whatever the answer).
     */
    boolean pair(ClassSession session, String typed, String key) {
        String code = PairingCode.normalise(typed);
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (code != null && keys.redeem(session.id(), SecretCookie.sha256(code))) {
                keys.pair(session.id(), SecretCookie.sha256(key));
                return true;
            }
            keys.wrongCode(session.id());
            return false;
        }));
    }

    /**
     * Carries out a presenter's action and answers the session as it is afterwards. The session's row is locked for
     * the action, so actions arriving at once (two windows, a remote) apply one after another.
     */
    @Transactional
    ClassSession control(String code, Presenter presenter, String address, ControlAction action,
                         Integer step) {
        ClassSession session = found(code, store::findForUpdate);
        requirePresenter(session, presenter);
        Deck deck = decks.of(session);
        Step current = deck.step(session.step());
        switch (action) {
            case NEXT -> moveTo(session, deck, session.step() + 1);
            case BACK -> moveTo(session, deck, session.step() - 1);
            case SKIP -> moveTo(session, deck, deck.afterOptional(session.step()));
            case GO -> {
                if (step == null || step < 0 || step >= deck.steps().size()) {
                    throw new InvalidInputException("step", "range", new Rejection.Field("step"), 0,
                            deck.steps().size() - 1);
                }
                moveTo(session, deck, step);
            }
            case BLANK -> store.blank(session.id(), !session.blank());
            case LOCK -> store.setState(currentPoll(session, current).id(), PollState.LOCKED);
            case REOPEN -> store.setState(askedPoll(session, deck, current).id(), PollState.OPEN);
            case REVEAL -> store.setState(currentPoll(session, current).id(), PollState.REVEALED);
            case REVOTE -> store.secondRound(lockedFirstRound(session, current).id());
            case ANSWER -> store.showAnswer(revealedSecondRound(session, current).id());
            case RESET -> store.reset(askedPoll(session, deck, current).id());
            case CROWD -> store.crowdRun(session.id(), crowdRun(session, deck, current, presenter.key().orElseThrow(),
                    address));
        }
        return store.find(session.code()).orElseThrow();
    }

    /**
     * Starts (or joins) a comparison whose lanes use the class's 10th, 50th and 90th percentile of the λ they
     * answered on this step's number question. The presenter owns it: their key cancels it (X-Owner-Token).
     */
    private long crowdRun(ClassSession session, Deck deck, Step step, String presenter, String address) {
        PollQuestion question = step.question() == null ? null : questions.question(deck, step.question());
        if (step.kind() != Deck.Kind.LAMBDA || question == null || !question.numeric()) {
            throw new ConflictException("action", "class.crowd-step", step.title());
        }
        NumberAnswers answers = NumberAnswers.of(store.votes(currentPoll(session, step).id()).stream()
                .map(Vote::number).toList());
        if (answers.isEmpty()) {
            throw new ConflictException("action", "class.crowd-empty");
        }
        List<Double> lambdas = CROWD_PERCENTILES.stream().map(answers::percentile).distinct().toList();
        if (lambdas.size() < 2) {
            throw new ConflictException("action", "class.crowd-same", NumberAnswers.shown(lambdas.get(0)));
        }
        // the presenter's key is the person: their own queue allowance, as a learner in the lab has
        return comparisons.submit(LabPreset.promptWeights(lambdas), address, new OwnerSecret(presenter)).comparison()
                .id();
    }

    /**
     * Shows a step, opening its poll the first time; a step that only shows a question's outcome (the reveal) closes
     * the poll to answers, so nobody answers with the outcome on screen.
     */
    private void moveTo(ClassSession session, Deck deck, int step) {
        Step target = deck.step(step);
        store.moveTo(session.id(), target.index());
        openPollOf(session, target);
        if (target.question() != null && !target.asks()) {
            store.lockIfOpen(currentPoll(session, target).id());
        }
    }

    private void openPollOf(ClassSession session, Step step) {
        if (step.question() != null) {
            store.openPoll(session.id(), step.question());
        }
    }

    /**
     * The step's poll, when it can be asked again: a choice question, in its first round, locked and not revealed
     * (peer instruction discusses before anyone sees the answer).
     */
    private Poll lockedFirstRound(ClassSession session, Step step) {
        Poll poll = currentPoll(session, step);
        if (questions.question(decks.of(session), step.question()).numeric()) {
            throw new ConflictException("action", "class.revote-number");
        }
        if (poll.round() == 2) {
            throw new ConflictException("action", "class.revote-twice");
        }
        if (poll.state() != PollState.LOCKED) {
            throw new ConflictException("action", poll.state() == PollState.OPEN ? "class.revote-lock-first"
                    : "class.revote-revealed");
        }
        return poll;
    }

    /** The step's poll, when its right answer is to be shown now: asked twice, and revealed. */
    private Poll revealedSecondRound(ClassSession session, Step step) {
        Poll poll = currentPoll(session, step);
        if (poll.round() != 2) {
            throw new ConflictException("action", "class.answer-one-round");
        }
        if (poll.state() != PollState.REVEALED) {
            throw new ConflictException("action", "class.answer-reveal-first");
        }
        return poll;
    }

    private Poll currentPoll(ClassSession session, Step step) {
        if (step.question() == null) {
            throw new ConflictException("action", "class.no-poll", step.title());
        }
        return store.poll(session.id(), step.question()).orElseThrow(() ->
                new ConflictException("action", "class.poll-unopened", step.title()));
    }

    /** The current step's poll, for an action that lets the class answer it again. */
    private Poll askedPoll(ClassSession session, Deck deck, Step step) {
        if (step.question() != null && !step.asks()) {
            int asking = deck.asking(step.question()).get(0);
            throw new ConflictException("action", "class.poll-revealing", step.title(), asking + 1);
        }
        return currentPoll(session, step);
    }
}
