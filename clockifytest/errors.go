package clockifytest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// apiError is an error answer. code 0 means the body carries no "code" key,
// which is how Clockify answers bean-validation failures, "Access Denied" and
// (in this fake) every product-rule refusal.
type apiError struct {
	status int
	code   int
	msg    string
	allow  string // Allow header for 405
}

func (e *apiError) Error() string { return fmt.Sprintf("%d %d %s", e.status, e.code, e.msg) }

// errorBody is the wire shape {"message","code"}.
type errorBody struct {
	Message string `json:"message"`
	Code    int    `json:"code,omitempty"`
}

func writeError(w http.ResponseWriter, e *apiError) {
	if e.allow != "" {
		w.Header().Set("Allow", e.allow)
	}
	writeJSON(w, e.status, errorBody{Message: e.msg, Code: e.code})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// Authentication failures, with the live codes.
var (
	errAuthHeaders  = &apiError{status: http.StatusUnauthorized, code: 1000, msg: "Multiple or none auth tokens present"}
	errUnknownKey   = &apiError{status: http.StatusUnauthorized, code: 4003, msg: "Api key does not exist"}
	errInvalidToken = &apiError{status: http.StatusUnauthorized, code: 4017, msg: "Token is not valid"}
)

// errAccessDenied is the answer to every permission rule: the caller lacks the
// role, or the workspace lacks the plan or feature. Clockify's only observed
// 403 carries no code.
var errAccessDenied = &apiError{status: http.StatusForbidden, msg: "Access Denied"}

// errRemovedInCake is the observed answer of DELETE …/users/{userId} for a
// deactivated member (captured 2026-05-21).
var errRemovedInCake = &apiError{status: http.StatusBadRequest, code: 400, msg: "User is migrated to Cake. Use Cake to remove user from workspace"}

// errTooManyRequests is the rate limiter's answer. Clockify documents only
// the words "Too many requests"
// (https://clockify.me/help/getting-started/webhook-and-api-limitations);
// the body shape is its usual error shape and code 429 is a guess.
var errTooManyRequests = &apiError{status: http.StatusTooManyRequests, code: 429, msg: "Too many requests"}

// notFound is Clockify's answer to an unknown, deleted or foreign id: 400 with
// code 501, never 404.
func notFound(entity string) *apiError {
	return &apiError{status: http.StatusBadRequest, code: 501, msg: entity + " doesn't belong to Workspace"}
}

var errWorkspaceNotFound = &apiError{status: http.StatusBadRequest, code: 501, msg: "Workspace doesn't belong to User"}

// restriction is the answer to one of Clockify's documented product rules that
// concerns the state of the target (not the caller's rights): 400 with a
// descriptive message and no code. The live codes are undocumented.
func restriction(format string, args ...any) *apiError {
	return &apiError{status: http.StatusBadRequest, msg: fmt.Sprintf(format, args...)}
}

// invalidField is Clockify's bean-validation failure (no code).
func invalidField(field, reason string) *apiError {
	return &apiError{status: http.StatusBadRequest, msg: fmt.Sprintf("You entered invalid value for field: [%s]. %s", field, reason)}
}

// badParam is the framework's query-conversion failure (code 3000).
func badParam(name, javaType, detail string) *apiError {
	return &apiError{status: http.StatusBadRequest, code: 3000,
		msg: fmt.Sprintf("Method parameter '%s': Failed to convert value of type 'java.lang.String' to required type '%s'; %s", name, javaType, detail)}
}

func badEnumParam(name, javaType, value string) *apiError {
	return badParam(name, "com.clockify.domain.model."+javaType,
		fmt.Sprintf("Failed to convert from type [java.lang.String] to type [%s] for value [%s]", javaType, value))
}

// badJSON is Jackson's failure to read a body (code 3000).
func badJSON(detail string) *apiError {
	return &apiError{status: http.StatusBadRequest, code: 3000, msg: "JSON parse error: " + detail}
}

func badEnumJSON(javaType, value string, allowed []string) *apiError {
	return badJSON(fmt.Sprintf("Cannot deserialize value of type `com.clockify.domain.model.%s` from String \"%s\": not one of the values accepted for Enum class: [%s]",
		javaType, value, strings.Join(allowed, ", ")))
}

func missingBody(signature string) *apiError {
	return &apiError{status: http.StatusBadRequest, code: 3002, msg: "Required request body is missing: " + signature}
}

func routeNotFound(path string) *apiError {
	return &apiError{status: http.StatusNotFound, code: 3000, msg: "No static resource " + strings.TrimPrefix(path, "/") + "."}
}

func methodNotAllowed(method string, allow []string) *apiError {
	return &apiError{status: http.StatusMethodNotAllowed, code: 3000,
		msg: fmt.Sprintf("Request method '%s' is not supported", method), allow: strings.Join(allow, ", ")}
}
