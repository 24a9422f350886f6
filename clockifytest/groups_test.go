package clockifytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type wireGroup struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	UserIDs      []string `json:"userIds"`
	WorkspaceID  string   `json:"workspaceId"`
	TeamManagers []struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"teamManagers"`
}

func TestGroupMembership(t *testing.T) {
	s := newDemo(t)
	groupUsers := demoWS + "/user-groups/" + DemoGroupID + "/users"
	r := send(t, s, http.MethodPost, groupUsers, `{"userId":"`+DemoAdminID+`"}`)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	g := decodeJSON[wireGroup](t, r)
	assert.Equal(t, DemoGroupID, g.ID)
	assert.Equal(t, "Design Team", g.Name)
	assert.Equal(t, DemoWorkspaceID, g.WorkspaceID)
	assert.Equal(t, []string{DemoMemberID, DemoMultiWorkspaceID, DemoPendingApprovalsID, DemoAdminID}, g.UserIDs)
	require.Len(t, g.TeamManagers, 1)
	assert.Equal(t, DemoTeamManagerID, g.TeamManagers[0].ID)
	assert.Equal(t, "Priya Raman", g.TeamManagers[0].Name)

	// Adding twice changes nothing.
	g = decodeJSON[wireGroup](t, send(t, s, http.MethodPost, groupUsers, `{"userId":"`+DemoAdminID+`"}`))
	assert.Len(t, g.UserIDs, 4)

	r = send(t, s, http.MethodDelete, groupUsers+"/"+DemoMemberID, "")
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	g = decodeJSON[wireGroup](t, r)
	assert.Equal(t, []string{DemoMultiWorkspaceID, DemoPendingApprovalsID, DemoAdminID}, g.UserIDs)
	state, _ := s.Group(DemoWorkspaceID, DemoGroupID)
	assert.Equal(t, g.UserIDs, state.UserIDs)
}

func TestGroupMembership_errors(t *testing.T) {
	s := newDemo(t)
	groupUsers := demoWS + "/user-groups/" + DemoGroupID + "/users"
	assertError(t, send(t, s, http.MethodPost, demoWS+"/user-groups/64f0a1b2c3d4e5f6040000ff/users", `{"userId":"`+DemoAdminID+`"}`), http.StatusBadRequest, 501, "UserGroup doesn't belong to Workspace")
	assertError(t, send(t, s, http.MethodPost, groupUsers, `{"userId":"64f0a1b2c3d4e5f6020000ff"}`), http.StatusBadRequest, 501, "User doesn't belong to Workspace")
	assertError(t, send(t, s, http.MethodPost, groupUsers, `{}`), http.StatusBadRequest, 0, "[userId]")
	assertError(t, send(t, s, http.MethodPost, groupUsers, `{"userId":"`+DemoAdminID+`"}`, as(s, DemoTeamManagerID)...), http.StatusForbidden, 0, "Access Denied")
	assertError(t, send(t, s, http.MethodDelete, groupUsers+"/64f0a1b2c3d4e5f6020000ff", ""), http.StatusBadRequest, 501, "User doesn't belong")
	assertError(t, send(t, s, http.MethodDelete, demoWS+"/user-groups/64f0a1b2c3d4e5f6040000ff/users/"+DemoMemberID, ""), http.StatusBadRequest, 501, "UserGroup doesn't belong")
	state, _ := s.Group(DemoWorkspaceID, DemoGroupID)
	assert.Len(t, state.UserIDs, 3)
}
