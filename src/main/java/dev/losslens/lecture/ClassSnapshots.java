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
                Poll asked = stored.get();
                boolean revealed = asked.state() == PollState.REVEALED;
                boolean answerShown = asked.round() == 1 || asked.answerShown();
                poll = new PollView(question.id(), question.text(), question.options(), question.min(),
                        question.max(), question.shownMin(), question.shownMax(), asked.state(), asked.answered(),
                        revealed ? results(question, store.votes(asked.id()), answerShown) : null, asked.round(),
                        revealed && asked.round() == 2 ? results(question, store.firstVotes(asked.id()), answerShown)
                                : null,
                        revealed && asked.round() == 2 && answerShown ? movedToRight(question, asked) : null);
            }
        }
        return new ClassState(session.code(), step.index(), deck.steps().size(), step.id(), step.title(),
                step.kind(), session.blank(), session.crowdRun(), poll);
    }

    /**
     * A poll the session asked, with its results whether revealed or not: the latest round's, and for a poll asked
     * twice the first round's and how many moved to the right answer.
     */
    record PollResult(PollQuestion question, PollState state, int round, Results results, Results firstRound,
                      Integer movedToRight) {

        /** The share of the latest round's answers that chose the right option; null without one or no answers. */
        public Double shareRight() {
            return shareRight(results);
        }

        /** The first round's share right, for a poll asked twice; else null. */
        public Double firstShareRight() {
            return firstRound == null ? null : shareRight(firstRound);
        }

        public int answers() {
            return answers(results);
        }

        private static Double shareRight(Results results) {
            return results.right() == null || answers(results) == 0 ? null
                    : (double) results.counts().get(results.right()) / answers(results);
        }

        private static int answers(Results results) {
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
                    poll.round(), results(question, store.votes(poll.id()), true),
                    poll.round() == 2 ? results(question, store.firstVotes(poll.id()), true) : null,
                    poll.round() == 2 ? movedToRight(question, poll) : null)));
        }
        return polls;
    }

    /** The results of every poll the session has asked, revealed or not, as the presenter's CSV file. */
    CsvTable results(ClassSession session) {
        return PollTally.csv(pollResults(session));
    }

    /** A round's answers tallied; the right option left out while it is not to be shown. */
    private Results results(PollQuestion question, List<Vote> votes, boolean withRight) {
        if (question.numeric()) {
            return PollTally.numbers(question.min(), question.max(), votes.stream().map(Vote::number).toList());
        }
        return PollTally.choices(question.options(), votes.stream().map(Vote::choice).toList(),
                withRight ? questions.right(question.id()).orElse(null) : null);
    }

    private Integer movedToRight(PollQuestion question, Poll poll) {
        return questions.right(question.id()).map(right -> store.movedTo(poll.id(), right)).orElse(null);
    }
}
