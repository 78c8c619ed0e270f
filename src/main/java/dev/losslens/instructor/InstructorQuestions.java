package dev.losslens.instructor;

import dev.losslens.account.AuditTrail;
import dev.losslens.account.SignedIn;
import dev.losslens.quiz.authored.AuthoredQuestion;
import dev.losslens.quiz.authored.AuthoredQuestions;
import dev.losslens.quiz.authored.GiftImport;
import dev.losslens.quiz.authored.GiftQuestion;
import dev.losslens.quiz.authored.Question;
import dev.losslens.quiz.authored.QuestionLimits;
import dev.losslens.quiz.authored.QuestionRules;
import dev.losslens.quiz.bank.QuizItem;
import dev.losslens.quiz.pages.QuizExport;
import dev.losslens.system.rejection.ForbiddenException;
import dev.losslens.system.rejection.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The signed-in instructor's questions: what they see (their own; an administrator everyone's), and what they may
 * change (their own; an administrator any). Every change, import and export is written to the audit trail.
 */
@Service
class InstructorQuestions {

    /** How much of a question's name the audit trail keeps. */
    private static final int AUDIT_NAME_CHARS = 60;

    private final AuthoredQuestions store;
    private final QuestionRules rules;
    private final GiftImport gift;
    private final QuizExport export;
    private final AuditTrail audit;

    InstructorQuestions(AuthoredQuestions store, QuestionRules rules, GiftImport gift, QuizExport export,
                        AuditTrail audit) {
        this.store = store;
        this.rules = rules;
        this.gift = gift;
        this.export = export;
        this.audit = audit;
    }

    QuestionLimits limits() {
        return rules.limits();
    }

    private static SignedIn me() {
        return SignedIn.current().orElseThrow(() -> new IllegalStateException("instructor routes need a sign-in"));
    }

    /** The caller's questions; an administrator's list has everyone's. */
    List<AuthoredQuestion> visible() {
        SignedIn me = me();
        return me.administrator() ? store.all() : store.by(me.name());
    }

    /** How many questions the caller keeps (their cap counts these). */
    int kept() {
        return store.count(me().name());
    }

    /** Any instructor's question may be read (learners answer them all); only changing one is kept to its author. */
    AuthoredQuestion get(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("id", "questions.unknown", id));
    }

    /** Whether the caller may change it: its author, or an administrator. */
    boolean mayChange(AuthoredQuestion question) {
        SignedIn me = me();
        return me.administrator() || question.ownedBy(me.name());
    }

    /** A question the caller may change: 404 when there is none, 403 when it is another instructor's. */
    AuthoredQuestion changeable(long id) {
        AuthoredQuestion question = get(id);
        if (!mayChange(question)) {
            throw new ForbiddenException("id", "questions.not-yours", id, question.author());
        }
        return question;
    }

    /** The question checked and as stored, never stored here. */
    Question check(Question raw) {
        return rules.check(raw);
    }

    AuthoredQuestion create(Question raw) {
        Question question = rules.check(raw);
        AuthoredQuestion added = store.add(me().name(), List.of(question), limits().perInstructor()).get(0);
        audit.record("add-question", subject(added));
        return added;
    }

    AuthoredQuestion update(long id, Question raw) {
        changeable(id);
        Question question = rules.check(raw);
        AuthoredQuestion changed = store.replace(id, question)
                .orElseThrow(() -> new NotFoundException("id", "questions.unknown", id));
        audit.record("edit-question", subject(changed));
        return changed;
    }

    void delete(long id) {
        AuthoredQuestion question = changeable(id);
        if (store.delete(id)) {
            audit.record("delete-question", subject(question));
        }
    }

    /** What importing the text would add, and every problem by line; nothing is stored. */
    GiftImport.Plan plan(String text) {
        return gift.plan(text);
    }

    /** Imports every question of the text, or none when any is bad or they would take the caller past the cap. */
    List<AuthoredQuestion> importGift(String text) {
        GiftImport.Plan plan = gift.plan(text);
        if (!plan.clean()) {
            throw new GiftRejectedException(plan.problems());
        }
        List<AuthoredQuestion> added = store.add(me().name(), plan.questions().stream().map(GiftQuestion::question)
                .toList(), limits().perInstructor());
        audit.record("import-questions", added.size() + " questions: #" + added.get(0).id() + "–#"
                + added.get(added.size() - 1).id());
        return added;
    }

    String exportGift() {
        List<AuthoredQuestion> questions = visible();
        audit.record("export-questions", "GIFT, " + questions.size() + " questions");
        return export.gift(items(questions), names(questions), me().administrator()
                ? "LossLens: every instructor's questions" : "LossLens: questions by " + me().name());
    }

    String exportXml() {
        List<AuthoredQuestion> questions = visible();
        audit.record("export-questions", "Moodle XML, " + questions.size() + " questions");
        return export.xml(items(questions), names(questions));
    }

    private static List<QuizItem> items(List<AuthoredQuestion> questions) {
        return questions.stream().map(AuthoredQuestion::quizItem).toList();
    }

    /** An LMS names a question by its title, else by its item id. */
    private static Function<QuizItem, String> names(List<AuthoredQuestion> questions) {
        Map<String, String> titles = questions.stream().collect(Collectors.toMap(AuthoredQuestion::item,
                q -> q.question().title() == null ? q.item() : q.question().title()));
        return item -> titles.get(item.id());
    }

    private static String subject(AuthoredQuestion question) {
        String name = question.question().name().replace('\n', ' ');
        return "#" + question.id() + " " + (name.length() > AUDIT_NAME_CHARS
                ? name.substring(0, AUDIT_NAME_CHARS - 1) + "…" : name);
    }
}
