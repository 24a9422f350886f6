package clockify

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRoleGrantUnmarshalJSON_malformedIsError(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
	var u User
	assert.NoError(t, json.Unmarshal([]byte(`{"id":"u1","roles":[
		{"role":"PROJECT_MANAGER"},
		{"workspaceId":"ws1","role":{"id":"g1","name":"TEAM_MANAGER","source":{"id":"g1","type":"USER_GROUP"}}}
	]}`), &u))
	assert.Equal(t, []RoleGrant{{WorkspaceID: "ws1", UserID: "u1", EntityID: "g1", Role: RoleTeamManager, SourceType: "USER_GROUP", SourceID: "g1"}},
		u.RoleGrants())
}

// Only a refusal that says nothing by itself costs lookups to explain it.
func TestDiagnosable(t *testing.T) {
	t.Parallel()
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
			t.Parallel()
			assert.Equal(t, tc.want, diagnosable(tc.err))
		})
	}
}

func TestWorkspaceDecode_featureSubscriptionTypeShapes(t *testing.T) {
	t.Parallel()
	for body, want := range map[string]string{
		`{"id":"ws1","featureSubscriptionType":"BUNDLE_YEAR_2024"}`: "BUNDLE_YEAR_2024",
		`{"id":"ws1","featureSubscriptionType":null}`:               "",
		`{"id":"ws1"}`: "",
		`{"id":"ws1","featureSubscriptionType":{"paidPlan":true,"weight":3},"name":"Acme"}`: "",
	} {
		var ws Workspace
		require.NoError(t, json.Unmarshal([]byte(body), &ws), body)
		assert.Equal(t, "ws1", ws.ID)
		assert.Equal(t, want, ws.Plan(), body)
	}
}

func TestWorkspaceMembership_prefersTheWorkspaceMembership(t *testing.T) {
	t.Parallel()
	ws := Workspace{ID: "ws1", Memberships: []Membership{
		{UserID: "u1", TargetID: "p1", MembershipType: MembershipTypeProject, MembershipStatus: MembershipActive},
		{UserID: "u1", TargetID: "ws1", MembershipType: MembershipTypeWorkspace, MembershipStatus: MembershipInactive},
	}}
	m, ok := ws.Membership("u1")
	require.True(t, ok)
	assert.Equal(t, MembershipInactive, m.MembershipStatus)
	_, ok = ws.Membership("u2")
	assert.False(t, ok)
}

func TestRequireIDs_refusesSpacesAndControlCharacters(t *testing.T) {
	t.Parallel()
	for _, id := range []string{" ws1", "ws1\n", "w s1", "ws\x001"} {
		assert.ErrorIs(t, requireIDs("workspaceID", id), ErrInvalidInput, "%q", id)
	}
	assert.NoError(t, requireIDs("workspaceID", "5e5b8b3a95ae537fbde06e58"))
}

// The roster planner's question, "would Clockify refuse deactivating this member?", is answered
// by the same rules as a refused Deactivate, before anything is sent, each fact looked up once.
func TestBlockedBy_deactivationBeforeSending(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		target string
		rule   error // nil: nothing blocks
		sent   []string
	}{
		{"owner", ErrOwnerImmutable, []string{"GET /v1/workspaces", "POST /v1/workspaces/ws1/users/info"}},
		{"u2", ErrInvitationPending, []string{"GET /v1/workspaces", "POST /v1/workspaces/ws1/users/info", "GET /v1/workspaces/ws1"}},
		{"u1", ErrOwnerOnly, []string{"GET /v1/workspaces", "POST /v1/workspaces/ws1/users/info", "GET /v1/workspaces/ws1",
			"POST /v1/workspaces/ws1/users/info", "GET /v1/user"}},
		{"u3", nil, []string{"GET /v1/workspaces", "POST /v1/workspaces/ws1/users/info", "GET /v1/workspaces/ws1", "POST /v1/workspaces/ws1/users/info"}},
	} {
		t.Run(tc.target, func(t *testing.T) {
			t.Parallel()
			client, srv := setupServer(t)
			failOnUnexpectedRequest(t, srv.ServeMux) // no PUT route: sending the deactivation fails the test
			serveAdminOf(t, srv.ServeMux, "ws1")
			srv.HandleFunc("GET /v1/workspaces/ws1", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, memberWorkspaceJSON) })
			serveRoleDirectory(t, srv.ServeMux, "admin", map[Role][]string{RoleOwner: {"owner"}, RoleWorkspaceAdmin: {"owner", "admin", "u1"}})

			err := client.blockedBy(ctx, "ws1", tc.target, deactivateRules())
			if tc.rule == nil {
				require.NoError(t, err)
			} else {
				re := assertRestriction(t, err, tc.rule, tc.target)
				assert.Nil(t, re.Err, "nothing was sent")
			}
			assert.Equal(t, tc.sent, srv.sent(), "each fact is looked up once, in the rules' order")
		})
	}
}

// Before sending, a failed lookup is the answer: the planner cannot tell whether a rule blocks.
func TestBlockedBy_failedLookupIsReturned(t *testing.T) {
	t.Parallel()
	client, srv := setupServer(t)
	serveAdminOf(t, srv.ServeMux, "ws1")
	srv.HandleFunc("POST /v1/workspaces/ws1/users/info", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, `{"message":"Access Denied","code":403}`)
	})
	err := client.blockedBy(ctx, "ws1", "u1", deactivateRules())
	assert.ErrorIs(t, err, ErrForbidden)
	assertNoRestriction(t, err)
	assert.Equal(t, []string{"GET /v1/workspaces", "POST /v1/workspaces/ws1/users/info"}, srv.sent(), "no lookup after a failed one")
}
