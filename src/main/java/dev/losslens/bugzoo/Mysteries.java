package dev.losslens.bugzoo;

import dev.losslens.bugzoo.MysteryStore.Mystery;
import dev.losslens.comparison.OwnerSecret;
import dev.losslens.quiz.bank.BugZoo;
import dev.losslens.quiz.bank.DiagnoseItem;
import dev.losslens.quiz.bank.QuizBank;
import dev.losslens.quiz.progress.Learner;
import dev.losslens.quiz.progress.Progress;
import dev.losslens.system.rejection.ConflictException;
import dev.losslens.system.rejection.ForbiddenException;
import dev.losslens.system.rejection.NotFoundException;
import dev.losslens.training.PipelineBug;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A learner's mystery runs: a bug picked at random on the server, its mystery run, and the one answer that names it.
 * Only the learner who started a mystery answers it and sees its bug; the answer counts toward the bug zoo's mastery as
 * an answer to the quiz's item about the same bug.
 */
@Service
class Mysteries {

    private final MysteryStore store;
    private final MysteryRuns runs;
    private final Progress progress;
    private final Map<PipelineBug, DiagnoseItem> items;
    private final SecureRandom random = new SecureRandom();

    /**
     * Every bug needs its one diagnose item in the bank, and every diagnose item a real bug: else the app does not
     * start.
     */
    Mysteries(MysteryStore store, MysteryRuns runs, Progress progress, QuizBank bank) {
        this.store = store;
        this.runs = runs;
        this.progress = progress;
        List<DiagnoseItem> diagnose = bank.items().stream().filter(DiagnoseItem.class::isInstance)
                .map(DiagnoseItem.class::cast).toList();
        this.items = diagnose.stream().collect(Collectors.toMap(item -> MysteryRuns.bug(item.bug()),
                Function.identity()));
        if (items.size() != PipelineBug.values().length || diagnose.size() != items.size()) {
            throw new IllegalStateException("the quiz bank needs exactly one diagnose item per pipeline bug, has "
                    + diagnose.stream().map(DiagnoseItem::bug).toList());
        }
    }

    /** The concept the quiz's diagnose items belong to: a named mystery counts toward its mastery. */
    String concept() {
        return items.get(PipelineBug.values()[0]).concept();
    }

    /** A mystery as its page and the API show it: the bug only to its learner, once they have named one. */
    record MysteryView(long id, long run, boolean yours, Instant createdAt, BugZoo.Evidence evidence, Verdict verdict) {
    }

    /** @param answer the bug the learner named, by key */
    record Verdict(String answer, String answerTitle, boolean correct, Instant answeredAt, BugZoo.Reveal reveal) {
    }

    /** Picks a bug at random and starts, replays or joins its mystery run for this learner. */
    MysteryView start(Learner learner, OwnerSecret owner, String address) {
        PipelineBug bug = PipelineBug.values()[random.nextInt(PipelineBug.values().length)];
        long run = runs.start(bug, address, owner).comparison().id();
        return view(store.insert(run, bug, learner), Optional.of(learner));
    }

    MysteryView view(long id, Optional<Learner> viewer) {
        Mystery mystery = require(id);
        boolean yours = mystery.ownedBy(viewer);
        BugZoo.Evidence evidence = runs.evidence(mystery.run());
        Verdict verdict = null;
        if (yours && mystery.answer() != null) {
            verdict = new Verdict(mystery.answer().key(), runs.titles().get(mystery.answer().ordinal()),
                    mystery.answer() == mystery.bug(), mystery.answeredAt(),
                    runs.reveal(mystery.bug().key(), mystery.run()));
        }
        return new MysteryView(mystery.id(), mystery.run(), yours, mystery.createdAt(), evidence, verdict);
    }

    /**
     * Names the bug: once, by the learner who started the mystery, after its run has ended. The answer is stored by an
     * update that needs no answer before it, so of two answers at once one is turned down.
     */
    @Transactional
    MysteryView answer(long id, Optional<Learner> viewer, String bug) {
        Mystery mystery = require(id);
        PipelineBug named = MysteryRuns.bug(bug);
        if (!mystery.ownedBy(viewer)) {
            throw new ForbiddenException("id", "mystery.not-yours", id);
        }
        if (mystery.answer() != null) {
            throw new ConflictException("bug", "mystery.answered", id);
        }
        if (!runs.evidence(mystery.run()).ended()) {
            throw new ConflictException("bug", "mystery.training", mystery.run());
        }
        if (!store.answer(id, named)) {
            throw new ConflictException("bug", "mystery.answered", id);
        }
        progress.record(viewer.orElseThrow(), items.get(mystery.bug()), named == mystery.bug());
        return view(id, viewer);
    }

    private Mystery require(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("id", "mystery.unknown", id));
    }
}
