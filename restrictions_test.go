package clockify

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRoleGrantUnmarshalJSON_malformedIsError(t *testing.T) {
	before := RoleGrant{WorkspaceID: "ws0", UserID: "u0", EntityID: "e0", Role: RoleTeamManager}
	for name, in := range map[string]string{
		"not JSON":            `not json`,
		"truncated":           `{"workspaceId":"ws1","role":{"id":"p1"`,
		"array":               `[]`,
		"role as a string":    `{"workspaceId":"ws1","userId":"u1","role":"PROJECT_MANAGER"}`,
		"numeric workspaceId": `{"workspaceId":1,"role":{"id":"p1","name":"PROJECT_MANAGER"}}`,
		"source as a string":  `{"role":{"id":"p1","name":"PROJECT_MANAGER","source":"USER_GROUP"}}`,
	} {
		t.Run(name, func(t *testing.T) {
			g := before
			// Called directly: json.Unmarshal would refuse bad syntax before reaching the method.
			assert.Error(t, g.UnmarshalJSON([]byte(in)))
			assert.Equal(t, before, g, "a failed decode leaves the grant as it was")
		})
	}
}

func TestUserRoleGrants_skipsMalformedEntries(t *testing.T) {
	var u User
	assert.NoError(t, json.Unmarshal([]byte(`{"id":"u1","roles":[
		{"role":"PROJECT_MANAGER"},
		{"workspaceId":"ws1","role":{"id":"g1","name":"TEAM_MANAGER","source":{"id":"g1","type":"USER_GROUP"}}}
	]}`), &u))
	assert.Equal(t, []RoleGrant{{WorkspaceID: "ws1", UserID: "u1", EntityID: "g1", Role: RoleTeamManager, SourceType: "USER_GROUP"}},
		u.RoleGrants())
}

// Only a refusal that says nothing by itself costs lookups to explain it.
func TestDiagnosable(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		want bool
	}{
		{"400 without a code", &APIError{StatusCode: http.StatusBadRequest, Message: "Access Denied"}, true},
		{"403", &APIError{StatusCode: http.StatusForbidden}, true},
		{"wrapped 400", fmt.Errorf("context: %w", &APIError{StatusCode: http.StatusBadRequest}), true},
		{"400 not in workspace (code 501)", &APIError{StatusCode: http.StatusBadRequest, Code: 501}, false},
		{"401 unknown key", &APIError{StatusCode: http.StatusUnauthorized, Code: 4003}, false},
		{"404", &APIError{StatusCode: http.StatusNotFound}, false},
		{"404 no such route", &APIError{StatusCode: http.StatusNotFound, Code: 3000}, false},
		{"405", &APIError{StatusCode: http.StatusMethodNotAllowed}, false},
		{"429", &APIError{StatusCode: http.StatusTooManyRequests}, false},
		{"500", &APIError{StatusCode: http.StatusInternalServerError}, false},
		{"not an answer", context.Canceled, false},
		{"nil", nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, diagnosable(tc.err))
		})
	}
}
