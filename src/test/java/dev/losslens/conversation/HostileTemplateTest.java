package dev.losslens.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslens.conversation.TemplateException.Reason;
import dev.losslens.text.Tokenizer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A pasted template gets a bounded, clear answer: its result, or the reason and line it failed on. */
class HostileTemplateTest {

    private static final TemplateRenderer RENDERER = new TemplateRenderer(Tokenizer.bundled());
    private static final Conversation ONE_TURN = new Conversation(List.of(
            new Message(Speaker.USER, "What is the capital of France?"), new Message(Speaker.ASSISTANT, "Paris")));

    private static TokenizedConversation render(String source) {
        return RENDERER.render(ChatTemplate.pasted(source), ONE_TURN, 128);
    }

    private static void refused(String source, Reason reason, int line) {
        assertThatThrownBy(() -> render(source)).isInstanceOfSatisfying(TemplateException.class, refused -> {
            assertThat(refused.reason()).isEqualTo(reason);
            assertThat(refused.line()).isEqualTo(line);
        });
    }

    @Test
    void aLoopThatNeverEndsIsStoppedAtTheTimeLimit() {
        long start = System.nanoTime();
        refused("{% for a in range(200) %}{% for b in range(200) %}{% for c in range(200) %}{% for d in range(200) %}"
                + "{% endfor %}{% endfor %}{% endfor %}{% endfor %}", Reason.TOO_SLOW, 0);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void pastedTemplatesThatFillTheRenderersNeverHoldUpABundledOne() throws Exception {
        String endless = "{% for a in range(200) %}{% for b in range(200) %}{% for c in range(200) %}"
                + "{% endfor %}{% endfor %}{% endfor %}";
        TemplateRenderer renderer = new TemplateRenderer(Tokenizer.bundled());
        ExecutorService learners = Executors.newFixedThreadPool(24);
        List<CompletableFuture<TemplateException.Reason>> pasted = IntStream.range(0, 24)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        renderer.render(ChatTemplate.pasted(endless), ONE_TURN, 128);
                        return null;
                    } catch (TemplateException refused) {
                        return refused.reason();
                    }
                }, learners)).toList();
        Thread.sleep(200);
        TokenizedConversation bundled = renderer.render(ChatTemplates.bundled().get("chatml"), ONE_TURN, 128);
        assertThat(bundled.lastAnswer()).isEqualTo("Paris");
        assertThat(pasted.stream().map(CompletableFuture::join).toList())
                .containsOnly(Reason.TOO_SLOW, Reason.BUSY).contains(Reason.BUSY);
        learners.shutdown();
    }

    @Test
    void hugeOutputAndHugeRangesAreRefused() {
        assertThatThrownBy(() -> render("{% for i in range(200) %}{{ messages }}{{ messages }}{{ messages }}{% endfor %}"))
                .isInstanceOfSatisfying(TemplateException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.TOO_LARGE));
        assertThat(render("{% for i in range(100000) %}x{% endfor %}{{ messages[1]['content'] }}").text())
                .as("a range is cut at its limit").hasSizeLessThanOrEqualTo(JinjaSandbox.MAX_RANGE + 5);
    }

    @Test
    void includeImportAndExtendsReadNoFile() {
        refused("{% include '/etc/passwd' %}", Reason.FORBIDDEN_TAG, 1);
        refused("\n{% import 'macros.jinja' as m %}", Reason.FORBIDDEN_TAG, 2);
        refused("{% extends 'base.jinja' %}", Reason.FORBIDDEN_TAG, 1);
    }

    @Test
    void aSyntaxErrorNamesItsLine() {
        refused("{% for message in messages %}\n{{ message['content'] }}\n{% if %}\n{% endfor %}", Reason.ERROR, 3);
        assertThatThrownBy(() -> render("{{ raise_exception('Only user and assistant roles are supported') }}"))
                .isInstanceOfSatisfying(TemplateException.class,
                        refused -> assertThat(refused.getMessage()).contains("Only user and assistant roles"));
    }

    @Test
    void aTemplatePastedFromABrowserRendersAsJinjaRendersIt() {
        String zephyr = "{% for message in messages %}\n    {{- '<|' + message['role'] + '|>\\n' }}\n"
                + "    {{- message['content'] + eos_token }}\n{% endfor %}";
        String expected = "<|user|>\nWhat is the capital of France?<|endoftext|>\n<|assistant|>\nParis<|endoftext|>\n";
        assertThat(render(zephyr).text()).isEqualTo(expected);
        assertThat(render(zephyr.replace("\n", "\r\n")).text()).as("line breaks as a browser sends them")
                .isEqualTo(expected);
        assertThat(render("a {% if true %}b{% endif %}\n  {% if true %}c{% endif %}\nd").text())
                .as("lstrip_blocks strips only at a line's start").isEqualTo("a bcd");
        assertThat(render("x {{ 'y' -}}   \n z{{ messages[1]['content'] }}").text()).isEqualTo("x yz" + "Paris");
    }

    @Test
    void scriptInTheTemplateIsRenderedAsText() {
        TokenizedConversation conversation = render("<script>alert(1)</script>{% for m in messages %}{{ m['content'] }}"
                + "{{ eos_token }}{% endfor %}");
        assertThat(conversation.text()).startsWith("<script>alert(1)</script>What is");
        assertThat(conversation.tokens()).extracting(ConversationToken::part).contains(Part.END_OF_TURN);
    }
}
