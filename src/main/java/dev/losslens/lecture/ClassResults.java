package dev.losslens.lecture;

import dev.losslens.lecture.ClassSnapshots.PollResult;
import dev.losslens.system.rejection.ForbiddenException;
import dev.losslens.system.rejection.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * An instructor's class results: each session's polls, and the same question side by side across their latest
 * sessions. Sessions opened signed in are kept after they end, for this.
 */
@Component
class ClassResults {

    /** Sessions listed, and compared side by side. */
    static final int LISTED = 100;
    static final int SIDE_BY_SIDE = 6;

    /** One session with the results of the polls it asked. */
    record SessionResults(ClassSession session, List<PollResult> polls) {
    }

    /** One question across sessions: a cell per session, null where that session did not ask it. */
    record QuestionAcross(PollQuestion question, List<PollResult> sessions) {
    }

    private final ClassStore store;
    private final ClassSnapshots snapshots;

    ClassResults(ClassStore store, ClassSnapshots snapshots) {
        this.store = store;
        this.snapshots = snapshots;
    }

    /** The sessions this presenter may read: their own, or every instructor's for an administrator. */
    List<ClassSession> sessions(Presenter reader) {
        boolean everyone = reader.person().map(person -> person.administrator()).orElse(false);
        return store.owned(everyone ? null : reader.owner(), LISTED);
    }

    SessionResults of(String code, Presenter reader) {
        String normalised = JoinCode.normalise(code);
        ClassSession session = (normalised == null ? null : store.findOwned(normalised).orElse(null));
        if (session == null) {
            throw new NotFoundException("code", "class.no-results", code);
        }
        if (!reader.accountMaySteer(session.owner())) {
            throw new ForbiddenException("code", "class.not-owner", session.code());
        }
        return new SessionResults(session, snapshots.pollResults(session));
    }

    /** The latest sessions' questions, each with a cell per session, in the order they were first asked. */
    List<QuestionAcross> sideBySide(List<ClassSession> latest) {
        List<List<PollResult>> polls = latest.stream().map(snapshots::pollResults).toList();
        Map<String, PollQuestion> questions = new LinkedHashMap<>();
        polls.forEach(session -> session.forEach(poll -> questions.putIfAbsent(poll.question().id(), poll.question())));
        List<QuestionAcross> rows = new ArrayList<>();
        questions.forEach((id, question) -> rows.add(new QuestionAcross(question, polls.stream()
                .map(session -> session.stream().filter(poll -> poll.question().id().equals(id)).findFirst()
                        .orElse(null)).toList())));
        return rows;
    }
}
