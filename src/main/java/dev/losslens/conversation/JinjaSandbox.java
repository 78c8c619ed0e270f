package dev.losslens.conversation;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.loader.ResourceLocator;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders chat templates the way {@code transformers} does (Jinja with {@code trim_blocks} and {@code lstrip_blocks},
 * the variables {@code messages}, {@code add_generation_prompt}, {@code bos_token}, {@code eos_token} and the function
 * {@code raise_exception}), with a learner's template in mind: no file is ever read, output, strings, lists and ranges
 * are bounded, and each rendering runs on one of a few threads and is interrupted when it takes too long.
 */
final class JinjaSandbox {

    static final int MAX_OUTPUT_CHARS = 16_384;
    static final int MAX_RANGE = 256;
    private static final int THREADS = 2;
    private static final int WAITING = 16;
    private static final int IDLE_SECONDS = 30;
    private static final Set<String> FILE_TAGS = Set.of("include", "import", "from", "extends");

    /** Jinja's lstrip_blocks: spaces and tabs from a line's start to a block tag or comment (jinjava's own strips them mid-line too). */
    private static final Pattern LINE_START_BEFORE_BLOCK = Pattern.compile("(?m)^[ \\t]+(?=\\{%(?!\\+)|\\{#)");
    private static final Pattern TRIM_BEFORE = Pattern.compile("\\s*\\{\\{-");
    private static final Pattern TRIM_AFTER = Pattern.compile("-}}\\s*");
    private static final Pattern FILE_TAG = Pattern.compile("\\{%-?\\s*(include|import|from|extends)\\b");

    private final Jinjava jinjava;
    /** The same engine without trim_blocks, whose line numbers count every line of the source. */
    private final Jinjava lineCounter;
    private final Duration timeLimit;
    private final ThreadPoolExecutor threads = new ThreadPoolExecutor(THREADS, THREADS, IDLE_SECONDS, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(WAITING), runnable -> {
                Thread thread = new Thread(runnable, "chat-template");
                thread.setDaemon(true);
                return thread;
            });

    JinjaSandbox(Duration timeLimit) {
        this.timeLimit = timeLimit;
        threads.allowCoreThreadTimeOut(true);
        jinjava = engine(true);
        lineCounter = engine(false);
    }

    private static Jinjava engine(boolean trimBlocks) {
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withTrimBlocks(trimBlocks)
                .withMaxOutputSize(MAX_OUTPUT_CHARS)
                .withMaxStringLength(MAX_OUTPUT_CHARS)
                .withMaxListSize(MAX_RANGE)
                .withMaxMapSize(MAX_RANGE)
                .withRangeLimit(MAX_RANGE)
                .withMaxRenderDepth(8)
                .withEnableRecursiveMacroCalls(false)
                .withDisabled(Map.of(Context.Library.TAG, FILE_TAGS))
                .build();
        Jinjava engine = new Jinjava(config);
        engine.setResourceLocator(new NoFiles());
        engine.registerTag(new GenerationTag());
        engine.registerFunction(new ELFunctionDefinition("", "raise_exception", JinjaSandbox.class, "raiseException",
                String.class));
        return engine;
    }

    /** Called by templates as {@code raise_exception('…')}, as transformers defines it. */
    public static String raiseException(String message) {
        throw new Raised(message);
    }

    /** What a template's {@code raise_exception} says. */
    private static final class Raised extends RuntimeException {
        Raised(String message) {
            super(message);
        }
    }

    /** Jinjava's words for an error, or the template's own when it raised one. */
    private static String detail(TemplateError error) {
        for (Throwable cause = error.getException(); cause != null; cause = cause.getCause()) {
            if (cause instanceof Raised raised) {
                return raised.getMessage();
            }
        }
        return error.getMessage();
    }

    /**
     * The template's output with the generation marks still in. A bundled template renders on the caller's thread; a
     * pasted one on the sandbox's few threads under the time limit, so that pasted templates never hold up the bundled
     * ones that training, the quiz and other learners render.
     */
    Rendering render(ChatTemplate template, List<Message> messages, boolean addGenerationPrompt) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("messages", messages.stream().map(Message::asTemplateValue).toList());
        variables.put("add_generation_prompt", addGenerationPrompt);
        variables.put("bos_token", template.bosToken());
        variables.put("eos_token", template.eosToken());
        String source = asJinjaReadsIt(template.source());
        RenderResult result = template.bundled() ? jinjava.renderForResult(source, variables)
                : withinTimeLimit(source, variables);
        TemplateError fatal = result.getErrors().stream()
                .filter(error -> error.getSeverity() == TemplateError.ErrorType.FATAL).findFirst().orElse(null);
        if (fatal != null) {
            throw new TemplateException(reason(fatal), line(template.source(), variables, fatal), detail(fatal));
        }
        if (result.getOutput().length() > MAX_OUTPUT_CHARS) {
            throw new TemplateException(TemplateException.Reason.TOO_LARGE, 0, "");
        }
        return Rendering.of(result.getOutput());
    }

    private RenderResult withinTimeLimit(String source, Map<String, Object> variables) {
        Future<RenderResult> rendering;
        try {
            rendering = threads.submit(() -> jinjava.renderForResult(source, variables));
        } catch (RejectedExecutionException busy) {
            throw new TemplateException(TemplateException.Reason.BUSY, 0, "");
        }
        try {
            return rendering.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            rendering.cancel(true);
            throw new TemplateException(TemplateException.Reason.TOO_SLOW, 0, "");
        } catch (InterruptedException interrupted) {
            rendering.cancel(true);
            Thread.currentThread().interrupt();
            throw new TemplateException(TemplateException.Reason.TOO_SLOW, 0, "");
        } catch (ExecutionException failed) {
            throw new TemplateException(TemplateException.Reason.ERROR, 0, String.valueOf(failed.getCause().getMessage()));
        }
    }

    /**
     * What Jinja itself does before parsing and jinjava does not: line breaks become {@code \n}, lstrip_blocks strips
     * only from a line's start, and {@code {{-} / {@code -}}} strip the whitespace beside an expression.
     */
    static String asJinjaReadsIt(String source) {
        String lines = source.replace("\r\n", "\n").replace('\r', '\n');
        String stripped = LINE_START_BEFORE_BLOCK.matcher(lines).replaceAll("");
        return TRIM_AFTER.matcher(TRIM_BEFORE.matcher(stripped).replaceAll("{{")).replaceAll("}}");
    }

    /** The source line an error stands on: trim_blocks makes jinjava count the lines of its trimmed text. */
    private int line(String source, Map<String, Object> variables, TemplateError error) {
        if (reason(error) == TemplateException.Reason.FORBIDDEN_TAG) {
            Matcher tag = FILE_TAG.matcher(source);
            return tag.find() ? 1 + (int) source.substring(0, tag.start()).chars().filter(c -> c == '\n').count() : 0;
        }
        return lineCounter.renderForResult(source, variables).getErrors().stream()
                .filter(untrimmed -> untrimmed.getSeverity() == TemplateError.ErrorType.FATAL)
                .mapToInt(TemplateError::getLineno).findFirst().orElse(Math.max(error.getLineno(), 0));
    }

    private static TemplateException.Reason reason(TemplateError error) {
        return switch (error.getReason()) {
            case OUTPUT_TOO_BIG, OVER_LIMIT, COLLECTION_TOO_BIG -> TemplateException.Reason.TOO_LARGE;
            case DISABLED, BAD_URL -> TemplateException.Reason.FORBIDDEN_TAG;
            default -> TemplateException.Reason.ERROR;
        };
    }

    /** Templates read no other file. */
    private static final class NoFiles implements ResourceLocator {
        @Override
        public String getString(String fullName, Charset encoding, JinjavaInterpreter interpreter) throws IOException {
            throw new IOException("templates read no other file");
        }
    }
}
