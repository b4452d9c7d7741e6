package dev.firesight.app.window;

import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.query.StackWeights;

import java.util.List;

/** What one query produces for a tab: the stack weights, the call tree and the hot methods. */
public record QueryResult(StackWeights weights, CallTree tree, List<MethodRow> hotMethods) {
}
