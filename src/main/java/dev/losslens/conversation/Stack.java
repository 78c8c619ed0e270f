package dev.losslens.conversation;

import dev.losslens.notation.Keyed;

/** The training stacks the mask Rosetta speaks for, with the documentation each one's rules come from. */
public enum Stack implements Keyed {
    TRL("https://huggingface.co/docs/trl/sft_trainer"),
    AXOLOTL("https://docs.axolotl.ai/docs/dataset-formats/conversation.html"),
    LLAMA_FACTORY("https://github.com/hiyouga/LLaMA-Factory/pull/4777"),
    TORCHTUNE("https://docs.pytorch.org/torchtune/stable/generated/torchtune.data.mask_messages.html");

    private final String documentation;

    Stack(String documentation) {
        this.documentation = documentation;
    }

    public String documentation() {
        return documentation;
    }
}
