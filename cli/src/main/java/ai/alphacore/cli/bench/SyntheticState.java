package ai.alphacore.cli.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a Terraform state of about the requested size: many resources in the Google provider's
 * shape, some of them of the judged task's own types (decoys), the task's resources last.
 */
final class SyntheticState {
  private SyntheticState() {}

  private static final List<String> TYPES = List.of("google_compute_instance", "google_storage_bucket",
      "google_pubsub_topic", "google_compute_network", "google_dns_record_set", "google_project_iam_member");

  /** @param tail the JSON text of the resources that should match, appended after the filler */
  static long write(Path out, long targetBytes, String tail, long seed) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("{\"version\":4,\"terraform_version\":\"1.12.2\",\"serial\":1,\"lineage\":\"bench\",\"outputs\":{},\"resources\":[\n");
      long written = 0;
      int i = 0;
      while (written < targetBytes) {
        String type = TYPES.get(rnd.nextInt(TYPES.size()));
        String name = "filler-" + i + "-" + Long.toHexString(rnd.nextLong());
        StringBuilder sb = new StringBuilder(1200);
        sb.append("{\"mode\":\"managed\",\"type\":\"").append(type).append("\",\"name\":\"r").append(i)
            .append("\",\"provider\":\"provider[\\\"registry.terraform.io/hashicorp/google\\\"]\",\"instances\":[{\"schema_version\":0,\"attributes\":{")
            .append("\"name\":\"").append(name).append("\",\"project\":\"bench-proj\",\"id\":\"projects/bench-proj/x/").append(name)
            .append("\",\"self_link\":\"https://www.googleapis.com/compute/v1/projects/bench-proj/global/x/").append(name)
            .append("\",\"labels\":{\"env\":\"bench\",\"team\":\"t").append(i % 17).append("\"},\"numbers\":[")
            .append(rnd.nextInt()).append(',').append(rnd.nextDouble()).append("],\"metadata_startup_script\":\"#!/bin/bash\\necho ")
            .append(Long.toHexString(rnd.nextLong())).append("\\n\",\"nested\":[{\"a\":[{\"b\":\"").append("x".repeat(200 + rnd.nextInt(400)))
            .append("\"}]}],\"enabled\":true,\"ttl\":null}," + "\"sensitive_attributes\":[],\"private\":\"eyJzY2hlbWFfdmVyc2lvbiI6IjAifQ==\"}]},\n");
        w.write(sb.toString());
        written += sb.length();
        i++;
      }
      w.write(tail);
      w.write("]}\n");
    }
    return Files.size(out);
  }
}
