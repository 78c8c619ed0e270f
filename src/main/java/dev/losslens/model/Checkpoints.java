package dev.losslens.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The stored form of a model: a small header with its shape, then the weights in {@link GptParameters} order. */
public final class Checkpoints {

    private static final int MAGIC = 0x4C4C434B; // "LLCK"
    private static final int FORMAT = 1;

    private Checkpoints() {
    }

    public static void write(GptParameters weights, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        ModelConfig c = weights.config();
        data.writeInt(MAGIC);
        data.writeInt(FORMAT);
        data.writeUTF(c.name());
        data.writeInt(c.layers());
        data.writeInt(c.dModel());
        data.writeInt(c.heads());
        data.writeInt(c.context());
        data.writeInt(c.vocabSize());
        weights.toList().encode(data);
        data.flush();
    }

    public static byte[] toBytes(GptParameters weights) {
        var bytes = new java.io.ByteArrayOutputStream();
        try {
            write(weights, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static GptParameters read(InputStream in, NDManager manager) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != MAGIC || data.readInt() != FORMAT) {
            throw new IOException("not a LossLens checkpoint");
        }
        ModelConfig config = new ModelConfig(data.readUTF(), data.readInt(), data.readInt(), data.readInt(),
                data.readInt(), data.readInt());
        return GptParameters.fromList(config, NDList.decode(manager, data), manager);
    }
}
