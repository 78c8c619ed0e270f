package dev.losslens.lecture;

import dev.losslens.comparison.ComparisonService;
import dev.losslens.comparison.ComparisonStatus;
import dev.losslens.comparison.ComparisonView.LaneView;
import dev.losslens.comparison.ComparisonView;
import dev.losslens.comparison.LaneBatches;
import dev.losslens.lab.LaneBatchView;
import dev.losslens.lecture.Deck.Step;
import dev.losslens.quiz.bank.BugZoo;
import dev.losslens.quiz.bank.PresetRuns;
import dev.losslens.system.rejection.FormErrors;
import dev.losslens.system.rejection.FormNumbers;
import dev.losslens.system.web.PublicAddress;
import dev.losslens.system.web.WebProperties;
import dev.losslens.system.words.Wording;
import dev.losslens.text.Tokenizer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The lecturer's pages: open a class session, project the deck step by step, and follow it in a presenter view. Only
 * its presenters see these pages of a session: the browser that opened it, phones paired to it, and, for a session
 * opened signed in, its instructor and administrators.
 */
@Controller
class LectureController {

    private final ClassService classes;
    private final ClassSnapshots snapshots;
    private final Decks decks;
    private final PresetRuns runs;
    private final BugZoo zoo;
    private final LaneBatches batches;
    private final Tokenizer tokenizer;
    private final ComparisonService comparisons;
    private final WebProperties web;
    private final PublicAddress publicAddress;
    private final Wording wording;

    LectureController(ClassService classes, ClassSnapshots snapshots, Decks decks, PresetRuns runs, BugZoo zoo,
                      LaneBatches batches, Tokenizer tokenizer, ComparisonService comparisons, WebProperties web,
                      PublicAddress publicAddress, Wording wording) {
        this.zoo = zoo;
        this.batches = batches;
        this.tokenizer = tokenizer;
        this.publicAddress = publicAddress;
        this.classes = classes;
        this.snapshots = snapshots;
        this.decks = decks;
        this.runs = runs;
        this.comparisons = comparisons;
        this.web = web;
        this.wording = wording;
    }

    /** Every lecturer page warns while the links students would follow reach only this machine. */
    @ModelAttribute
    void publicUrl(Model model) {
        publicAddress.unreachable().ifPresent(url -> {
            model.addAttribute("unreachableUrl", url);
            model.addAttribute("proposedUrl", publicAddress.proposal().orElse(null));
        });
    }

    @GetMapping("/lecture")
    String index(Model model) {
        model.addAttribute("deck", decks.first());
        return "lecture/index";
    }

    @PostMapping("/lecture")
    String open(HttpServletRequest request, HttpServletResponse response) {
        ClassSession session = classes.open(Presenter.keyed(request, response), request.getRemoteAddr());
        return "redirect:/lecture/" + session.code();
    }

    /** The projected view of the session's current step: a live view of the app, never a picture. */
    @GetMapping("/lecture/{code}")
    String deck(@PathVariable String code, HttpServletRequest request, Model model) {
        ClassSession session = presented(code, request, model);
        Step step = decks.of(session).step(session.step());
        if (step.mystery() != null) {
            mystery(step.mystery(), (ClassState) model.getAttribute("state"), model);
        }
        if (step.preset() != null) {
            PresetRuns.Observation run = runs.observe(step.preset());
            model.addAttribute("race", new Race(run.run(), run.steps(), run.stepsDone(), run.finished(),
                    runs.lanes(step.preset())));
            model.addAttribute("outcome", run);
        }
        if (step.kind() == Deck.Kind.LAMBDA && session.crowdRun() != null) {
            ComparisonView crowd = comparisons.view(session.crowdRun());
            model.addAttribute("race", new Race(crowd.id(), crowd.config().steps(), crowd.stepsDone(),
                    crowd.status() == ComparisonStatus.FINISHED, crowd.lanes().stream().map(LaneView::label).toList()));
        }
        return "lecture/deck";
    }

    /**
     * A mystery step: its run's symptoms, and once the class's answers are revealed with the right one, the bug and the
     * batches that prove it: the row the lane with the bug trained on when its check first failed, beside the correct
     * lane's same row.
     */
    private void mystery(String bug, ClassState state, Model model) {
        BugZoo.Evidence evidence = zoo.observe(bug);
        model.addAttribute("evidence", evidence);
        boolean revealed = state.poll() != null && state.poll().results() != null
                && state.poll().results().right() != null;
        if (!revealed || !evidence.ended()) {
            return;
        }
        BugZoo.Reveal reveal = zoo.reveal(bug, evidence.run());
        model.addAttribute("reveal", reveal);
        if (reveal.caught() != null) {
            int step = reveal.caught().step();
            model.addAttribute("proof", List.of(0, reveal.caught().lane()).stream().map(lane -> LaneBatchView.of(
                    batches.at(evidence.run(), lane, step), tokenizer)).toList());
        }
    }

    /** A run the deck races on the projector, with its lanes' labels for the legend. */
    record Race(long run, int steps, int stepsDone, boolean finished, List<String> lanes) {
    }

    /** The presenter's second window: notes, the next step, time and answers so far, and the controls. */
    @GetMapping("/lecture/{code}/presenter")
    String presenter(@PathVariable String code, HttpServletRequest request, Model model) {
        presented(code, request, model);
        return "lecture/presenter";
    }

    /** The presenter's controls without JavaScript, and from a phone used as the remote. */
    @PostMapping("/lecture/{code}/control")
    String control(@PathVariable String code, @RequestParam(required = false) String action,
                   @RequestParam(required = false) String step, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        FormErrors errors = new FormErrors();
        errors.attempt(() -> classes.control(code, Presenter.keyed(request, response), request.getRemoteAddr(),
                ControlAction.of(action), FormNumbers.integer("step", step)));
        if (errors.isEmpty()) {
            return "redirect:/lecture/" + code + "/presenter";
        }
        presented(code, request, model);
        response.setStatus(errors.status().value());
        model.addAttribute("message", String.join(" ", wording.page(errors).values()));
        return "lecture/presenter";
    }

    /**
     * A pairing code for a phone, shown once in the presenter view with the QR code of the page where the phone types
     * it. Neither the QR code nor any link carries a key.
     */
    @PostMapping("/lecture/{code}/pairing")
    String offerPairing(@PathVariable String code, HttpServletRequest request, Model model) {
        ClassSession session = presented(code, request, model);
        model.addAttribute("pairingCode", classes.offerPairing(session, Presenter.of(request)));
        model.addAttribute("pairingMinutes", PairingCode.LIFETIME.toMinutes());
        return "lecture/presenter";
    }

    /** The QR code of the page where a phone types its pairing code. */
    @GetMapping(path = "/lecture/{code}/remote.svg", produces = "image/svg+xml")
    ResponseEntity<String> remoteQr(@PathVariable String code) {
        ClassSession session = classes.session(code);
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .body(QrCode.svg(web.link("/lecture/" + session.code() + "/remote")));
    }

    /** Where a phone types the pairing code its presenter shows. */
    @GetMapping("/lecture/{code}/remote")
    String pairing(@PathVariable String code, Model model) {
        model.addAttribute("code", classes.session(code).code());
        model.addAttribute("digits", PairingCode.DIGITS);
        return "lecture/remote";
    }

    /** Pairs the phone when its code is open: it becomes a presenter of the session and opens the controls. */
    @PostMapping("/lecture/{code}/remote")
    String pair(@PathVariable String code, @RequestParam(required = false) String pairing,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        ClassSession session = classes.session(code);
        if (classes.pair(session, pairing, ClassCookies.PRESENTER.readOrIssue(request, response))) {
            return "redirect:/lecture/" + session.code() + "/presenter";
        }
        response.setStatus(HttpStatus.FORBIDDEN.value());
        model.addAttribute("code", session.code());
        model.addAttribute("digits", PairingCode.DIGITS);
        model.addAttribute("message", wording.page("page.remote.wrongCode", PairingCode.LIFETIME.toMinutes()));
        return "lecture/remote";
    }

    @GetMapping(path = "/join/{code}/qr.svg", produces = "image/svg+xml")
    ResponseEntity<String> qr(@PathVariable String code) {
        ClassSession session = classes.session(code);
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .body(QrCode.svg(web.link("/join/" + session.code())));
    }

    private ClassSession presented(String code, HttpServletRequest request, Model model) {
        ClassSession session = classes.session(code);
        classes.requirePresenter(session, Presenter.of(request));
        Deck deck = decks.of(session);
        model.addAttribute("classSession", session);
        model.addAttribute("deck", deck);
        model.addAttribute("step", deck.step(session.step()));
        model.addAttribute("state", snapshots.state(session));
        model.addAttribute("joinUrl", web.link("/join"));
        return session;
    }
}
