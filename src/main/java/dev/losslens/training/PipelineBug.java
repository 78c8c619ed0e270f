package dev.losslens.training;

import dev.losslens.notation.Keyed;
import java.net.URI;
import java.util.List;

/**
 * A mistake a real training stack shipped, planted in one lane's pipeline: the lane is an instruction lane whose
 * batches, labels or loss normalisation are built the wrong way, and everything else about it (data, order, start,
 * evaluation) is its comparison's. Its title, story and the check that catches it are the runs bundle's
 * {@code bug.<key>.*}; {@link #reports} are the public reports it comes from.
 */
public enum PipelineBug implements Keyed {

    /** The prompt mask lost in a rewrite: every target counts, as in pre-training. */
    MASK_DROPPED(PipelineCheck.PROMPT_TARGETS_UNCOUNTED,
            "https://github.com/karpathy/nanochat/issues/570", "https://github.com/karpathy/nanochat/issues/582"),
    /** A chat template without a generation block: the assistant mask is all zeros, and a guarded loss reads 0. */
    NO_GENERATION_BLOCK(PipelineCheck.EVERY_ROW_COUNTS,
            "https://github.com/Liquid4All/liquid-finetune/pull/37",
            "https://github.com/NVIDIA-NeMo/Megatron-Bridge/issues/3359"),
    /** The pad token is the end-of-text token, and the collator masks the pad id: no end-of-text is ever a target. */
    END_OF_TEXT_MASKED(PipelineCheck.END_OF_TEXT_COUNTED, "https://github.com/huggingface/trl/issues/1623"),
    /** Examples packed into long rows with no boundary: later examples attend to earlier ones. */
    PACKED_WITHOUT_BOUNDARIES(PipelineCheck.ONE_EXAMPLE_PER_ATTENTION_SPAN,
            "https://github.com/MeetKai/functionary/issues/265"),
    /** Gradient accumulation that averages each micro-batch's mean instead of dividing by the batch's token count. */
    MEAN_OF_MICRO_BATCH_MEANS(PipelineCheck.NORMALISED_BY_ALL_TARGETS,
            "https://github.com/huggingface/transformers/issues/34191"),
    /** The epoch's last batch filled with empty rows, and a micro-batch of them divides 0 by 0. */
    EMPTY_MICRO_BATCH(PipelineCheck.EVERY_MICRO_BATCH_COUNTS, "https://github.com/karpathy/nanochat/issues/619"),
    /** Labels that are the inputs themselves: every position is scored on the token it reads. */
    LABELS_NOT_SHIFTED(PipelineCheck.TARGETS_FOLLOW_INPUTS, "https://github.com/macrocosm-os/pretraining/pull/64",
            "https://github.com/huggingface/transformers/issues/32944"),
    /** Long examples cut to a maximum length by dropping their end, which is where the answer is. */
    TRUNCATED_FROM_THE_RIGHT(PipelineCheck.TRUNCATION_KEEPS_ANSWERS, "https://github.com/NVIDIA/NeMo/issues/8025",
            "https://github.com/huggingface/trl/pull/6025");

    private final PipelineCheck caughtBy;
    private final List<URI> reports;

    PipelineBug(PipelineCheck caughtBy, String... reports) {
        this.caughtBy = caughtBy;
        this.reports = List.of(reports).stream().map(URI::create).toList();
    }

    /** The assertion that fails on this bug's batches and passes on a correct lane's. */
    public PipelineCheck caughtBy() {
        return caughtBy;
    }

    public List<URI> reports() {
        return reports;
    }

    @Override
    public String toString() {
        return key();
    }
}
