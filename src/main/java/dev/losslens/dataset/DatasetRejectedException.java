package dev.losslens.dataset;

import dev.losslens.system.rejection.RejectedRequestException;
import dev.losslens.system.rejection.Rejection;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An upload turned down, with everything that is wrong at once: its fields (title, id, split, a file missing or too
 * large), one sentence per file with bad lines, and the bad lines themselves (the first {@code problems-listed}, then
 * how many more). Nothing of it was stored.
 */
public class DatasetRejectedException extends RejectedRequestException {

    private final List<Rejection> fields;
    private final List<LineProblem> lines;
    private final int moreLines;

    DatasetRejectedException(HttpStatus status, List<Rejection> fields, List<LineProblem> lines, int moreLines) {
        super(status, fields.get(0).field(), fields.get(0).code(), fields.get(0).arguments().toArray());
        this.fields = List.copyOf(fields);
        this.lines = List.copyOf(lines);
        this.moreLines = moreLines;
    }

    /** The fields at fault, each once: a file with bad lines says how many it has. */
    @Override
    public List<Rejection> rejections() {
        List<Rejection> once = new ArrayList<>();
        fields.stream().filter(rejection -> once.stream().noneMatch(seen -> seen.field().equals(rejection.field())))
                .forEach(once::add);
        return once;
    }

    public List<LineProblem> lines() {
        return lines;
    }

    /** Bad lines found beyond those listed. */
    public int moreLines() {
        return moreLines;
    }
}
