package io.asegraph.analysis.audit;

import io.asegraph.analysis.FlowResult;
import io.asegraph.analysis.Reference;
import java.util.List;
import java.util.Objects;

/**
 * One row of a reachability matrix: a caller and, in the order the destinations were given, the flow to each.
 *
 * @param from  the caller as resolved
 * @param cells one flow per destination
 */
public record MatrixRow(Reference from, List<Cell> cells) {
    public MatrixRow {
        Objects.requireNonNull(from, "from");
        cells = List.copyOf(cells);
    }

    /** The flow from the row's caller to one destination. */
    public record Cell(Reference to, FlowResult flow) {
        public Cell {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(flow, "flow");
        }
    }
}
