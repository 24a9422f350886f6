package clockifytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func rolesPath(userID string) string { return demoWS + "/users/" + userID + "/roles" }

func TestGrantRole_nestedRoleShape(t *testing.T) {
	s := newDemo(t)
	r := send(t, s, http.MethodPost, rolesPath(DemoMemberID), `{"entityId":"`+DemoProjectID+`","role":"PROJECT_MANAGER"}`)
	require.Equal(t, http.StatusCreated, r.status, "%s", r.body)
	assert.JSONEq(t, `[{"role":{"id":"`+DemoProjectID+`","name":"PROJECT_MANAGER","source":null},"userId":"`+DemoMemberID+`","workspaceId":"`+DemoWorkspaceID+`"}]`, string(r.body))

	r = send(t, s, http.MethodPost, rolesPath(DemoMemberID), `{"entityId":"`+DemoGroupID+`","role":"TEAM_MANAGER","sourceType":"USER_GROUP"}`)
	require.Equal(t, http.StatusCreated, r.status, "%s", r.body)
	assert.JSONEq(t, `[{"role":{"id":"`+DemoGroupID+`","name":"TEAM_MANAGER","source":{"id":"`+DemoGroupID+`","type":"USER_GROUP"}},"userId":"`+DemoMemberID+`","workspaceId":"`+DemoWorkspaceID+`"}]`, string(r.body))

	require.Equal(t, http.StatusCreated, send(t, s, http.MethodPost, rolesPath(DemoMemberID), `{"entityId":"`+DemoLimitedID+`","role":"TEAM_MANAGER"}`).status)
	require.Equal(t, http.StatusCreated, send(t, s, http.MethodPost, rolesPath(DemoMemberID), `{"entityId":"`+DemoWorkspaceID+`","role":"WORKSPACE_ADMIN"}`).status)
	// Granting again changes nothing.
	require.Equal(t, http.StatusCreated, send(t, s, http.MethodPost, rolesPath(DemoMemberID), `{"entityId":"`+DemoProjectID+`","role":"PROJECT_MANAGER"}`).status)

	st, _ := s.Member(DemoWorkspaceID, DemoMemberID)
	assert.Equal(t, Roles{Admin: true, TeamManagerOf: []string{DemoLimitedID}, TeamManagerOfGroups: []string{DemoGroupID}, ProjectManagerOf: []string{DemoProjectID}}, st.Roles)

	// The new team manager shows among the managers of a group member.
	managers := decodeJSON[[]wireUser](t, send(t, s, http.MethodGet, demoWS+"/users/"+DemoPendingApprovalsID+"/managers", ""))
	assert.ElementsMatch(t, []string{DemoTeamManagerID, DemoMemberID}, ids(managers))
}

func TestGrantRole_errors(t *testing.T) {
	s := newDemo(t)
	post := func(body string, hdr ...string) reply {
		return send(t, s, http.MethodPost, rolesPath(DemoMemberID), body, hdr...)
	}
	assertError(t, post(`{"entityId":"`+DemoWorkspaceID+`","role":"OWNER"}`), http.StatusBadRequest, 3000, "OWNER")
	assertError(t, post(`{"role":"TEAM_MANAGER"}`), http.StatusBadRequest, 0, "[entityId]")
	assertError(t, post(`{"entityId":"`+DemoProjectID+`"}`), http.StatusBadRequest, 0, "[role]")
	assertError(t, post(`{"entityId":"`+DemoProjectID+`","role":"PROJECT_MANAGER","sourceType":"USER_GROUP"}`), http.StatusBadRequest, 0, "[sourceType]")
	assertError(t, post(`{"entityId":"64f0a1b2c3d4e5f6030000ff","role":"PROJECT_MANAGER"}`), http.StatusBadRequest, 501, "Project doesn't belong to Workspace")
	assertError(t, post(`{"entityId":"64f0a1b2c3d4e5f6040000ff","role":"TEAM_MANAGER","sourceType":"USER_GROUP"}`), http.StatusBadRequest, 501, "UserGroup doesn't belong to Workspace")
	assertError(t, post(`{"entityId":"64f0a1b2c3d4e5f6020000ff","role":"TEAM_MANAGER"}`), http.StatusBadRequest, 501, "User doesn't belong to Workspace")
	assertError(t, post(`{"entityId":"`+DemoFreeWorkspaceID+`","role":"WORKSPACE_ADMIN"}`), http.StatusBadRequest, 501, "doesn't belong")
	assertError(t, send(t, s, http.MethodPost, rolesPath("64f0a1b2c3d4e5f6020000ff"), `{"entityId":"`+DemoProjectID+`","role":"PROJECT_MANAGER"}`), http.StatusBadRequest, 501, "User doesn't belong")
	assertError(t, post(`{"entityId":"`+DemoProjectID+`","role":"PROJECT_MANAGER"}`, as(s, DemoTeamManagerID)...), http.StatusForbidden, 0, "Access Denied")

	s.SetFeatures(DemoWorkspaceID)
	assertError(t, post(`{"entityId":"`+DemoProjectID+`","role":"PROJECT_MANAGER"}`), http.StatusForbidden, 0, "Access Denied")
	assert.Equal(t, http.StatusCreated, post(`{"entityId":"`+DemoWorkspaceID+`","role":"WORKSPACE_ADMIN"}`).status, "admin needs no MANAGER_ROLE")
}

func TestRemoveRole(t *testing.T) {
	s := newDemo(t)
	del := func(userID, body string, hdr ...string) reply {
		return send(t, s, http.MethodDelete, rolesPath(userID), body, hdr...)
	}
	r := del(DemoTeamManagerID, `{"entityId":"`+DemoMemberID+`","role":"TEAM_MANAGER"}`)
	require.Equal(t, http.StatusNoContent, r.status, "%s", r.body)
	assert.Empty(t, r.body)
	assert.Equal(t, http.StatusNoContent, del(DemoTeamManagerID, `{"entityId":"`+DemoGroupID+`","role":"TEAM_MANAGER","sourceType":"USER_GROUP"}`).status)
	assert.Equal(t, http.StatusNoContent, del(DemoProjectManagerID, `{"entityId":"`+DemoProjectID+`","role":"PROJECT_MANAGER"}`).status)
	tm, _ := s.Member(DemoWorkspaceID, DemoTeamManagerID)
	assert.Empty(t, tm.Roles.TeamManagerOf)
	assert.Empty(t, tm.Roles.TeamManagerOfGroups)
	pm, _ := s.Member(DemoWorkspaceID, DemoProjectManagerID)
	assert.Empty(t, pm.Roles.ProjectManagerOf)

	// Only the owner removes the admin role.
	admin := `{"entityId":"` + DemoWorkspaceID + `","role":"WORKSPACE_ADMIN"}`
	second := s.AddMember(DemoWorkspaceID, MemberSeed{Name: "Second Admin", Roles: Roles{Admin: true}})
	assertError(t, del(second, admin, as(s, DemoAdminID)...), http.StatusForbidden, 0, "Access Denied")
	assertError(t, del(DemoOwnerID, admin), http.StatusBadRequest, 0, msgOwnerRole)
	assert.Equal(t, http.StatusNoContent, del(second, admin).status)
	st, _ := s.Member(DemoWorkspaceID, second)
	assert.False(t, st.Roles.Admin)

	assertError(t, del(DemoMemberID, ""), http.StatusBadRequest, 3002, "Required request body is missing")
	assertError(t, del(DemoMemberID, `{"entityId":"64f0a1b2c3d4e5f6030000ff","role":"PROJECT_MANAGER"}`), http.StatusBadRequest, 501, "Project doesn't belong")
	assertError(t, del(DemoMemberID, `{"entityId":"`+DemoProjectID+`","role":"PROJECT_MANAGER"}`, as(s, DemoMemberID)...), http.StatusForbidden, 0, "Access Denied")
}

func TestListManagers(t *testing.T) {
	s := newDemo(t)
	managers := func(userID, query string) ([]wireUser, reply) {
		r := send(t, s, http.MethodGet, demoWS+"/users/"+userID+"/managers"+query, "")
		require.Equal(t, http.StatusOK, r.status, "%s", r.body)
		return decodeJSON[[]wireUser](t, r), r
	}
	got, r := managers(DemoMemberID, "")
	assert.Equal(t, []string{DemoTeamManagerID}, ids(got), "direct team manager")
	assert.Equal(t, "true", r.header.Get("Last-Page"))
	got, _ = managers(DemoMultiWorkspaceID, "")
	assert.Equal(t, []string{DemoTeamManagerID}, ids(got), "team manager through the group")
	got, _ = managers(DemoAdminID, "")
	assert.Empty(t, got)
	got, r = managers(DemoMemberID, "?page-size=1")
	assert.Len(t, got, 1)
	assert.Equal(t, "false", r.header.Get("Last-Page"), "a full page says false")
	got, r = managers(DemoMemberID, "?page=2&page-size=1")
	assert.Empty(t, got)
	assert.Equal(t, "true", r.header.Get("Last-Page"))

	assertError(t, send(t, s, http.MethodGet, demoWS+"/users/64f0a1b2c3d4e5f6020000ff/managers", ""), http.StatusBadRequest, 501, "User doesn't belong to Workspace")
}
