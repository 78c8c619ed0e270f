package dev.losslens.lecture;

import dev.losslens.lecture.ClassStore.Poll;
import dev.losslens.lecture.ClassStore.Vote;
import dev.losslens.system.rejection.ConflictException;
import dev.losslens.system.rejection.InvalidInputException;
import dev.losslens.system.rejection.NotFoundException;
import dev.losslens.system.web.SecretCookie;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Students' answers: one per student and poll, which they may change while the poll is open on screen. */
@Service
class ClassVotes {

    private final ClassService classes;
    private final Decks decks;
    private final PollQuestions questions;
    private final ClassStore store;
    private final Counter answers;

    ClassVotes(ClassService classes, Decks decks, PollQuestions questions, ClassStore store, MeterRegistry meters) {
        this.classes = classes;
        this.decks = decks;
        this.questions = questions;
        this.store = store;
        this.answers = Counter.builder("losslens.poll.answers").description("Poll answers recorded or changed")
                .register(meters);
    }

    /** Records or changes a student's answer to the poll on screen, while it is open. */
    void vote(String code, String participant, String questionId, Integer choice, Double number) {
        if (questionId == null || questionId.isBlank()) {
            throw new InvalidInputException("question", "class.question-missing");
        }
        ClassSession session = classes.session(code);
        Deck deck = decks.of(session);
        List<Integer> asking = deck.asking(questionId);
        if (asking.isEmpty()) {
            throw new NotFoundException("question", "class.unknown-question", questionId);
        }
        PollQuestion question = questions.question(deck, questionId);
        Poll poll = store.poll(session.id(), questionId).orElseThrow(() ->
                new ConflictException("question", "class.not-asked"));
        if (question.numeric()) {
            if (number == null || !Double.isFinite(number) || number < question.min() || number > question.max()) {
                throw new InvalidInputException("number", "class.number-range", NumberAnswers.shown(question.min()),
                        NumberAnswers.shown(question.max()));
            }
            choice = null;
            number = number + 0.0; // −0 is stored as 0
        } else {
            if (choice == null || choice < 0 || choice >= question.options().size()) {
                throw new InvalidInputException("choice", "class.choice-range", question.options().size() - 1);
            }
            number = null;
        }
        if (!store.vote(poll.id(), asking, SecretCookie.sha256(participant), choice, number)) {
            throw new ConflictException("question", asking.contains(session.step())
                    ? "class.poll-locked" : "class.moved-on");
        }
        answers.increment();
    }

    Optional<Vote> myVote(ClassSession session, String question, Optional<String> participant) {
        if (participant.isEmpty() || question == null) {
            return Optional.empty();
        }
        return store.poll(session.id(), question)
                .flatMap(poll -> store.vote(poll.id(), SecretCookie.sha256(participant.get())));
    }
}
