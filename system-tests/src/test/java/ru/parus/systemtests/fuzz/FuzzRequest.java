package ru.parus.systemtests.fuzz;

import java.util.Map;

/**
 * One generated request. {@code body} is sent as is (UTF-8), {@code contentType} null means no Content-Type header,
 * {@code token} null means no Authorization header.
 */
record FuzzRequest(String service, Operation operation, String kind, String method, String pathAndQuery,
        Map<String, String> headers, String contentType, String body, String token, String authLabel) {

    /** POST, PUT, PATCH and DELETE: a rejected one must leave the service's data as it was. */
    boolean changesData() {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    /** For the report: the request as a curl-like line, the body cut at 300 characters. */
    String describe() {
        String shownBody = body == null ? "" : " body=" + (body.length() > 300
                ? body.substring(0, 300) + "...(" + body.length() + " chars)" : body);
        return "[" + kind + "] " + service + " " + method + " " + pathAndQuery
                + (contentType == null ? " (no Content-Type)" : " Content-Type=" + contentType)
                + (headers.isEmpty() ? "" : " headers=" + headers)
                + " auth=" + authLabel + shownBody;
    }

    /** One operation of an OpenAPI document. */
    record Operation(String service, String method, String path, com.fasterxml.jackson.databind.JsonNode spec) {
        String id() {
            return service + " " + method + " " + path;
        }

        boolean changesData() {
            return !method.equals("GET");
        }
    }
}
