package clockify

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// allSentinels are the API-answer sentinels APIError.Is maps to.
var allSentinels = map[string]error{
	"ErrUnauthorized":      ErrUnauthorized,
	"ErrInvalidAPIKey":     ErrInvalidAPIKey,
	"ErrInvalidAddonToken": ErrInvalidAddonToken,
	"ErrAuthConflict":      ErrAuthConflict,
	"ErrForbidden":         ErrForbidden,
	"ErrNotFound":          ErrNotFound,
	"ErrRouteNotFound":     ErrRouteNotFound,
	"ErrMethodNotAllowed":  ErrMethodNotAllowed,
	"ErrRateLimited":       ErrRateLimited,
	"ErrServer":            ErrServer,
	"ErrRemovedInCAKE":     ErrRemovedInCAKE,
	"ErrInvalidInput":      ErrInvalidInput,
}

// TestAPIError_Is maps each error answer Clockify documents and sends (status, code, message) to
// exactly the sentinels listed.
func TestAPIError_Is(t *testing.T) {
	tests := []struct {
		status  int
		code    int
		message string
		want    []string
	}{
		{401, 1000, "Multiple or none auth tokens present", []string{"ErrUnauthorized", "ErrAuthConflict"}},
		{401, 1000, "Full authentication is required to access this resource", []string{"ErrUnauthorized", "ErrAuthConflict"}},
		{401, 4003, "Api key does not exist", []string{"ErrUnauthorized", "ErrInvalidAPIKey"}},
		{401, 4017, "Token is not valid", []string{"ErrUnauthorized", "ErrInvalidAddonToken"}},
		{400, 501, "Project 64b1 doesn't belong to Workspace", []string{"ErrNotFound"}},
		{400, 0, "Time entry doesn't belong to Workspace", []string{"ErrNotFound"}},
		{404, 3000, "No static resource v1/nowhere.", []string{"ErrRouteNotFound"}},
		{404, 404, "Currently running time entry doesn't exist on workspace", []string{"ErrNotFound"}},
		{405, 3000, "Request method 'PUT' is not supported", []string{"ErrMethodNotAllowed"}},
		{400, 3000, "Method parameter 'page': Failed to convert value", nil},
		{400, 3001, "Required request parameter 'start' is not present", nil},
		{400, 3002, "Required request body is missing: public ...", nil},
		{400, 0, "You entered invalid value for field: [name]. This field can't be empty", nil},
		{400, 400, "User is migrated to Cake. Use Cake to remove user from workspace", nil}, // a rule: see TestAPIError_matchesNoRuleSentinel
		{403, 0, "Access Denied", []string{"ErrForbidden"}},
		{429, 0, "Too many requests", []string{"ErrRateLimited"}},
		{500, 0, "", []string{"ErrServer"}},
		{502, 0, "<html>Bad Gateway</html>", []string{"ErrServer"}},
		{503, 0, "", []string{"ErrServer"}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d/%d %s", tt.status, tt.code, tt.message), func(t *testing.T) {
			err := error(&APIError{StatusCode: tt.status, Code: tt.code, Message: tt.message})
			var got []string
			for name, sentinel := range allSentinels {
				if errors.Is(err, sentinel) {
					got = append(got, name)
				}
			}
			assert.ElementsMatch(t, tt.want, got)
		})
	}
}

// TestAPIError_matchesNoRuleSentinel: a rule sentinel comes only in a *RestrictionError, so an
// *APIError alone matches none, whatever its status, code or message.
func TestAPIError_matchesNoRuleSentinel(t *testing.T) {
	answers := []*APIError{
		{StatusCode: 400, Code: 400, Message: "User is migrated to Cake. Use Cake to remove user from workspace"},
		{StatusCode: 403, Message: "Access Denied"},
		{StatusCode: 404, Code: 404, Message: "Currently running time entry doesn't exist on workspace"},
		{StatusCode: 400, Message: "User group with name 'Design Team' already exists"},
		{StatusCode: 400, Message: "Cannot change week start while approval requests are pending"},
	}
	for _, a := range answers {
		for _, code := range RuleCodes() {
			assert.NotErrorIs(t, a, code.Err(), "%d %q", a.StatusCode, a.Message)
		}
	}
	assert.True(t, answers[0].removedInCAKE(), "Remove still recognises Clockify's answer")
}

func TestAPIError_Error(t *testing.T) {
	e := &APIError{StatusCode: 400, Code: 501, Message: "Project doesn't belong to Workspace", Method: "GET", Path: "/v1/workspaces/ws1/users"}
	assert.Equal(t, "clockify: GET /v1/workspaces/ws1/users: 400 Bad Request (code 501): Project doesn't belong to Workspace", e.Error())
	assert.Equal(t, "clockify: 429 Too Many Requests", (&APIError{StatusCode: 429}).Error())
}

func TestParseErrorBody(t *testing.T) {
	tests := []struct {
		name    string
		status  int
		body    string
		code    int
		message string
	}{
		{"message and code", 400, `{"code":400,"message":"User is migrated to Cake. Use Cake to remove user from workspace"}`,
			400, "User is migrated to Cake. Use Cake to remove user from workspace"},
		{"old description form", 401, `{"description":"Full authentication is required to access this resource","code":1000}`,
			1000, "Full authentication is required to access this resource"},
		{"message only", 400, `{"message":"Method parameter 'include-memberships': Failed to convert value of type 'java.lang.String' to required type 'java.lang.Boolean'; Invalid boolean value [MAYBE]"}`,
			0, "Method parameter 'include-memberships': Failed to convert value of type 'java.lang.String' to required type 'java.lang.Boolean'; Invalid boolean value [MAYBE]"},
		{"code as string", 401, `{"message":"Api key does not exist","code":"4003"}`, 4003, "Api key does not exist"},
		{"code not a number", 400, `{"message":"x","code":"abc"}`, 0, "x"},
		{"code negative", 400, `{"message":"x","code":-1}`, 0, "x"},
		{"code fractional", 400, `{"message":"x","code":3000.5}`, 0, "x"},
		{"code null", 400, `{"message":"x","code":null}`, 0, "x"},
		{"error field", 500, `{"error":"Internal Server Error","status":500}`, 0, "Internal Server Error"},
		{"message wins over description", 400, `{"message":"m","description":"d"}`, 0, "m"},
		{"html", 502, "<html><body>502 Bad Gateway</body></html>\n", 0, "<html><body>502 Bad Gateway</body></html>"},
		{"empty", 503, "", 0, ""},
		{"JSON array", 400, `["x"]`, 0, `["x"]`},
		{"broken JSON object", 400, `{"message":`, 0, `{"message":`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := parseErrorBody(tt.status, []byte(tt.body))
			assert.Equal(t, tt.status, e.StatusCode)
			assert.Equal(t, tt.code, e.Code)
			assert.Equal(t, tt.message, e.Message)
		})
	}
}

func TestParseErrorBody_longBodyTruncatedOnRuneBoundary(t *testing.T) {
	for _, body := range []string{
		"<html>" + strings.Repeat("x", 10000) + "</html>",
		strings.Repeat("é", 1000),                        // two-byte runes
		"a" + strings.Repeat("日本", 500),                  // three-byte runes, shifted by one
		`{"message":"` + strings.Repeat("€", 400) + `"}`, // a long JSON message
	} {
		e := parseErrorBody(502, []byte(body))
		assert.LessOrEqual(t, len(e.Message), maxErrorMessage)
		assert.True(t, utf8.ValidString(e.Message), "%q", e.Message)
		assert.True(t, strings.HasSuffix(e.Message, "…"))
	}
}

func TestTruncate(t *testing.T) {
	assert.Equal(t, "short", truncate("short", 10))
	assert.Equal(t, "exactly10!", truncate("exactly10!", 10))
	assert.Equal(t, "abcdefg…", truncate("abcdefghijk", 10))
	assert.Equal(t, "éé…", truncate("éééééé", 8)) // 5 bytes of text would split the third é
	assert.Equal(t, "", truncate("abcdef", 2))
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 5, 21, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"1", time.Second},
		{" 120 ", 2 * time.Minute},
		{"0.5", 500 * time.Millisecond},
		{"0", 0},
		{"-3", 0},
		{"1e9", maxRetryAfter}, // capped, not ignored
		{"NaN", 0},
		{"soon", 0},
		{now.Add(30 * time.Second).Format(http.TimeFormat), 30 * time.Second},
		{now.Add(-30 * time.Second).Format(http.TimeFormat), 0},
		{now.Format(http.TimeFormat), 0},
		{"Thu, 21 May 2026 12:00:09 GMT", 9 * time.Second},
		{"Thursday, 21-May-26 12:00:09 GMT", 9 * time.Second}, // RFC 850, which HTTP still allows
		{"Thu May 21 12:00:09 2026", 9 * time.Second},         // ANSI C asctime
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, parseRetryAfter(tt.in, now), tt.in)
	}
}

// FuzzParseErrorBody: any body, however malformed, yields an *APIError with a bounded,
// valid-where-the-input-was message and never panics.
func FuzzParseErrorBody(f *testing.F) {
	for _, seed := range []string{
		`{"code":400,"message":"User is migrated to Cake. Use Cake to remove user from workspace"}`,
		`{"message":"Method parameter 'include-memberships': Failed to convert value of type 'java.lang.String' to required type 'java.lang.Boolean'; Invalid boolean value [NOT-A-BOOL]"}`,
		`{"message":"Required request body is missing: public com.clockify.adapter.http.v1.dto.UserGroupDtoV1 com.clockify.adapter.http.v1.usergroup.UserGroupHttpAdapter.addUser(java.lang.String,java.lang.String,com.clockify.adapter.http.v1.requests.UserGroupUserRequest,com.clockify.adapter.spring.security.CurrentAuth)","code":3002}`,
		`{"description":"Full authentication is required to access this resource","code":1000}`,
		`{"message":"Multiple or none auth tokens present","code":1000}`,
		`{"message":"Project doesn't belong to Workspace","code":501}`,
		`{"message":"x","code":"4003"}`,
		`<html><head><title>502 Bad Gateway</title></head></html>`,
		"", "{", "null", `{"code":1e400}`, "\xff\xfe",
	} {
		f.Add(400, []byte(seed))
	}
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		e := parseErrorBody(status, body)
		if e == nil {
			t.Fatal("nil *APIError")
		}
		if e.StatusCode != status {
			t.Fatalf("status %d became %d", status, e.StatusCode)
		}
		if len(e.Message) > maxErrorMessage {
			t.Fatalf("message of %d bytes", len(e.Message))
		}
		if e.Code < 0 {
			t.Fatalf("negative code %d", e.Code)
		}
		if utf8.Valid(body) && !utf8.ValidString(e.Message) {
			t.Fatalf("valid UTF-8 body gave an invalid message %q", e.Message)
		}
		_ = e.Error()
		for _, s := range allSentinels {
			_ = errors.Is(e, s)
		}
	})
}

func TestRestrictionError(t *testing.T) {
	apiErr := &APIError{StatusCode: 400, Code: 0, Message: "Cannot change week start"}
	err := error(&RestrictionError{Rule: ErrPendingApprovals, UserID: "u1",
		Detail: "member u1 has pending approval requests; week start can't change", Err: apiErr})

	assert.Equal(t, "clockify: member u1 has pending approval requests; week start can't change", err.Error())
	assert.ErrorIs(t, err, ErrPendingApprovals)
	assert.NotErrorIs(t, err, ErrMultipleWorkspaces)
	var gotAPI *APIError
	require.ErrorAs(t, err, &gotAPI)
	assert.Same(t, apiErr, gotAPI)
	var re *RestrictionError
	require.ErrorAs(t, fmt.Errorf("wrapped: %w", err), &re)
	assert.Equal(t, "u1", re.UserID)
}

func TestRestrictionError_reachesAPIErrorSentinel(t *testing.T) {
	err := &RestrictionError{Rule: ErrOwnerOnly, Err: &APIError{StatusCode: 403}}
	assert.ErrorIs(t, err, ErrForbidden)
	assert.ErrorIs(t, err, ErrOwnerOnly)
}

// TestRestrictionError_onePrefix: whatever Detail or the rule's message hold, Error has one
// "clockify: " prefix, and says something without either.
func TestRestrictionError_onePrefix(t *testing.T) {
	for _, e := range []*RestrictionError{
		{Rule: ErrNoRunningTimer},
		{Rule: ErrNoRunningTimer, Detail: "clockify: member u1 has no running timer"},
		{Rule: ErrNoRunningTimer, Detail: "member u1 has no running timer", Err: &APIError{StatusCode: 404, Code: 404, Message: "x"}},
		{},
	} {
		msg := e.Error()
		assert.True(t, strings.HasPrefix(msg, "clockify: "), msg)
		assert.Equal(t, 1, strings.Count(msg, "clockify:"), msg)
		assert.Greater(t, len(msg), len("clockify: "), msg)
	}
}

// TestWrapf: the wrapped error keeps its identity, and the message has one prefix.
func TestWrapf(t *testing.T) {
	apiErr := &APIError{StatusCode: 401, Code: codeInvalidAPIKey, Method: "GET", Path: "/v1/user"}
	err := wrapf(wrapf(apiErr, "API key %s is not known", "fp"), "new API key refused, still using %s", "fp0")
	assert.Equal(t, "clockify: new API key refused, still using fp0: API key fp is not known: GET /v1/user: 401 Unauthorized (code 4003)", err.Error())
	assert.ErrorIs(t, err, ErrInvalidAPIKey)
	var got *APIError
	require.ErrorAs(t, err, &got)
	assert.Same(t, apiErr, got)
	assert.Equal(t, "clockify: member u1: context canceled", wrapf(errors.New("context canceled"), "member %s", "u1").Error())
}

func TestRestrictionError_withoutServerAnswer(t *testing.T) {
	err := error(&RestrictionError{Rule: ErrMultipleWorkspaces, UserID: "u1"})
	assert.Equal(t, "clockify: member belongs to more than one workspace", err.Error())
	assert.ErrorIs(t, err, ErrMultipleWorkspaces)
	var apiErr *APIError
	assert.False(t, errors.As(err, &apiErr), "a nil Err is not in the chain")
	assert.Len(t, err.(*RestrictionError).Unwrap(), 1)
}

func TestValidationError(t *testing.T) {
	err := error(&ValidationError{Field: "workCapacity", Reason: "must be between 0 and 24h"})
	assert.Equal(t, "clockify: invalid workCapacity: must be between 0 and 24h", err.Error())
	assert.ErrorIs(t, err, ErrInvalidInput)
	assert.ErrorIs(t, fmt.Errorf("ctx: %w", err), ErrInvalidInput)
	assert.NotErrorIs(t, err, ErrNotFound)
}

func TestRequireIDs(t *testing.T) {
	assert.NoError(t, requireIDs())
	assert.NoError(t, requireIDs("workspaceID", "64b1f0a2c3d4e5f6aaaa0002", "userID", "u1"))
	for _, bad := range []string{"", "  ", "a/b", "a?b", "a#b", ".", ".."} {
		err := requireIDs("workspaceID", "ws1", "userID", bad)
		assert.ErrorIs(t, err, ErrInvalidInput, "%q", bad)
		var ve *ValidationError
		require.ErrorAs(t, err, &ve)
		assert.Equal(t, "userID", ve.Field)
	}
}

// FuzzPlainID: an id the quick scan lets through is one the full checks accept.
func FuzzPlainID(f *testing.F) {
	for _, s := range []string{"64b1f0a2c3d4e5f6aaaa0002", "", ".", "..", "a b", "a/b", "é", "a\x7f", "~!*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if plainID(v) {
			if err := checkID("id", v); err != nil {
				t.Fatalf("plainID(%q) but checkID: %v", v, err)
			}
		}
	})
}
