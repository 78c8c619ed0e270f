package dev.losslens.lecture;

import dev.losslens.comparison.ComparisonService;
import dev.losslens.comparison.OwnerSecret;
import dev.losslens.lab.LabPreset;
import dev.losslens.lecture.ClassState.PollView;
import dev.losslens.lecture.ClassState.Results;
import dev.losslens.lecture.ClassStore.Poll;
import dev.losslens.lecture.ClassStore.Vote;
import dev.losslens.lecture.Deck.Step;
import dev.losslens.notation.PlainNumber;
import dev.losslens.quiz.ClassQuestions;
import dev.losslens.quiz.PresetRuns;
import dev.losslens.system.ConflictException;
import dev.losslens.system.ForbiddenException;
import dev.losslens.system.InvalidInputException;
import dev.losslens.system.NotFoundException;
import dev.losslens.system.RejectedRequestException;
import dev.losslens.system.SecretCookie;
import dev.losslens.system.TooManyRequestsException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Class sessions: a lecturer opens one and steers it through the deck; students answer its polls. Everything lives
 * in the database, so a projector, a presenter view and 200 phones agree, on one replica or several.
 */
@Service
class ClassService {

    static final Duration LIFETIME = Duration.ofHours(12);
    /** A number question's histogram has this many equal bins from min to max. */
    static final int BINS = 10;
    private static final int SHOWN_DECIMALS = 3;
    private static final List<Double> CROWD_PERCENTILES = List.of(0.1, 0.5, 0.9);
    private static final Logger log = LoggerFactory.getLogger(ClassService.class);

    private final ClassStore store;
    private final Decks decks;
    private final ClassQuestions bank;
    private final PresetRuns runs;
    private final ComparisonService comparisons;
    private final LectureProperties limits;
    private final TransactionTemplate transactions;
    /** Right options of revealed questions: fixed for the bank's items, and a preset's run is deterministic. */
    private final Map<String, Integer> rights = new ConcurrentHashMap<>();

    ClassService(ClassStore store, Decks decks, ClassQuestions bank, PresetRuns runs, ComparisonService comparisons,
                 LectureProperties limits, TransactionTemplate transactions) {
        this.store = store;
        this.limits = limits;
        this.transactions = transactions;
        this.decks = decks;
        this.bank = bank;
        this.runs = runs;
        this.comparisons = comparisons;
    }

    /**
     * Opens a session on the default deck and starts (or joins) a run of every preset it races, so that by the race
     * the run has finished and replays at once: a lecture never waits on the queue. Sessions are capped per client
     * and in all; opening one forgets those that ended {@code keep-ended} ago.
     */
    ClassSession open(String presenterSecret, String address) {
        Deck deck = decks.first();
        for (String preset : deck.steps().stream().map(Step::preset).filter(p -> p != null).distinct().toList()) {
            try {
                runs.observe(preset);
            } catch (RejectedRequestException full) {
                log.warn("could not queue preset {} for a lecture: {}", preset, full.getMessage());
            }
        }
        return transactions.execute(status -> {
            store.lockOpenings();
            store.deleteEndedBefore(Instant.now().minus(limits.keepEnded()));
            if (store.countLive() >= limits.maxSessions()) {
                throw new TooManyRequestsException("session", ("The server has %d class sessions running; try again "
                        + "when one ends").formatted(limits.maxSessions()));
            }
            if (store.countLiveFrom(address) >= limits.maxSessionsPerClient()) {
                throw new TooManyRequestsException("session", ("Your address has opened %d class sessions in the "
                        + "last %d hours; use one of them").formatted(limits.maxSessionsPerClient(), LIFETIME.toHours()));
            }
            String code = JoinCode.generate();
            while (store.codeTaken(code)) {
                code = JoinCode.generate();
            }
            store.create(code, SecretCookie.sha256(presenterSecret), deck.id(), Instant.now().plus(LIFETIME), address);
            ClassSession opened = store.find(code).orElseThrow();
            openPollOf(opened, deck.step(0));
            return opened;
        });
    }

    /** The session a typed code names; a clear 400 or 404 for a code that is malformed, unknown or expired. */
    ClassSession session(String typed) {
        return found(typed, store::find);
    }

    private ClassSession found(String typed, Function<String, Optional<ClassSession>> find) {
        String code = JoinCode.normalise(typed);
        if (code == null) {
            throw new InvalidInputException("code", "A join code is %d letters and digits, like %s"
                    .formatted(JoinCode.LENGTH, "K7QMF"));
        }
        return find.apply(code).orElseThrow(() -> new NotFoundException("code", ("No class session has the code %s: "
                + "check it on the projector (sessions end after %d hours)").formatted(code, LIFETIME.toHours())));
    }

    Deck deck(ClassSession session) {
        return decks.find(session.deck()).orElseThrow(() -> new NotFoundException("deck",
                "The deck " + session.deck() + " of this session is no longer installed"));
    }

    boolean isPresenter(ClassSession session, Optional<String> secret) {
        return secret.map(SecretCookie::sha256).filter(session.presenterHash()::equals).isPresent();
    }

    void requirePresenter(ClassSession session, Optional<String> secret) {
        if (!isPresenter(session, secret)) {
            throw new ForbiddenException("presenter", "Only the presenter of session " + session.code()
                    + " can do this, from the browser that opened it");
        }
    }

    /**
     * Carries out a presenter's action and answers the session as it is afterwards. The session's row is locked for
     * the action, so actions arriving at once (two windows, a remote) apply one after another.
     */
    @Transactional
    ClassSession control(String code, Optional<String> presenter, String address, ControlAction action,
                         Integer step) {
        ClassSession session = found(code, store::findForUpdate);
        requirePresenter(session, presenter);
        Deck deck = deck(session);
        Step current = deck.step(session.step());
        switch (action) {
            case NEXT -> moveTo(session, deck, session.step() + 1);
            case BACK -> moveTo(session, deck, session.step() - 1);
            case GO -> {
                if (step == null || step < 0 || step >= deck.steps().size()) {
                    throw new InvalidInputException("step", "step must be from 0 to " + (deck.steps().size() - 1));
                }
                moveTo(session, deck, step);
            }
            case BLANK -> store.blank(session.id(), !session.blank());
            case LOCK -> store.setState(currentPoll(session, current).id(), PollState.LOCKED);
            case REOPEN -> store.setState(askedPoll(session, deck, current).id(), PollState.OPEN);
            case REVEAL -> store.setState(currentPoll(session, current).id(), PollState.REVEALED);
            case RESET -> store.reset(askedPoll(session, deck, current).id());
            case CROWD -> store.crowdRun(session.id(), crowdRun(session, deck, current, presenter.orElseThrow(),
                    address));
        }
        return store.find(session.code()).orElseThrow();
    }

    /**
     * Starts (or joins) a comparison whose lanes use the class's 10th, 50th and 90th percentile of the λ they
     * answered on this step's number question. The presenter owns it: their key cancels it (X-Owner-Token).
     */
    private long crowdRun(ClassSession session, Deck deck, Step step, String presenter, String address) {
        PollQuestion question = step.question() == null ? null : question(deck, step.question());
        if (step.kind() != Deck.Kind.LAMBDA || question == null || !question.numeric()) {
            throw new ConflictException("action", "A crowd race starts from the λ step, “" + step.title() + "” is not");
        }
        List<Double> answers = store.votes(currentPoll(session, step).id()).stream().map(Vote::number).sorted()
                .toList();
        if (answers.isEmpty()) {
            throw new ConflictException("action", "Nobody has answered the λ question yet");
        }
        List<Double> lambdas = CROWD_PERCENTILES.stream().map(q -> percentile(answers, q)).distinct().toList();
        if (lambdas.size() < 2) {
            throw new ConflictException("action", ("The class's 10th, 50th and 90th percentile are all λ = %s: a race "
                    + "needs two different values, so wait for more answers").formatted(shown(lambdas.get(0))));
        }
        // the presenter's key is the person: their own queue allowance, as a learner in the lab has
        return comparisons.submit(LabPreset.promptWeights(lambdas), address, new OwnerSecret(presenter)).comparison()
                .id();
    }

    /** The nearest-rank percentile of sorted values: the smallest value with at least q of them at or below it. */
    static double percentile(List<Double> sorted, double q) {
        return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1));
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

    private Poll currentPoll(ClassSession session, Step step) {
        if (step.question() == null) {
            throw new ConflictException("action", "The step on screen, “" + step.title() + "”, has no poll");
        }
        return store.poll(session.id(), step.question()).orElseThrow(() ->
                new ConflictException("action", "The poll of “" + step.title() + "” has not been opened"));
    }

    /** The current step's poll, for an action that lets the class answer it again. */
    private Poll askedPoll(ClassSession session, Deck deck, Step step) {
        if (step.question() != null && !step.asks()) {
            int asking = asking(deck, step.question()).get(0);
            throw new ConflictException("action", ("Answers stay closed while “%s” shows the outcome; go back to step "
                    + "%d to reopen or reset the poll").formatted(step.title(), asking + 1));
        }
        return currentPoll(session, step);
    }

    /** The indices of the steps on which the class can answer the question. */
    private static List<Integer> asking(Deck deck, String question) {
        return deck.steps().stream().filter(s -> s.asks() && s.question().equals(question)).map(Step::index).toList();
    }

    PollQuestion question(Deck deck, String id) {
        return deck.numberQuestion(id)
                .map(number -> new PollQuestion(id, number.text(), List.of(), number.min(), number.max(), null))
                .or(() -> bank.find(id).map(item -> new PollQuestion(id, item.text(), item.options(), null, null,
                        item.preset())))
                .orElseThrow(() -> new NotFoundException("question", "This session asks no question " + id));
    }

    /** Records or changes a student's answer to the poll on screen, while it is open. */
    void vote(String code, String participant, String questionId, Integer choice, Double number) {
        if (questionId == null || questionId.isBlank()) {
            throw new InvalidInputException("question", "question is missing: name the poll you answer");
        }
        ClassSession session = session(code);
        Deck deck = deck(session);
        List<Integer> asking = asking(deck, questionId);
        if (asking.isEmpty()) {
            throw new NotFoundException("question", "This session asks no question " + questionId);
        }
        PollQuestion question = question(deck, questionId);
        Poll poll = store.poll(session.id(), questionId).orElseThrow(() ->
                new ConflictException("question", "This question has not been asked yet"));
        if (question.numeric()) {
            if (number == null || !Double.isFinite(number) || number < question.min() || number > question.max()) {
                throw new InvalidInputException("number", "The answer must be a number from %s to %s"
                        .formatted(shown(question.min()), shown(question.max())));
            }
            choice = null;
            number = number + 0.0; // −0 is stored as 0
        } else {
            if (choice == null || choice < 0 || choice >= question.options().size()) {
                throw new InvalidInputException("choice", "choice must be an option from 0 to "
                        + (question.options().size() - 1));
            }
            number = null;
        }
        if (!store.vote(poll.id(), asking, SecretCookie.sha256(participant), choice, number)) {
            throw new ConflictException("question", asking.contains(session.step())
                    ? "The poll is closed: the presenter has locked it"
                    : "This question is no longer on screen: the presenter has moved on");
        }
    }

    Optional<Vote> myVote(ClassSession session, String question, Optional<String> participant) {
        if (participant.isEmpty() || question == null) {
            return Optional.empty();
        }
        return store.poll(session.id(), question)
                .flatMap(poll -> store.vote(poll.id(), SecretCookie.sha256(participant.get())));
    }

    /** The snapshot every screen of the session shows; a poll's results only once revealed. */
    ClassState state(ClassSession session) {
        Deck deck = deck(session);
        Step step = deck.step(session.step());
        PollView poll = null;
        if (step.question() != null) {
            PollQuestion question = question(deck, step.question());
            Optional<Poll> stored = store.poll(session.id(), question.id());
            if (stored.isPresent()) {
                PollState state = stored.get().state();
                poll = new PollView(question.id(), question.text(), question.options(), question.min(),
                        question.max(), question.numeric() ? shown(question.min()) + " to " + shown(question.max())
                        : null, state.key(), stored.get().answered(),
                        state == PollState.REVEALED ? results(question, store.votes(stored.get().id())) : null);
            }
        }
        return new ClassState(session.code(), step.index(), deck.steps().size(), step.id(), step.title(),
                step.kind().key(), session.blank(), session.crowdRun(), poll);
    }

    /** The results of every poll the session has asked, as rows of a CSV file: counts only, never who answered. */
    List<List<String>> resultRows(ClassSession session) {
        Deck deck = deck(session);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("question", "state", "option", "answers", "right", "median"));
        for (String id : deck.steps().stream().map(Step::question).filter(q -> q != null).distinct().toList()) {
            PollQuestion question = question(deck, id);
            Optional<Poll> poll = store.poll(session.id(), id);
            if (poll.isEmpty()) {
                continue;
            }
            Results results = results(question, store.votes(poll.get().id()));
            for (int i = 0; i < results.labels().size(); i++) {
                rows.add(List.of(id, poll.get().state().key(), results.labels().get(i),
                        String.valueOf(results.counts().get(i)),
                        results.right() == null ? "" : String.valueOf(results.right() == i),
                        results.median() == null ? "" : shown(results.median())));
            }
        }
        return rows;
    }

    private Results results(PollQuestion question, List<Vote> votes) {
        if (question.numeric()) {
            List<Double> numbers = votes.stream().map(Vote::number).sorted().toList();
            double width = (question.max() - question.min()) / BINS;
            List<String> labels = new ArrayList<>();
            List<Integer> counts = new ArrayList<>(Collections.nCopies(BINS, 0));
            for (int bin = 0; bin < BINS; bin++) {
                labels.add(shown(question.min() + bin * width) + "–" + shown(question.min() + (bin + 1) * width));
            }
            for (double number : numbers) {
                int bin = Math.min(BINS - 1, (int) ((number - question.min()) / width));
                counts.set(bin, counts.get(bin) + 1);
            }
            return new Results(labels, counts, null, numbers.isEmpty() ? null : median(numbers) + 0.0); // never −0
        }
        List<Integer> counts = new ArrayList<>(Collections.nCopies(question.options().size(), 0));
        votes.forEach(vote -> counts.set(vote.choice(), counts.get(vote.choice()) + 1));
        return new Results(question.options(), counts, right(question.id()), null);
    }

    private Integer right(String question) {
        Integer known = rights.get(question);
        if (known != null) {
            return known;
        }
        Optional<Integer> right = bank.right(question);
        right.ifPresent(value -> rights.put(question, value));
        return right.orElse(null);
    }

    private static String shown(double value) {
        return PlainNumber.of(value, SHOWN_DECIMALS);
    }

    static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

}
