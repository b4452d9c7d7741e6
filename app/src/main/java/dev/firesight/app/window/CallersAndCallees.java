package dev.firesight.app.window;

import dev.firesight.parser.query.Butterfly;

import java.util.List;
import java.util.Map;

/** The rows of the callers and callees tables of the selected method, as shares of its whole weight. */
public record CallersAndCallees(List<MethodRow> callers, List<MethodRow> callees) {
    public static final CallersAndCallees NONE = new CallersAndCallees(List.of(), List.of());

    /** @param labels table names by full name, as the hot methods show them ("(root)" and such stay) */
    public static CallersAndCallees of(Butterfly b, Map<String, String> labels) {
        return new CallersAndCallees(
                b.callers().stream().map(m -> MethodRow.of(m, b.whole(), labels.getOrDefault(m.name(), m.name()))).toList(),
                b.callees().stream().map(m -> MethodRow.of(m, b.whole(), labels.getOrDefault(m.name(), m.name()))).toList());
    }
}
