package ai.alphacore.validation.verification;

import ai.alphacore.core.judge.Judge;
import ai.alphacore.sandbox.intake.Workspace;
import ai.alphacore.validation.job.Deadline;
import ai.alphacore.validation.job.JobLog;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * Everything a verification may use for one job.
 *
 * @param scratch a directory private to this job (created on demand, deleted after the job)
 * @param stages where the verification reports the timings of its own stages
 */
public record VerificationContext(
    String jobId, JsonNode task, Workspace workspace, Judge judge, JobLog log, Deadline deadline, Path scratch, StageSink stages) {}
