package ai.alphacore.core.judge.compat;

import static ai.alphacore.core.judge.Fixtures.score;
import static ai.alphacore.core.judge.Fixtures.state;
import static ai.alphacore.core.judge.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import ai.alphacore.core.judge.JudgeMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Per-resource-type rows of validation.md 2.4 through the whole judge, as the vectors of 7.3
 * state them (type | match | comparison_rule | state attributes | score).
 */
class CompatResourceChecksTest {
  @ParameterizedTest(name = "{0}: {1} vs {3} -> {4}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    // network: NAMERULE on name, STRICT otherwise
    "google_compute_network|{'values.name':'net-abc','values.auto_create_subnetworks':false}|{'values.name':'starts_with'}|{'name':'net-abc-m1','auto_create_subnetworks':false}|1.0",
    "google_compute_network|{'values.name':'net-abc'}|{}|{'name':'net-abc-zzz'}|1.0",
    "google_compute_network|{'values.name':'net-abc'}|{'values.name':'exact_match'}|{'name':'net-abc-zzz'}|0.0",
    "google_compute_network|{'values.auto_create_subnetworks':0}|{}|{'auto_create_subnetworks':false}|1.0",
    // subnetwork: network REF ignoring the rule (B1)
    "google_compute_subnetwork|{'values.network':'net-abc'}|{'values.network':'ends_with'}|{'network':'https://www.googleapis.com/compute/v1/projects/p/global/networks/m1-net-abc'}|0.0",
    "google_compute_subnetwork|{'values.region':'us-central1','values.ip_cidr_range':'10.0.1.0/24'}|{}|{'region':'US-CENTRAL1','ip_cidr_range':'10.0.1.0/24'}|1.0",
    // firewall: allow blocks, any block, no range expansion, case-sensitive protocol
    "google_compute_firewall|{'values.allow.0.protocol':'tcp','values.allow.0.ports.0':'22'}|{}|{'allow':[{'protocol':'udp','ports':['53']},{'protocol':'tcp','ports':['22','80-90']}]}|1.0",
    "google_compute_firewall|{'values.allow.0.protocol':'tcp','values.allow.0.ports.0':22}|{}|{'allow':[{'protocol':'tcp','ports':['22']}]}|1.0",
    "google_compute_firewall|{'values.allow.0.protocol':'tcp','values.allow.0.ports.0':'85'}|{}|{'allow':[{'protocol':'tcp','ports':['80-90']}]}|0.0",
    "google_compute_firewall|{'values.allow.0.protocol':'TCP'}|{}|{'allow':[{'protocol':'tcp'}]}|0.0",
    "google_compute_firewall|{'values.allow.0.ports.0':'9999'}|{}|{'allow':[{'protocol':'tcp','ports':['22']}]}|1.0",
    "google_compute_firewall|{'values.priority':'1000'}|{}|{'priority':1000}|0.0",
    "google_compute_firewall|{'values.direction':'ingress'}|{}|{'direction':'INGRESS'}|1.0",
    // instance: subnetwork rule/REF, startup script, zone STRICT
    "google_compute_instance|{'values.network_interface.0.subnetwork':'sub-1'}|{'values.network_interface.0.subnetwork':'starts_with'}|{'network_interface':[{'subnetwork':'https://x/subnetworks/sub-1-m1'}]}|1.0",
    "google_compute_instance|{'values.subnetwork':'sub-1'}|{}|{'network_interface':[{'subnetwork':'https://x/subnetworks/sub-1'}]}|1.0",
    "google_compute_instance|{'values.name':'m-1'}|{'values.name':'ends_with'}|{'name':'vm-1'}|1.0",
    "google_compute_instance|{'values.metadata_startup_script':'#!/bin/bash\\necho hi\\n'}|{}|{'metadata_startup_script':null}|0.0",
    "google_compute_instance|{'values.zone':'US-CENTRAL1-A'}|{}|{'zone':'us-central1-a'}|0.0",
    "google_compute_instance|{'values.machine_type':'projects/x/zones/y/machineTypes/E2-SMALL'}|{}|{'machine_type':'e2-small'}|1.0",
    // dns
    "google_dns_managed_zone|{'values.name':'zabc','values.dns_name':'zabc.acore.example.'}|{'values.name':'starts_with'}|{'name':'zabc1','dns_name':'ZABC.acore.example'}|1.0",
    "google_dns_record_set|{'values.rrdatas':['192.0.2.1','192.0.2.2']}|{}|{'rrdatas':['192.0.2.2','192.0.2.1']}|1.0",
    "google_dns_record_set|{'values.rrdatas':['hello']}|{}|{'rrdatas':['\\'hello\\'']}|0.0",
    "google_dns_record_set|{'values.rrdatas':'192.0.2.1'}|{}|{'rrdatas':['192.0.2.1']}|1.0",
    "google_dns_record_set|{'values.managed_zone':'zabc'}|{}|{'managed_zone':'projects/p1/managedZones/zabc'}|0.0",
    // scheduler: rules ignored
    "google_cloud_scheduler_job|{'values.pubsub_target.0.topic_name':'topic-abc'}|{'values.pubsub_target.0.topic_name':'ends_with'}|{'pubsub_target':[{'topic_name':'projects/p1/topics/m1-topic-abc'}]}|0.0",
    "google_cloud_scheduler_job|{'values.name':'job-1'}|{'values.name':'starts_with'}|{'name':'job-1-m1'}|0.0",
    // pubsub
    "google_pubsub_topic|{'values.name':'topic-abc','values.retain_acked_messages':true}|{}|{'name':'topic-abc','message_retention_duration':'600s'}|1.0",
    "google_pubsub_topic|{'values.retain_acked_messages':true}|{}|{'message_retention_duration':''}|0.0",
    "google_pubsub_subscription|{'values.ttl':'86400s'}|{}|{'expiration_policy':[{'ttl':'86400s'}]}|1.0",
    "google_pubsub_subscription|{'values.retain_acked_messages':true}|{}|{'retain_acked_messages':'false'}|1.0",
    // artifact registry, secrets
    "google_artifact_registry_repository|{'values.repository_id':'repo-abc','values.location':'us-central1','values.format':'docker'}|{'values.repository_id':'ends_with'}|{'repository_id':'m1-repo-abc','location':'US-CENTRAL1','format':'DOCKER'}|1.0",
    "google_secret_manager_secret|{'values.secret_id':'sabc'}|{'values.secret_id':'starts_with'}|{'secret_id':'sabc1'}|1.0",
    "google_secret_manager_secret_version|{'values.secret':'sabc','values.secret_data':'hello'}|{}|{'secret':'projects/123/secrets/sabc','secret_data':'aGVsbG8='}|1.0",
    "google_secret_manager_secret_version|{'values.secret':'sabc'}|{'values.secret':'ends_with'}|{'secret':'projects/123/secrets/m1-sabc'}|0.0",
    "google_secret_manager_secret_version|{'values.secret_data':'hello'}|{}|{'secret_data':'aGVsbG8'}|0.0",
    "google_secret_manager_secret_iam_member|{'values.member':'serviceAccount:val@x.iam.gserviceaccount.com'}|{}|{'member':'serviceAccount:VAL@x.iam.gserviceaccount.com'}|1.0",
    "google_service_account_iam_member|{'values.service_account_id':'saabc'}|{}|{'service_account_id':'projects/p1/serviceAccounts/m1-saabc-2@p1.iam.gserviceaccount.com'}|1.0",
    "google_service_account|{'values.display_name':'Disp'}|{}|{'display_name':'disp'}|1.0",
    // storage
    "google_storage_bucket|{'values.name':'bkt-abc'}|{'values.name':'starts_with'}|{'name':'bkt-abc'}|0.0",
    "google_storage_bucket|{'values.name':'bkt-abc'}|{}|{'name':'bkt-abc-zz'}|0.0",
    "google_storage_bucket|{'values.location':'us-central1','values.storage_class':'standard'}|{}|{'location':'US-CENTRAL1','storage_class':'STANDARD'}|1.0",
    "google_storage_bucket_object|{'values.content':'hello world'}|{}|{'content':null,'md5hash':'XrY7u+Ae7tCTyyK7j1rNww=='}|1.0",
    "google_storage_bucket_object|{'values.content':'hello world'}|{}|{'content':'hello world','md5hash':'AAAA'}|1.0",
    "google_storage_bucket_iam_member|{'values.bucket':'bkt-abc'}|{'values.bucket':'starts_with'}|{'bucket':'b/bkt-abc-m1'}|0.0",
    "google_project_iam_member|{'values.member':''}|{}|{'member':'x'}|0.0",
    "google_project_iam_custom_role|{'values.permissions.0':'storage.buckets.get'}|{}|{'permissions':['compute.instances.list','storage.buckets.get']}|1.0",
    "google_project_iam_custom_role|{'values.permissions.1':'a'}|{}|{'permissions':['a','b']}|0.0",
    // default validator (unknown type, logging sink)
    "google_foo|{'values.x':'A'}|{}|{'x':'a'}|1.0",
    "google_foo|{'values.n':1000.0}|{}|{'n':1000}|0.0",
    "google_foo|{'x':'a'}|{}|{'x':'a'}|1.0",
    "google_foo|{'values.l.5':'a'}|{}|{'l':['a']}|0.0",
    "google_logging_project_sink|{'values.destination':'storage.googleapis.com/bkt-abc'}|{}|{'destination':'storage.googleapis.com/bkt-abc-m1'}|0.0",
    "google_logging_project_sink|{'values.name':'sinkabc'}|null|{'name':'sinkabc'}|0.0"
  })
  void referenceVerdicts(String type, String match, String rules, String attrs, double expected) {
    assertThat(score(JudgeMode.COMPAT, task(type, match, rules), state(type, attrs))).isEqualTo(expected);
  }
}
