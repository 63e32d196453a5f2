package ai.alphacore.sandbox.backend;

import java.time.Duration;

/** A stage the guest runner timed itself ({@code init}, {@code refresh}) and its exit code. */
public record GuestStage(String name, int exitCode, Duration duration) {}
