package dev.losslens.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Named arrays whose leading axis is the lane, (L, …): a stack's weights, their starting points or an optimiser
 * moment. Lanes are appended at the end and removed by keeping the others, in order.
 */
final class LaneTensors implements AutoCloseable {

    private final NDManager manager;
    private final Map<String, NDArray> arrays = new LinkedHashMap<>();

    LaneTensors(NDManager parent) {
        this.manager = parent.newSubManager();
    }

    Map<String, NDArray> byName() {
        return Collections.unmodifiableMap(arrays);
    }

    /** Appends lanes: {@code added} maps every name to its new lanes (n, …), which go after those here. */
    void append(Map<String, NDArray> added) {
        added.forEach((name, lanes) -> update(name, old -> old == null ? lanes.duplicate() : old.concat(lanes, 0)));
    }

    /** Keeps the given lanes, in the given order; {@code index} (L′) holds their positions. */
    void keep(NDArray index) {
        arrays.keySet().forEach(name -> update(name, old -> old.get(index)));
    }

    private void update(String name, UnaryOperator<NDArray> change) {
        NDArray old = arrays.get(name);
        NDArray replaced = change.apply(old);
        replaced.attach(manager);
        NDScope.unregister(replaced);
        arrays.put(name, replaced);
        if (old != null) {
            old.close();
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
