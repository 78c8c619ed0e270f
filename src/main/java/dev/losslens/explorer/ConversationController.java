package dev.losslens.explorer;

import dev.losslens.checkpoint.LanguageModels;
import dev.losslens.system.rejection.FormErrors;
import dev.losslens.system.rejection.FormNumbers;
import dev.losslens.system.words.Wording;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The conversation explorer: mask policies as lanes, the mask Rosetta and the linter, for a bundled or pasted template. */
@Controller
class ConversationController {

    private final ConversationMasks masks;
    private final LanguageModels models;
    private final Wording wording;

    ConversationController(ConversationMasks masks, LanguageModels models, Wording wording) {
        this.masks = masks;
        this.models = models;
        this.wording = wording;
    }

    @GetMapping("/explore/conversations")
    String conversations(@RequestParam(required = false) String example,
                         @RequestParam(required = false) String template,
                         @RequestParam(required = false) String checkpoint,
                         @RequestParam(required = false) String promptWeight,
                         Model model, HttpServletResponse http) {
        return page(example, template, null, checkpoint, promptWeight, model, http);
    }

    /** A pasted template travels in the body, not the address. */
    @PostMapping("/explore/conversations")
    String pasted(@RequestParam(required = false) String example,
                  @RequestParam(required = false) String templateSource,
                  @RequestParam(required = false) String checkpoint,
                  @RequestParam(required = false) String promptWeight,
                  Model model, HttpServletResponse http) {
        return page(example, null, templateSource == null ? "" : templateSource, checkpoint, promptWeight, model, http);
    }

    private String page(String example, String template, String templateSource, String checkpoint, String promptWeight,
                        Model model, HttpServletResponse http) {
        FormErrors errors = new FormErrors();
        Double lambda = errors.attempt(() -> FormNumbers.decimal("promptWeight", promptWeight));
        ConversationView view = errors.isEmpty() ? errors.attempt(() -> masks.view(
                new ConversationRequest(example, template, templateSource, checkpoint, lambda))) : null;
        http.setStatus(errors.status().value());
        model.addAttribute("view", view);
        model.addAttribute("form", new ConversationForm(example == null || example.isBlank()
                ? ConversationMasks.DEFAULT_EXAMPLE : example, template == null || template.isBlank()
                ? ConversationMasks.DEFAULT_TEMPLATE : template, templateSource,
                checkpoint == null || checkpoint.isBlank() ? BreakdownService.DEFAULT_CHECKPOINT : checkpoint,
                lambda == null ? BreakdownService.DEFAULT_PROMPT_WEIGHT : lambda));
        model.addAttribute("examples", masks.choices());
        model.addAttribute("templates", masks.templates().templates());
        model.addAttribute("checkpoints", models.checkpoints().stream()
                .map(info -> CheckpointOption.of(info, wording)).toList());
        model.addAttribute("maxTemplateChars", ConversationMasks.MAX_TEMPLATE_CHARS);
        model.addAttribute("errors", wording.page(errors));
        return "conversations";
    }
}
