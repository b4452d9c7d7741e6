package dev.firesight.app.window;

import dev.firesight.parser.query.Butterfly;

import java.util.List;

/** The rows of the callers and callees tables of the selected method, as shares of its whole weight. */
public record CallersAndCallees(List<MethodRow> callers, List<MethodRow> callees) {
    public static final CallersAndCallees NONE = new CallersAndCallees(List.of(), List.of());

    public static CallersAndCallees of(Butterfly b) {
        return new CallersAndCallees(b.callers().stream().map(m -> MethodRow.of(m, b.whole())).toList(),
                b.callees().stream().map(m -> MethodRow.of(m, b.whole())).toList());
    }
}
