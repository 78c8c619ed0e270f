package dev.losslens.lecture;

import dev.losslens.lecture.ClassState.PollView;
import dev.losslens.lecture.ClassState.Results;
import dev.losslens.lecture.ClassStore.Poll;
import dev.losslens.lecture.ClassStore.Vote;
import dev.losslens.lecture.Deck.Step;
import dev.losslens.system.files.CsvTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What every screen of a session shows, and the presenter's file of its polls' results. */
@Component
class ClassSnapshots {

    private final Decks decks;
    private final PollQuestions questions;
    private final ClassStore store;

    ClassSnapshots(Decks decks, PollQuestions questions, ClassStore store) {
        this.decks = decks;
        this.questions = questions;
        this.store = store;
    }

    /** The snapshot every screen of the session shows; a poll's results only once revealed. */
    ClassState state(ClassSession session) {
        Deck deck = decks.of(session);
        Step step = deck.step(session.step());
        PollView poll = null;
        if (step.question() != null) {
            PollQuestion question = questions.question(deck, step.question());
            Optional<Poll> stored = store.poll(session.id(), question.id());
            if (stored.isPresent()) {
                PollState state = stored.get().state();
                poll = new PollView(question.id(), question.text(), question.options(), question.min(),
                        question.max(), question.shownMin(), question.shownMax(), state, stored.get().answered(),
                        state == PollState.REVEALED ? results(question, stored.get()) : null);
            }
        }
        return new ClassState(session.code(), step.index(), deck.steps().size(), step.id(), step.title(),
                step.kind(), session.blank(), session.crowdRun(), poll);
    }

    /** A poll the session asked, with its results whether revealed or not. */
    record PollResult(PollQuestion question, PollState state, Results results) {

        /** The share of answers that chose the right option; null for a number question or no answers. */
        public Double shareRight() {
            int answers = results.counts().stream().mapToInt(Integer::intValue).sum();
            return results.right() == null || answers == 0 ? null
                    : (double) results.counts().get(results.right()) / answers;
        }

        public int answers() {
            return results.counts().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Every poll the session has asked, in the deck's order, revealed or not. */
    List<PollResult> pollResults(ClassSession session) {
        Deck deck = decks.of(session);
        List<PollResult> polls = new ArrayList<>();
        for (String id : deck.steps().stream().map(Step::question).filter(q -> q != null).distinct().toList()) {
            PollQuestion question = questions.question(deck, id);
            store.poll(session.id(), id).ifPresent(poll -> polls.add(new PollResult(question, poll.state(),
                    results(question, poll))));
        }
        return polls;
    }

    /** The results of every poll the session has asked, revealed or not, as the presenter's CSV file. */
    CsvTable results(ClassSession session) {
        CsvTable csv = new CsvTable(PollTally.CSV_COLUMNS);
        pollResults(session).forEach(poll -> PollTally.csvRows(poll.question().id(), poll.state(), poll.results())
                .forEach(csv::row));
        return csv;
    }

    private Results results(PollQuestion question, Poll poll) {
        List<Vote> votes = store.votes(poll.id());
        if (question.numeric()) {
            return PollTally.numbers(question.min(), question.max(), votes.stream().map(Vote::number).toList());
        }
        return PollTally.choices(question.options(), votes.stream().map(Vote::choice).toList(),
                questions.right(question.id()).orElse(null));
    }
}
