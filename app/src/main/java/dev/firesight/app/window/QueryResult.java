package dev.firesight.app.window;

import dev.firesight.parser.Profile;
import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.query.StackWeights;

import java.util.List;
import java.util.Map;

/**
 * What one query produces for a tab: the stack weights, the call tree, the hot methods and how the tables
 * name every method of the query (full name → label, unique among them), and the loaded profile it was computed
 * from. That is the tree's own profile only without transforms: with them, the tree's is the transformed copy,
 * so which profile a result belongs to is asked of {@code loaded}.
 */
public record QueryResult(StackWeights weights, CallTree tree, List<MethodRow> hotMethods,
                          Map<String, String> labels, Profile loaded) {
}
