package ai.alphacore.cloud.cloudsim;

import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.cloud.cloudsim.SimClient.Res;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudSimTest {
  @TempDir Path dir;
  CloudSim sim;
  SimClient dev;

  @BeforeEach
  void start() {
    sim = CloudSim.start(new CloudSim.Config("127.0.0.1", 0, dir, false));
    dev = new SimClient(sim.baseUri(), "dev");
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void bindsLoopbackAndKeepsTheAdminTokenPrivate() throws Exception {
    assertThat(sim.baseUri().getHost()).isEqualTo("127.0.0.1");
    Path f = dir.resolve("admin-token");
    assertThat(Files.readString(f).trim()).isEqualTo(sim.adminToken());
    assertThat(Files.getPosixFilePermissions(f)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void rejectsMissingAndUnknownTokensWithGoogleShapedErrors() {
    Res none = new SimClient(sim.baseUri(), null).get("/v1/projects/demo-project-1/topics");
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.json().path("error").path("status").asText()).isEqualTo("UNAUTHENTICATED");
    assertThat(none.json().path("error").path("code").asInt()).isEqualTo(401);
    assertThat(dev.as("nope").get("/v1/projects/demo-project-1/topics").status()).isEqualTo(401);
  }

  @Test
  void unknownPathsAndMethodsAreClearErrors() {
    Res r = dev.get("/v1/nothing/here");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().path("error").path("message").asText()).contains("docs/cloudsim.md");
    assertThat(dev.send("PATCH", "/v1/projects/demo-project-1/topics/t1", new byte[0], null).status()).isEqualTo(405);
    assertThat(dev.put("/v1/projects/demo-project-1/topics/abc", "{not json").status()).isEqualTo(400);
  }

  @Test
  void computeNetworkSubnetFirewallInstanceLifecycle() {
    String p = "/compute/v1/projects/demo-project-1";
    Res op = dev.post(p + "/global/networks", "{\"name\":\"vpc-a\",\"autoCreateSubnetworks\":false}");
    assertThat(op.status()).isEqualTo(200);
    assertThat(op.json().path("kind").asText()).isEqualTo("compute#operation");
    assertThat(op.json().path("status").asText()).isEqualTo("RUNNING");
    Res polled = dev.get(p + "/global/operations/" + op.json().path("name").asText());
    assertThat(polled.json().path("status").asText()).isEqualTo("DONE");
    assertThat(dev.post(p + "/global/networks", "{\"name\":\"vpc-a\"}").status()).isEqualTo(409);
    assertThat(dev.post(p + "/global/networks", "{\"name\":\"Bad_Name\"}").status()).isEqualTo(400);

    Res sub = dev.post(p + "/regions/us-central1/subnetworks",
        "{\"name\":\"sub-a\",\"network\":\"https://www.googleapis.com/compute/v1/projects/demo-project-1/global/networks/vpc-a\",\"ipCidrRange\":\"10.1.0.0/24\"}");
    assertThat(sub.status()).isEqualTo(200);
    Res overlap = dev.post(p + "/regions/us-east1/subnetworks", "{\"name\":\"sub-b\",\"network\":\"global/networks/vpc-a\",\"ipCidrRange\":\"10.1.0.128/25\"}");
    assertThat(overlap.status()).isEqualTo(400);
    assertThat(overlap.json().path("error").path("message").asText()).contains("conflicts with existing subnetwork 'sub-a'");
    assertThat(dev.post(p + "/regions/us-central1/subnetworks", "{\"name\":\"sub-c\",\"network\":\"vpc-a\",\"ipCidrRange\":\"10.2.0.1/24\"}").status()).isEqualTo(400);
    assertThat(dev.post(p + "/regions/mars-north1/subnetworks", "{\"name\":\"sub-c\",\"network\":\"vpc-a\",\"ipCidrRange\":\"10.2.0.0/24\"}").status()).isEqualTo(400);

    Res fw = dev.post(p + "/global/firewalls", "{\"name\":\"fw-ssh\",\"network\":\"global/networks/vpc-a\",\"priority\":1000,"
        + "\"allowed\":[{\"IPProtocol\":\"tcp\",\"ports\":[\"22\"]}]}");
    assertThat(fw.status()).isEqualTo(200);
    Res fwGet = dev.get(p + "/global/firewalls/fw-ssh");
    assertThat(fwGet.json().path("direction").asText()).isEqualTo("INGRESS");
    assertThat(fwGet.json().path("sourceRanges").get(0).asText()).isEqualTo("0.0.0.0/0");
    assertThat(dev.post(p + "/global/firewalls", "{\"name\":\"fw-bad\",\"network\":\"vpc-a\",\"allowed\":[{\"IPProtocol\":\"icmp\",\"ports\":[\"22\"]}]}").status()).isEqualTo(400);
    assertThat(dev.post(p + "/global/firewalls", "{\"name\":\"fw-none\",\"network\":\"vpc-missing\",\"allowed\":[{\"IPProtocol\":\"icmp\"}]}").status()).isEqualTo(404);

    String vm = "{\"name\":\"vm-1\",\"machineType\":\"zones/us-central1-a/machineTypes/e2-small\","
        + "\"networkInterfaces\":[{\"subnetwork\":\"regions/us-central1/subnetworks/sub-a\"}],"
        + "\"disks\":[{\"boot\":true,\"initializeParams\":{\"sourceImage\":\"projects/debian-cloud/global/images/family/debian-12\"}}],"
        + "\"metadata\":{\"items\":[{\"key\":\"startup-script\",\"value\":\"#!/bin/bash\\necho hi\\n\"}]}}";
    assertThat(dev.post(p + "/zones/us-central1-a/instances", vm).status()).isEqualTo(200);
    Res i = dev.get(p + "/zones/us-central1-a/instances/vm-1");
    assertThat(i.json().path("machineType").asText()).isEqualTo("https://www.googleapis.com/compute/v1/projects/demo-project-1/zones/us-central1-a/machineTypes/e2-small");
    assertThat(i.json().path("networkInterfaces").get(0).path("network").asText()).endsWith("/global/networks/vpc-a");
    assertThat(i.json().path("networkInterfaces").get(0).path("networkIP").asText()).isEqualTo("10.1.0.2");
    assertThat(dev.post(p + "/zones/us-east1-b/instances", vm.replace("vm-1", "vm-2").replace("us-central1-a", "us-east1-b")).status())
        .as("subnet in another region").isEqualTo(400);
    assertThat(dev.post(p + "/zones/us-central1-a/instances", vm.replace("e2-small", "e9-huge").replace("vm-1", "vm-3")).status()).isEqualTo(400);

    Res inUse = dev.delete(p + "/global/networks/vpc-a");
    assertThat(inUse.status()).isEqualTo(400);
    assertThat(inUse.reason()).isEqualTo("resourceInUseByAnotherResource");
    assertThat(dev.get(p + "/zones/us-central1-a/instances").json().path("items")).hasSize(1);
    assertThat(dev.delete(p + "/zones/us-central1-a/instances/vm-1").status()).isEqualTo(200);
    assertThat(dev.delete(p + "/global/firewalls/fw-ssh").status()).isEqualTo(200);
    assertThat(dev.delete(p + "/regions/us-central1/subnetworks/sub-a").status()).isEqualTo(200);
    assertThat(dev.delete(p + "/global/networks/vpc-a").status()).isEqualTo(200);
    assertThat(dev.get(p + "/global/networks/vpc-a").status()).isEqualTo(404);
  }

  @Test
  void bucketNamesAreGlobalAndFollowGcsRules() {
    assertThat(dev.post("/storage/v1/b?project=demo-project-1", "{\"name\":\"shared-name\",\"location\":\"us-east1\"}").status()).isEqualTo(200);
    Res taken = dev.post("/storage/v1/b?project=other-project-2", "{\"name\":\"shared-name\"}");
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.json().path("error").path("message").asText()).contains("namespace is shared");
    for (String bad : new String[] {"ab", "Upper", "goog-x", "my-google-b", "a..b", "192.168.5.4", "-lead"}) {
      assertThat(dev.post("/storage/v1/b?project=demo-project-1", "{\"name\":\"" + bad + "\"}").status()).as(bad).isEqualTo(400);
    }
    assertThat(dev.post("/storage/v1/b", "{\"name\":\"no-project-b\"}").status()).isEqualTo(400);
    Res b = dev.get("/storage/v1/b/shared-name");
    assertThat(b.json().path("location").asText()).isEqualTo("US-EAST1");
    assertThat(b.json().path("storageClass").asText()).isEqualTo("STANDARD");
    assertThat(b.json().path("selfLink").asText()).isEqualTo("https://www.googleapis.com/storage/v1/b/shared-name");
  }

  @Test
  void objectsUploadByMediaAndMultipartAndBlockBucketDelete() {
    dev.post("/storage/v1/b?project=demo-project-1", "{\"name\":\"obj-bucket\"}");
    Res up = dev.send("POST", "/upload/storage/v1/b/obj-bucket/o?uploadType=media&name=dir%2Fhello.txt", "hello".getBytes(StandardCharsets.UTF_8), "text/plain");
    assertThat(up.status()).isEqualTo(200);
    assertThat(up.json().path("md5Hash").asText()).isEqualTo("XUFAKrxLKna5cZ2REBfFkg==");
    assertThat(up.json().path("crc32c").asText()).isEqualTo("mnG7TA==");
    Res meta = dev.get("/storage/v1/b/obj-bucket/o/dir%2Fhello.txt");
    assertThat(meta.json().path("contentType").asText()).isEqualTo("text/plain");
    assertThat(meta.json().path("size").asText()).isEqualTo("5");
    assertThat(new String(dev.get("/storage/v1/b/obj-bucket/o/dir%2Fhello.txt?alt=media").raw(), StandardCharsets.UTF_8)).isEqualTo("hello");

    String body = "--XYZ\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n{\"name\":\"m.txt\",\"contentType\":\"text/plain\"}\r\n"
        + "--XYZ\r\nContent-Type: text/plain\r\n\r\nmultipart body\r\n--XYZ--\r\n";
    Res mp = dev.send("POST", "/upload/storage/v1/b/obj-bucket/o?uploadType=multipart", body.getBytes(StandardCharsets.UTF_8), "multipart/related; boundary=XYZ");
    assertThat(mp.status()).isEqualTo(200);
    assertThat(new String(dev.get("/download/storage/v1/b/obj-bucket/o/m.txt?alt=media").raw(), StandardCharsets.UTF_8)).isEqualTo("multipart body");
    assertThat(dev.get("/storage/v1/b/obj-bucket/o").json().path("items")).hasSize(2);

    Res notEmpty = dev.delete("/storage/v1/b/obj-bucket");
    assertThat(notEmpty.status()).isEqualTo(409);
    assertThat(dev.delete("/storage/v1/b/obj-bucket/o/dir%2Fhello.txt").status()).isEqualTo(204);
    assertThat(dev.delete("/storage/v1/b/obj-bucket/o/m.txt").status()).isEqualTo(204);
    assertThat(dev.delete("/storage/v1/b/obj-bucket").status()).isEqualTo(204);
    assertThat(dev.get("/storage/v1/b/obj-bucket").status()).isEqualTo(404);
  }

  @Test
  void bucketIamPoliciesCheckEtags() {
    dev.post("/storage/v1/b?project=demo-project-1", "{\"name\":\"iam-bucket\"}");
    Res p = dev.get("/storage/v1/b/iam-bucket/iam");
    assertThat(p.json().path("bindings").toString()).contains("projectOwner:demo-project-1");
    String etag = p.json().path("etag").asText();
    String policy = "{\"etag\":\"" + etag + "\",\"bindings\":[{\"role\":\"roles/storage.objectViewer\",\"members\":[\"serviceAccount:v@x.iam.gserviceaccount.com\"]}]}";
    Res set = dev.put("/storage/v1/b/iam-bucket/iam", policy);
    assertThat(set.status()).isEqualTo(200);
    assertThat(set.json().path("etag").asText()).isNotEqualTo(etag);
    assertThat(dev.put("/storage/v1/b/iam-bucket/iam", policy).status()).as("stale etag").isEqualTo(409);
    assertThat(dev.put("/storage/v1/b/iam-bucket/iam", "{\"bindings\":[{\"role\":\"roles/x\",\"members\":[\"nobody\"]}]}").status()).isEqualTo(400);
  }

  @Test
  void pubsubTopicsAndSubscriptions() {
    String p = "/v1/projects/demo-project-1";
    assertThat(dev.put(p + "/topics/orders", "{\"messageRetentionDuration\":\"600s\"}").status()).isEqualTo(200);
    assertThat(dev.put(p + "/topics/orders", "{}").status()).isEqualTo(409);
    assertThat(dev.put(p + "/topics/goog-x", "{}").status()).isEqualTo(400);
    assertThat(dev.put(p + "/topics/short", "{\"messageRetentionDuration\":\"5s\"}").status()).isEqualTo(400);
    Res sub = dev.put(p + "/subscriptions/orders-sub", "{\"topic\":\"projects/demo-project-1/topics/orders\",\"ackDeadlineSeconds\":30,"
        + "\"retainAckedMessages\":true,\"expirationPolicy\":{\"ttl\":\"172800s\"}}");
    assertThat(sub.status()).isEqualTo(200);
    assertThat(sub.json().path("messageRetentionDuration").asText()).isEqualTo("604800s");
    assertThat(dev.put(p + "/subscriptions/sub-2", "{\"topic\":\"projects/demo-project-1/topics/none\"}").status()).isEqualTo(404);
    assertThat(dev.put(p + "/subscriptions/sub-3", "{\"topic\":\"projects/demo-project-1/topics/orders\",\"ackDeadlineSeconds\":5}").status()).isEqualTo(400);
    assertThat(dev.put(p + "/subscriptions/sub-4", "{\"topic\":\"projects/demo-project-1/topics/orders\",\"expirationPolicy\":{\"ttl\":\"3600s\"}}").status()).isEqualTo(400);
    assertThat(dev.get(p + "/topics").json().path("topics")).hasSize(1);
    assertThat(dev.delete(p + "/topics/orders").status()).isEqualTo(200);
    assertThat(dev.get(p + "/subscriptions/orders-sub").json().path("topic").asText()).isEqualTo("_deleted-topic_");
  }

  @Test
  void artifactRegistryUsesLongRunningOperations() {
    String p = "/v1/projects/demo-project-1/locations/us-central1";
    Res op = dev.post(p + "/repositories?repositoryId=images", "{\"format\":\"DOCKER\"}");
    assertThat(op.status()).isEqualTo(200);
    assertThat(op.json().path("done").asBoolean()).isFalse();
    Res done = dev.get("/v1/" + op.json().path("name").asText());
    assertThat(done.json().path("done").asBoolean()).isTrue();
    assertThat(done.json().path("response").path("name").asText()).isEqualTo("projects/demo-project-1/locations/us-central1/repositories/images");
    assertThat(dev.get(p + "/repositories/images").json().path("registryUri").asText()).isEqualTo("us-central1-docker.pkg.dev/demo-project-1/images");
    assertThat(dev.post(p + "/repositories?repositoryId=images", "{\"format\":\"DOCKER\"}").status()).isEqualTo(409);
    assertThat(dev.post(p + "/repositories?repositoryId=Images", "{\"format\":\"DOCKER\"}").status()).isEqualTo(400);
    assertThat(dev.post(p + "/repositories?repositoryId=other", "{\"format\":\"RPM\"}").status()).isEqualTo(400);
  }

  @Test
  void dnsZonesRecordsAndChanges() {
    String z = "/dns/v1/projects/demo-project-1/managedZones";
    assertThat(dev.post(z, "{\"name\":\"zone-a\",\"dnsName\":\"a.example.\",\"description\":\"d\"}").status()).isEqualTo(200);
    assertThat(dev.post(z, "{\"name\":\"zone-b\",\"dnsName\":\"b.example\"}").status()).as("no trailing dot").isEqualTo(400);
    Res rr = dev.post(z + "/zone-a/rrsets", "{\"name\":\"www.a.example.\",\"type\":\"A\",\"ttl\":300,\"rrdatas\":[\"192.0.2.1\"]}");
    assertThat(rr.status()).isEqualTo(200);
    assertThat(dev.post(z + "/zone-a/rrsets", "{\"name\":\"www.a.example.\",\"type\":\"A\",\"ttl\":300,\"rrdatas\":[\"192.0.2.1\"]}").status()).isEqualTo(409);
    assertThat(dev.post(z + "/zone-a/rrsets", "{\"name\":\"www.b.example.\",\"type\":\"A\",\"ttl\":300,\"rrdatas\":[\"192.0.2.1\"]}").status()).isEqualTo(400);
    assertThat(dev.post(z + "/zone-a/rrsets", "{\"name\":\"x.a.example.\",\"type\":\"A\",\"ttl\":300,\"rrdatas\":[\"300.1.1.1\"]}").status()).isEqualTo(400);
    assertThat(dev.post(z + "/zone-a/rrsets", "{\"name\":\"www.a.example.\",\"type\":\"CNAME\",\"ttl\":300,\"rrdatas\":[\"x.a.example.\"]}").status()).isEqualTo(400);
    Res ch = dev.post(z + "/zone-a/changes", "{\"additions\":[{\"name\":\"t.a.example.\",\"type\":\"TXT\",\"ttl\":60,\"rrdatas\":[\"\\\"hi\\\"\"]}]}");
    assertThat(ch.json().path("status").asText()).isEqualTo("pending");
    assertThat(dev.get(z + "/zone-a/changes/" + ch.json().path("id").asText()).json().path("status").asText()).isEqualTo("done");
    assertThat(dev.get(z + "/zone-a/rrsets/t.a.example./TXT").json().path("ttl").asInt()).isEqualTo(60);
    assertThat(dev.get(z + "/zone-a/rrsets").json().path("rrsets")).hasSize(4);
    assertThat(dev.delete(z + "/zone-a").status()).as("not empty").isEqualTo(400);
    assertThat(dev.post(z + "/zone-a/changes", "{\"deletions\":[{\"name\":\"t.a.example.\",\"type\":\"TXT\",\"ttl\":60,\"rrdatas\":[\"\\\"hi\\\"\"]}]}").status()).isEqualTo(200);
    assertThat(dev.delete(z + "/zone-a/rrsets/www.a.example./A").status()).isEqualTo(200);
    assertThat(dev.delete(z + "/zone-a").status()).isEqualTo(204);
  }

  @Test
  void iamAccountsRolesAndPolicies() {
    String p = "/v1/projects/demo-project-1";
    Res sa = dev.post(p + "/serviceAccounts", "{\"accountId\":\"deployer\",\"serviceAccount\":{\"displayName\":\"Deployer\"}}");
    assertThat(sa.status()).isEqualTo(200);
    assertThat(sa.json().path("email").asText()).isEqualTo("deployer@demo-project-1.iam.gserviceaccount.com");
    assertThat(dev.post(p + "/serviceAccounts", "{\"accountId\":\"deployer\"}").status()).isEqualTo(409);
    assertThat(dev.post(p + "/serviceAccounts", "{\"accountId\":\"abc\"}").status()).as("too short").isEqualTo(400);
    assertThat(dev.get("/v1/projects/-/serviceAccounts/deployer@demo-project-1.iam.gserviceaccount.com").status()).isEqualTo(200);
    assertThat(dev.get("/v1/projects/-/serviceAccounts/" + sa.json().path("uniqueId").asText()).status()).isEqualTo(200);
    Res set = dev.post(p + "/serviceAccounts/deployer@demo-project-1.iam.gserviceaccount.com:setIamPolicy",
        "{\"policy\":{\"bindings\":[{\"role\":\"roles/iam.serviceAccountViewer\",\"members\":[\"user:v@example.com\"]}]}}");
    assertThat(set.status()).isEqualTo(200);
    assertThat(dev.post(p + "/serviceAccounts/deployer@demo-project-1.iam.gserviceaccount.com:getIamPolicy", "{}").json().path("bindings").get(0).path("role").asText())
        .isEqualTo("roles/iam.serviceAccountViewer");

    Res role = dev.post(p + "/roles", "{\"roleId\":\"reader_x\",\"role\":{\"title\":\"R\",\"includedPermissions\":[\"storage.objects.list\",\"storage.objects.get\"],\"stage\":\"GA\"}}");
    assertThat(role.status()).isEqualTo(200);
    assertThat(role.json().path("includedPermissions").toString()).isEqualTo("[\"storage.objects.get\",\"storage.objects.list\"]");
    assertThat(dev.post(p + "/roles", "{\"roleId\":\"bad_perm\",\"role\":{\"includedPermissions\":[\"nope\"]}}").status()).isEqualTo(400);
    assertThat(dev.delete(p + "/roles/reader_x").json().path("deleted").asBoolean()).isTrue();
    assertThat(dev.post(p + "/roles", "{\"roleId\":\"reader_x\",\"role\":{}}").json().path("error").path("message").asText()).contains("deleted state");
    assertThat(dev.get(p + "/roles").json().path("roles").isMissingNode()).isTrue();
  }

  @Test
  void secretsVersionsAndAccess() {
    String p = "/v1/projects/demo-project-1/secrets";
    Res s = dev.post(p + "?secretId=api-key", "{\"replication\":{\"automatic\":{}}}");
    assertThat(s.status()).isEqualTo(200);
    assertThat(s.json().path("name").asText()).matches("projects/[0-9]{12}/secrets/api-key");
    assertThat(dev.post(p + "?secretId=no-rep", "{}").status()).isEqualTo(400);
    assertThat(dev.post(p + "?secretId=bad%20id", "{\"replication\":{\"automatic\":{}}}").status()).isEqualTo(400);
    Res v = dev.post(p + "/api-key:addVersion", "{\"payload\":{\"data\":\"c2VjcmV0\"}}");
    assertThat(v.json().path("name").asText()).endsWith("/secrets/api-key/versions/1");
    assertThat(dev.get(p + "/api-key/versions/latest:access").json().path("payload").path("data").asText()).isEqualTo("c2VjcmV0");
    assertThat(dev.post(p + "/api-key/versions/1:disable", "{}").json().path("state").asText()).isEqualTo("DISABLED");
    assertThat(dev.get(p + "/api-key/versions/1:access").status()).isEqualTo(400);
    assertThat(dev.post(p + "/api-key:addVersion", "{\"payload\":{\"data\":\"%%%\"}}").status()).isEqualTo(400);
  }

  @Test
  void schedulerJobsAndLoggingSinks() {
    String j = "/v1/projects/demo-project-1/locations/us-central1/jobs";
    Res ok = dev.post(j, "{\"name\":\"projects/demo-project-1/locations/us-central1/jobs/tick\",\"schedule\":\"*/5 * * * *\",\"timeZone\":\"UTC\","
        + "\"httpTarget\":{\"uri\":\"https://example.com/hook\"}}");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().path("httpTarget").path("httpMethod").asText()).isEqualTo("POST");
    assertThat(dev.post(j, "{\"name\":\"projects/demo-project-1/locations/us-central1/jobs/bad\",\"schedule\":\"every minute\",\"httpTarget\":{\"uri\":\"https://e.com\"}}").status()).isEqualTo(400);
    assertThat(dev.post(j, "{\"name\":\"projects/demo-project-1/locations/us-central1/jobs/two\",\"schedule\":\"* * * * *\"}").status()).isEqualTo(400);
    assertThat(dev.post(j + "/tick:pause", "{}").json().path("state").asText()).isEqualTo("PAUSED");

    String s = "/v2/projects/demo-project-1/sinks";
    Res sink = dev.post(s + "?uniqueWriterIdentity=true", "{\"name\":\"to-bucket\",\"destination\":\"storage.googleapis.com/some-bucket\",\"filter\":\"severity=ERROR\"}");
    assertThat(sink.status()).isEqualTo(200);
    assertThat(sink.json().path("writerIdentity").asText()).matches("serviceAccount:service-[0-9]{12}@gcp-sa-logging.iam.gserviceaccount.com");
    assertThat(dev.post(s, "{\"name\":\"x\",\"destination\":\"ftp://nowhere\"}").status()).isEqualTo(400);
    assertThat(dev.post(s, "{\"name\":\"to-bucket\",\"destination\":\"storage.googleapis.com/some-bucket\"}").status()).isEqualTo(409);
  }

  @Test
  void stateSurvivesARestart() {
    dev.put("/v1/projects/demo-project-1/topics/durable", "{}");
    sim.close();
    sim = CloudSim.start(new CloudSim.Config("127.0.0.1", 0, dir, false));
    dev = new SimClient(sim.baseUri(), "dev");
    assertThat(dev.get("/v1/projects/demo-project-1/topics/durable").status()).isEqualTo(200);
  }

  @Test
  void pagingIsStable() {
    for (int i = 0; i < 5; i++) dev.put("/v1/projects/demo-project-1/topics/topic-" + i, "{}");
    Res p1 = dev.get("/v1/projects/demo-project-1/topics?pageSize=2");
    assertThat(p1.json().path("topics")).hasSize(2);
    String tok = p1.json().path("nextPageToken").asText();
    Res p2 = dev.get("/v1/projects/demo-project-1/topics?pageSize=2&pageToken=" + tok);
    assertThat(p2.json().path("topics").get(0).path("name").asText()).endsWith("topic-2");
  }
}
