package dev.firesight.app.window;

import dev.firesight.parser.query.CallTree;

/** Bridges the Export menu to the flame graph exporters. */
final class FlameExports {
    private FlameExports() {
    }

    static ExportActions.ExportWriter writer(RecordingTabView tab, ExportFormat format, CallTree tree) {
        return target -> {
            throw new UnsupportedOperationException(format.description() + " export is not available in this build");
        };
    }
}
