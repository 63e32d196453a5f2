package ai.alphacore.validation.job;

import java.time.Instant;

/** What a submission becomes before it is queued: the zip is already stored and hashed. */
public record NewJob(
    String jobId,
    String requestId,
    String taskId,
    String minerUid,
    int timeoutS,
    String taskJson,
    String originalPath,
    String submissionPath,
    String submissionSha256,
    long submissionBytes,
    String logPath,
    Instant queuedAt) {}
