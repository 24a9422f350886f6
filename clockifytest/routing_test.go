package clockifytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRouting_unknownRouteIs404(t *testing.T) {
	s := newDemo(t)
	assertError(t, send(t, s, http.MethodGet, "/v1/workspaces/"+DemoWorkspaceID+"/api-keys", ""),
		http.StatusNotFound, 3000, "No static resource v1/workspaces/"+DemoWorkspaceID+"/api-keys.")
}

func TestRouting_wrongVerbIs405WithAllow(t *testing.T) {
	s := newDemo(t)
	for _, tc := range []struct{ method, path, allow string }{
		{http.MethodPut, demoWS + "/member-profile/" + DemoMemberID, "GET, PATCH"},
		{http.MethodGet, demoWS + "/users/" + DemoMemberID + "/hourly-rate", "PUT"},
		{http.MethodGet, demoWS + "/users/" + DemoMemberID + "/cost-rate", "PUT"},
		{http.MethodPut, demoWS, "GET"},
		{http.MethodPatch, demoWS, "GET"},
		{http.MethodGet, demoWS + "/user-groups/" + DemoGroupID + "/users", "POST"},
		{http.MethodGet, demoWS + "/users/" + DemoMemberID, "PUT, DELETE"},
		{http.MethodGet, demoWS + "/users/info", "POST, PUT, DELETE"}, // {userId} matches "info" too
	} {
		r := send(t, s, tc.method, tc.path, "")
		assertError(t, r, http.StatusMethodNotAllowed, 3000, "Request method '"+tc.method+"' is not supported")
		assert.Equal(t, tc.allow, r.header.Get("Allow"), "%s %s", tc.method, tc.path)
	}
}

func TestRouting_missingBodyIs3002(t *testing.T) {
	s := newDemo(t)
	assertError(t, send(t, s, http.MethodPost, demoWS+"/user-groups/"+DemoGroupID+"/users", ""), http.StatusBadRequest, 3002,
		"Required request body is missing: public com.clockify.adapter.http.v1.dto.UserGroupDtoV1 com.clockify.adapter.http.v1.usergroup.UserGroupHttpAdapter.addUser(")
	for _, p := range []struct{ method, path string }{
		{http.MethodPost, demoWS + "/users/info"},
		{http.MethodPost, demoWS + "/users?send-email=false"},
		{http.MethodPost, demoWS + "/limited-users"},
		{http.MethodPut, demoWS + "/users/" + DemoMemberID},
		{http.MethodPut, demoWS + "/users/" + DemoMemberID + "/hourly-rate"},
		{http.MethodPatch, demoWS + "/member-profile/" + DemoMemberID},
		{http.MethodPost, demoWS + "/users/" + DemoMemberID + "/roles"},
		{http.MethodDelete, demoWS + "/users/" + DemoMemberID + "/roles"},
		{http.MethodPut, demoWS + "/users/" + DemoMemberID + "/custom-field/" + DemoCustomFieldID + "/value"},
	} {
		assertError(t, send(t, s, p.method, p.path, ""), http.StatusBadRequest, 3002, "Required request body is missing")
	}
}

func TestRouting_bodyMustBeJSON(t *testing.T) {
	s := newDemo(t)
	assertError(t, send(t, s, http.MethodPost, demoWS+"/users/info", `{}`, "Content-Type", "text/plain"),
		http.StatusUnsupportedMediaType, 3000, "Content-Type 'text/plain' is not supported")
	assertError(t, send(t, s, http.MethodPost, demoWS+"/users/info", `{"page":`), http.StatusBadRequest, 3000, "JSON parse error")
}

// Clockify declares include-roles (member list) and send-email (invite)
// required; a request without one is refused before anything changes.
func TestRouting_requiredQueryParameters(t *testing.T) {
	s := newDemo(t)
	assertError(t, send(t, s, http.MethodGet, demoWS+"/users", ""), http.StatusBadRequest, 3001,
		"Required request parameter 'include-roles' for method parameter type Boolean is not present")
	assertError(t, send(t, s, http.MethodGet, demoWS+"/users?status=ACTIVE", ""), http.StatusBadRequest, 3001, "'include-roles'")
	assertError(t, send(t, s, http.MethodPost, demoWS+"/users", `{"email":"forgot.flag@example.com"}`), http.StatusBadRequest, 3001,
		"Required request parameter 'send-email' for method parameter type String is not present")
	_, invited := s.FindMemberByEmail(DemoWorkspaceID, "forgot.flag@example.com")
	assert.False(t, invited, "a refused invitation adds nobody")

	assert.Equal(t, http.StatusOK, send(t, s, http.MethodGet, demoWS+"/users?include-roles=false", "").status)
	assert.Equal(t, http.StatusOK, send(t, s, http.MethodPost, demoWS+"/users?send-email=false", `{"email":"with.flag@example.com"}`).status)
}
