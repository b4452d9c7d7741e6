package dev.firesight.attach;

/** The target JVM refuses to load agents at run time ({@code -XX:-EnableDynamicAgentLoading}). */
public final class AgentLoadingRefusedException extends AttachException {
    private static final long serialVersionUID = 1L;

    public AgentLoadingRefusedException(String message) {
        super(message);
    }

    public AgentLoadingRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
