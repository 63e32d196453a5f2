package ai.alphacore.neurons.localnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What a miner does once on a real cloud, done for the local network's miners on cloudsim:
 * create its project (the creator becomes owner) and grant the validator read access, as every
 * task prompt asks. Speaks cloudsim's Resource Manager API with the miner's own token.
 */
final class CloudOnboarding {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private CloudOnboarding() {}

  static void createProject(URI base, String token, String project, String validatorMember) {
    ObjectNode body = JSON.createObjectNode().put("projectId", project).put("name", project);
    send(base, token, "/v1/projects", body, true); // a restarted network finds its projects there already
    JsonNode policy = send(base, token, "/v1/projects/" + project + ":getIamPolicy", JSON.createObjectNode(), false);
    ObjectNode p = policy.deepCopy();
    ArrayNode bindings = p.withArray("bindings");
    for (String role : new String[] {"roles/viewer", "roles/secretmanager.secretAccessor"}) {
      bindings.addObject().put("role", role).putArray("members").add(validatorMember);
    }
    send(base, token, "/v1/projects/" + project + ":setIamPolicy", JSON.createObjectNode().set("policy", p), false);
  }

  private static JsonNode send(URI base, String token, String path, JsonNode body, boolean existsIsFine) {
    HttpRequest r = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    try {
      HttpResponse<String> resp = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
      if (existsIsFine && resp.statusCode() == 409) return JSON.createObjectNode();
      if (resp.statusCode() / 100 != 2) {
        throw new IllegalStateException("cloudsim " + path + ": HTTP " + resp.statusCode() + " " + resp.body());
      }
      return resp.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(resp.body());
    } catch (IOException e) {
      throw new IllegalStateException("cloudsim " + path + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
  }
}
