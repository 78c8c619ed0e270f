package dev.losslens.lecture;

import dev.losslens.lecture.ClassState.PollView;
import dev.losslens.lecture.ClassState.Results;
import dev.losslens.lecture.ClassStore.Poll;
import dev.losslens.lecture.ClassStore.Vote;
import dev.losslens.lecture.Deck.Step;
import dev.losslens.system.files.CsvTable;
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

    /** The results of every poll the session has asked, revealed or not. */
    CsvTable results(ClassSession session) {
        Deck deck = decks.of(session);
        CsvTable csv = new CsvTable(PollTally.CSV_COLUMNS);
        for (String id : deck.steps().stream().map(Step::question).filter(q -> q != null).distinct().toList()) {
            Optional<Poll> poll = store.poll(session.id(), id);
            if (poll.isPresent()) {
                PollTally.csvRows(id, poll.get().state(), results(questions.question(deck, id), poll.get()))
                        .forEach(csv::row);
            }
        }
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
