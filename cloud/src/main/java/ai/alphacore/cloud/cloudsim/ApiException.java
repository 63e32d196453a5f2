package ai.alphacore.cloud.cloudsim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An error answered the way Google APIs answer it: HTTP status, reason and canonical status. */
final class ApiException extends RuntimeException {
  final int status;
  final String reason;
  final String canonical;

  ApiException(int status, String reason, String canonical, String message) {
    super(message);
    this.status = status;
    this.reason = reason;
    this.canonical = canonical;
  }

  static ApiException notFound(String resource) {
    return new ApiException(404, "notFound", "NOT_FOUND", "The resource '" + resource + "' was not found");
  }

  static ApiException exists(String resource) {
    return new ApiException(409, "alreadyExists", "ALREADY_EXISTS", "The resource '" + resource + "' already exists");
  }

  static ApiException conflict(String message) {
    return new ApiException(409, "conflict", "ABORTED", message);
  }

  static ApiException invalid(String message) {
    return new ApiException(400, "invalid", "INVALID_ARGUMENT", message);
  }

  static ApiException inUse(String message) {
    return new ApiException(400, "resourceInUseByAnotherResource", "FAILED_PRECONDITION", message);
  }

  static ApiException precondition(String message) {
    return new ApiException(400, "failedPrecondition", "FAILED_PRECONDITION", message);
  }

  static ApiException forbidden(String message) {
    return new ApiException(403, "forbidden", "PERMISSION_DENIED", message);
  }

  static ApiException unauthenticated(String message) {
    return new ApiException(401, "authError", "UNAUTHENTICATED", message);
  }

  static ApiException methodNotAllowed(String method) {
    return new ApiException(405, "methodNotAllowed", "UNIMPLEMENTED", "Method " + method + " is not supported on this path");
  }

  static ApiException tooLarge(String message) {
    return new ApiException(413, "requestTooLarge", "INVALID_ARGUMENT", message);
  }

  /** Google's error envelope: {@code {"error": {code, message, errors: [...], status}}}. */
  ObjectNode toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode e = root.putObject("error");
    e.put("code", status);
    e.put("message", getMessage());
    ObjectNode item = e.putArray("errors").addObject();
    item.put("message", getMessage());
    item.put("domain", "global");
    item.put("reason", reason);
    e.put("status", canonical);
    return root;
  }
}
