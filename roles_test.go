package clockify

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRolesAssign_sendsTheAssignmentOfEachConstructor(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		a    RoleAssignment
		body string
	}{
		{"workspace admin", WorkspaceAdmin("ws1"), `{"entityId":"ws1","role":"WORKSPACE_ADMIN"}`},
		{"project manager", ProjectManagerOf("p1"), `{"entityId":"p1","role":"PROJECT_MANAGER"}`},
		{"team manager of a user", TeamManagerOf("u9"), `{"entityId":"u9","role":"TEAM_MANAGER"}`},
		{"team manager of a group", TeamManagerOfGroup("g1"), `{"entityId":"g1","role":"TEAM_MANAGER","sourceType":"USER_GROUP"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			client, mux := setup(t)
			mux.HandleFunc("POST /v1/workspaces/ws1/users/u1/roles", func(w http.ResponseWriter, r *http.Request) {
				assert.Empty(t, r.URL.RawQuery)
				assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
				assert.JSONEq(t, tc.body, readBody(t, r))
				w.WriteHeader(http.StatusCreated)
				source := "null"
				if tc.a.ViaGroup() {
					source = `{"id":"g1","type":"USER_GROUP"}`
				}
				fmt.Fprintf(w, `[{"role":{"id":%q,"name":%q,"source":%s},"userId":"u1","workspaceId":"ws1"}]`,
					tc.a.EntityID(), tc.a.Role(), source)
			})
			grants, resp, err := client.Roles.Assign(ctx, "ws1", "u1", tc.a)
			require.NoError(t, err)
			assert.Equal(t, http.StatusCreated, resp.StatusCode)
			require.Len(t, grants, 1)
			want := &RoleGrant{WorkspaceID: "ws1", UserID: "u1", EntityID: tc.a.EntityID(), Role: tc.a.Role()}
			if tc.a.ViaGroup() {
				want.SourceType, want.SourceID = "USER_GROUP", "g1"
			}
			assert.Equal(t, want, grants[0])
		})
	}
}

func TestRolesAssign_decodesTheCapturedAnswer(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("POST /v1/workspaces/ws1/users/u1/roles", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusCreated)
		// go-clockify__POST_users-roles__201__2026-05-21.json
		fmt.Fprint(w, `[
		  {"role": {"id": "<redacted-id:6c5be927ec>", "name": "PROJECT_MANAGER", "source": null},
		   "userId": "<redacted-id:e80acc0d00>", "workspaceId": "[REDACTED-WORKSPACE]"}]`)
	})
	grants, _, err := client.Roles.Assign(ctx, "ws1", "u1", ProjectManagerOf("p1"))
	require.NoError(t, err)
	assert.Equal(t, []*RoleGrant{{WorkspaceID: "[REDACTED-WORKSPACE]", UserID: "<redacted-id:e80acc0d00>",
		EntityID: "<redacted-id:6c5be927ec>", Role: RoleProjectManager}}, grants)
}

func TestRolesAssign_retriedOnServerError(t *testing.T) {
	t.Parallel()
	client, srv := setupServer(t)
	srv.HandleFunc("POST /v1/workspaces/ws1/users/u1/roles", func(w http.ResponseWriter, r *http.Request) {
		if srv.count("POST /v1/workspaces/ws1/users/u1/roles") == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusCreated)
		fmt.Fprint(w, `[]`)
	})
	_, _, err := client.Roles.Assign(ctx, "ws1", "u1", TeamManagerOf("u9"))
	require.NoError(t, err)
	assert.EqualValues(t, 2, srv.count("POST /v1/workspaces/ws1/users/u1/roles"))
}

func TestRolesAssign_withoutManagerRoleFeatureIsPaidFeature(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	serveAdminOf(t, mux, "ws1")
	mux.HandleFunc("POST /v1/workspaces/ws1/users/u1/roles", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, ruleRefusalJSON)
	})
	mux.HandleFunc("GET /v1/workspaces/ws1", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, memberWorkspaceJSON) })
	_, _, err := client.Roles.Assign(ctx, "ws1", "u1", ProjectManagerOf("p1"))
	assert.ErrorIs(t, err, ErrPaidFeature)
	assert.ErrorIs(t, err, ErrForbidden)
	assert.Contains(t, err.Error(), "MANAGER_ROLE")
}

func TestRoles_badAssignmentsAreValidationErrors(t *testing.T) {
	t.Parallel()
	for name, a := range map[string]RoleAssignment{
		"zero":                       {},
		"admin of no workspace":      WorkspaceAdmin(""),
		"admin of another workspace": WorkspaceAdmin("ws2"),
		"manager of no project":      ProjectManagerOf(""),
		"manager of no user":         TeamManagerOf(" "),
		"manager of no group":        TeamManagerOfGroup(""),
		"manager of a path":          ProjectManagerOf("p1/../x"),
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			client, mux := setup(t)
			failOnUnexpectedRequest(t, mux)
			_, _, err := client.Roles.Assign(ctx, "ws1", "u1", a)
			assert.ErrorIs(t, err, ErrInvalidInput)
			_, err = client.Roles.Remove(ctx, "ws1", "u1", a)
			assert.ErrorIs(t, err, ErrInvalidInput)
		})
	}
}

func TestRoles_emptyIDsAreValidationErrors(t *testing.T) {
	t.Parallel()
	for _, ids := range [][2]string{{"", "u1"}, {"ws1", ""}, {"ws1", "a/b"}} {
		client, mux := setup(t)
		failOnUnexpectedRequest(t, mux)
		_, _, err := client.Roles.Assign(ctx, ids[0], ids[1], ProjectManagerOf("p1"))
		assert.ErrorIs(t, err, ErrInvalidInput)
		_, err = client.Roles.Remove(ctx, ids[0], ids[1], ProjectManagerOf("p1"))
		assert.ErrorIs(t, err, ErrInvalidInput)
		_, err = client.Roles.Of(ctx, ids[0], ids[1])
		assert.ErrorIs(t, err, ErrInvalidInput)
	}
}

func TestRolesRemove_sendsJSONBodyOnDelete(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("DELETE /v1/workspaces/ws1/users/u1/roles", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
		assert.JSONEq(t, `{"entityId":"g1","role":"TEAM_MANAGER","sourceType":"USER_GROUP"}`, readBody(t, r))
		w.WriteHeader(http.StatusNoContent)
	})
	resp, err := client.Roles.Remove(ctx, "ws1", "u1", TeamManagerOfGroup("g1"))
	require.NoError(t, err)
	assert.Equal(t, http.StatusNoContent, resp.StatusCode)
}

func TestRolesRemove_adminRoleByNonOwnerIsOwnerOnly(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	serveAdminOf(t, mux, "ws1")
	mux.HandleFunc("DELETE /v1/workspaces/ws1/users/u1/roles", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, ruleRefusalJSON)
	})
	serveRoleDirectory(t, mux, "admin", map[Role][]string{RoleOwner: {"owner"}, RoleWorkspaceAdmin: {"owner", "admin", "u1"}})
	_, err := client.Roles.Remove(ctx, "ws1", "u1", WorkspaceAdmin("ws1"))
	assert.ErrorIs(t, err, ErrOwnerOnly)
	assert.Equal(t, "clockify: only the workspace owner can remove the admin role (from member u1)", err.Error())
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusForbidden, apiErr.StatusCode)
}

func TestRolesRemove_plainAPIErrorWhenTheOwnerIsRefused(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("DELETE /v1/workspaces/ws1/users/u1/roles", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, ruleRefusalJSON)
	})
	serveRoleDirectory(t, mux, "owner", map[Role][]string{RoleOwner: {"owner"}, RoleWorkspaceAdmin: {"owner", "u1"}})
	_, err := client.Roles.Remove(ctx, "ws1", "u1", WorkspaceAdmin("ws1"))
	assertNoRestriction(t, err)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
}

func TestRolesRemove_noOwnerOnlyWhenTheTargetIsNoAdmin(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("DELETE /v1/workspaces/ws1/users/u1/roles", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, ruleRefusalJSON)
	})
	serveRoleDirectory(t, mux, "admin", map[Role][]string{RoleOwner: {"owner"}, RoleWorkspaceAdmin: {"owner", "admin"}})
	_, err := client.Roles.Remove(ctx, "ws1", "u1", WorkspaceAdmin("ws1"))
	assert.NotErrorIs(t, err, ErrOwnerOnly, "u1 holds no admin role, so the owner-only rule is not why")
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusForbidden, apiErr.StatusCode)
}

func TestRolesRemove_otherRolesAreNotDiagnosed(t *testing.T) {
	t.Parallel()
	client, srv := setupServer(t)
	failOnUnexpectedRequest(t, srv.ServeMux)
	srv.HandleFunc("DELETE /v1/workspaces/ws1/users/u1/roles", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, ruleRefusalJSON)
	})
	_, err := client.Roles.Remove(ctx, "ws1", "u1", ProjectManagerOf("p1"))
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.EqualValues(t, 1, srv.count("DELETE /v1/workspaces/ws1/users/u1/roles"))
}

func TestRolesOf_searchesEachRole(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		user     string
		want     []Role
		searches int
	}{
		{"owner only as owner", "owner", []Role{RoleOwner}, 1},
		{"admin and project manager", "u1", []Role{RoleWorkspaceAdmin, RoleProjectManager}, 4},
		{"team manager", "u2", []Role{RoleTeamManager}, 4},
		{"no role", "u3", nil, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			client, srv := setupServer(t)
			serveRoleDirectory(t, srv.ServeMux, "owner", map[Role][]string{
				RoleOwner:          {"owner"},
				RoleWorkspaceAdmin: {"owner", "u1"}, // the filter counts owners as admins
				RoleTeamManager:    {"owner", "u2"},
				RoleProjectManager: {"owner", "u1"},
			})
			srv.HandleFunc("GET /v1/workspaces/ws1/member-profile/u3", func(w http.ResponseWriter, r *http.Request) {
				fmt.Fprint(w, `{"email":"u3@example.com"}`) // a member, holding no role
			})
			roles, err := client.Roles.Of(ctx, "ws1", tc.user)
			require.NoError(t, err)
			assert.Equal(t, tc.want, roles)
			assert.Equal(t, tc.searches, srv.count("POST /v1/workspaces/ws1/users/info"))
		})
	}
}

func TestRolesOf_returnsTheSearchError(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("POST /v1/workspaces/ws1/users/info", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, ruleRefusalJSON)
	})
	_, err := client.Roles.Of(ctx, "ws1", "u1")
	assert.ErrorIs(t, err, ErrForbidden)
}

func TestRoleAssignment_describesItself(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "WORKSPACE_ADMIN of ws1", WorkspaceAdmin("ws1").String())
	assert.Equal(t, "TEAM_MANAGER of group g1", TeamManagerOfGroup("g1").String())
	assert.Equal(t, "no role", RoleAssignment{}.String())
	a := TeamManagerOf("u9")
	assert.Equal(t, RoleTeamManager, a.Role())
	assert.Equal(t, "u9", a.EntityID())
	assert.False(t, a.ViaGroup())
}

func TestRoleGrantAssignment(t *testing.T) {
	t.Parallel()
	tests := []struct {
		grant RoleGrant
		want  RoleAssignment
	}{
		{RoleGrant{Role: RoleWorkspaceAdmin, EntityID: "ws1"}, WorkspaceAdmin("ws1")},
		{RoleGrant{Role: RoleProjectManager, EntityID: "p1"}, ProjectManagerOf("p1")},
		{RoleGrant{Role: RoleTeamManager, EntityID: "u2"}, TeamManagerOf("u2")},
		{RoleGrant{Role: RoleTeamManager, EntityID: "g1", SourceType: "USER_GROUP"}, TeamManagerOfGroup("g1")},
	}
	for _, tt := range tests {
		got, err := tt.grant.Assignment()
		require.NoError(t, err)
		assert.Equal(t, tt.want, got)
	}
	for _, bad := range []RoleGrant{{Role: RoleOwner, EntityID: "ws1"}, {Role: "BOSS", EntityID: "x"}, {Role: RoleTeamManager}} {
		_, err := bad.Assignment()
		assert.ErrorIs(t, err, ErrInvalidInput, "%+v", bad)
	}
}

// Clockify documents no shape for the roles include-roles adds; both shapes seen decode, and
// an entry of neither is reported instead of silently dropped.
func TestUser_decodeRoleGrantsShapes(t *testing.T) {
	for _, tc := range []struct {
		name, entry string
		want        []RoleGrant
		bad         bool
	}{
		{"nested", `{"role":{"id":"p1","name":"PROJECT_MANAGER","source":null},"userId":"u1","workspaceId":"ws1"}`,
			[]RoleGrant{{WorkspaceID: "ws1", UserID: "u1", EntityID: "p1", Role: RoleProjectManager}}, false},
		{"nested via a group", `{"role":{"id":"g1","name":"TEAM_MANAGER","source":{"id":"g1","type":"USER_GROUP"}},"workspaceId":"ws1"}`,
			[]RoleGrant{{WorkspaceID: "ws1", UserID: "u9", EntityID: "g1", Role: RoleTeamManager, SourceType: "USER_GROUP", SourceID: "g1"}}, false},
		{"entities", `{"role":"PROJECT_MANAGER","entities":[{"id":"p1","name":"Web"},{"id":"p2","name":"App"}]}`,
			[]RoleGrant{{UserID: "u9", EntityID: "p1", Role: RoleProjectManager}, {UserID: "u9", EntityID: "p2", Role: RoleProjectManager}}, false},
		{"entities via a group", `{"role":"TEAM_MANAGER","entities":[{"id":"g1","source":{"id":"g1","type":"USER_GROUP"}}],"workspaceId":"ws1"}`,
			[]RoleGrant{{WorkspaceID: "ws1", UserID: "u9", EntityID: "g1", Role: RoleTeamManager, SourceType: "USER_GROUP", SourceID: "g1"}}, false},
		{"entities empty", `{"role":"TEAM_MANAGER","entities":[]}`, nil, true},
		{"role as a number", `{"role":3}`, nil, true},
		{"no role", `{"something":"else"}`, nil, true},
		{"not an object", `"WORKSPACE_ADMIN"`, nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var u User
			require.NoError(t, json.Unmarshal([]byte(`{"id":"u9","roles":[`+tc.entry+`]}`), &u))
			got, err := u.DecodeRoleGrants()
			assert.Equal(t, tc.want, got)
			if tc.bad {
				assert.Error(t, err)
				assert.Empty(t, u.RoleGrants())
			} else {
				assert.NoError(t, err)
				assert.Equal(t, tc.want, u.RoleGrants())
			}
		})
	}
}
