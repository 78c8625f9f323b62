package chipcast.dataset;

import java.util.List;

/**
 * The dataset cannot be built: a source file is malformed, a curated rule is broken, or a check fails. The
 * message names the file and what to change; BuildDataset prints it without a stack trace.
 */
public final class DatasetException extends RuntimeException {
    private final List<String> problems;

    public DatasetException(String problem) {
        this(List.of(problem));
    }

    public DatasetException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
