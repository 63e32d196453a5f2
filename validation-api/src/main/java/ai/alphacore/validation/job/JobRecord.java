package ai.alphacore.validation.job;

import java.time.Instant;

/** One job row as stored. Times are null until they happen. */
public record JobRecord(
    String jobId,
    String requestId,
    String taskId,
    String minerUid,
    JobState state,
    JobOutcome outcome,
    int attempts,
    int interruptions,
    int timeoutS,
    String taskJson,
    String originalPath,
    String submissionPath,
    String submissionSha256,
    long submissionBytes,
    String logPath,
    String resultJson,
    String error,
    String nodeId,
    Instant queuedAt,
    Instant startedAt,
    Instant finishedAt,
    Instant purgedAt) {}
