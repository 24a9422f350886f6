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

func TestListGroups(t *testing.T) {
	s := newDemo(t)
	b := s.AddUserGroup(DemoWorkspaceID, GroupSeed{Name: "Backend", UserIDs: []string{DemoAdminID}})
	e := s.AddUserGroup(DemoWorkspaceID, GroupSeed{Name: "Empty"})
	list := func(query string, hdr ...string) ([]wireGroup, reply) {
		r := send(t, s, http.MethodGet, demoWS+"/user-groups"+query, "", hdr...)
		require.Equal(t, http.StatusOK, r.status, "%s", r.body)
		return decodeJSON[[]wireGroup](t, r), r
	}
	got, r := list("")
	assert.Equal(t, "true", r.header.Get("Last-Page"))
	require.Len(t, got, 3)
	assert.Equal(t, []string{b, DemoGroupID, e}, []string{got[0].ID, got[1].ID, got[2].ID}, "ordered by name")
	design := got[1]
	assert.Equal(t, "Design Team", design.Name)
	assert.Equal(t, DemoWorkspaceID, design.WorkspaceID)
	assert.Equal(t, []string{DemoMemberID, DemoMultiWorkspaceID, DemoPendingApprovalsID}, design.UserIDs)
	require.Len(t, design.TeamManagers, 1)
	assert.Equal(t, DemoTeamManagerID, design.TeamManagers[0].ID)
	raw := decodeJSON[[]map[string]any](t, r)
	assert.Equal(t, []any{}, raw[2]["userIds"], "an empty group has userIds [], not null")
	assert.Equal(t, []any{}, raw[2]["teamManagers"])

	// Paging with the live Last-Page rule: a full page says false.
	got, r = list("?page-size=2")
	assert.Len(t, got, 2)
	assert.Equal(t, "false", r.header.Get("Last-Page"))
	got, r = list("?page-size=2&page=2")
	assert.Equal(t, []string{e}, []string{got[0].ID})
	assert.Equal(t, "true", r.header.Get("Last-Page"))
	got, r = list("?page-size=3")
	assert.Len(t, got, 3)
	assert.Equal(t, "false", r.header.Get("Last-Page"))
	got, r = list("?page-size=3&page=2")
	assert.Empty(t, got)
	assert.Equal(t, "[]\n", string(r.body))
	assert.Equal(t, "true", r.header.Get("Last-Page"))

	// Any member may list.
	got, _ = list("", as(s, DemoMemberID)...)
	assert.Len(t, got, 3)

	assertError(t, send(t, s, http.MethodGet, demoWS+"/user-groups?page-size=0", ""), http.StatusBadRequest, 3000, "page-size")
	assertError(t, send(t, s, http.MethodGet, demoWS+"/user-groups?page=x", ""), http.StatusBadRequest, 3000, "Method parameter 'page'")
	assertError(t, send(t, s, http.MethodGet, "/v1/workspaces/"+DemoFreeWorkspaceID+"/user-groups", "", as(s, DemoMemberID)...), http.StatusBadRequest, 501, "doesn't belong")
}

// A single group and a group's users cannot be read.
func TestGroupReads_are405(t *testing.T) {
	s := newDemo(t)
	group := demoWS + "/user-groups/" + DemoGroupID
	r := send(t, s, http.MethodGet, group, "")
	assertError(t, r, http.StatusMethodNotAllowed, 3000, "Request method 'GET' is not supported")
	assert.Equal(t, "PUT, DELETE", r.header.Get("Allow"))
	r = send(t, s, http.MethodPatch, group, `{}`)
	assertError(t, r, http.StatusMethodNotAllowed, 3000, "Request method 'PATCH' is not supported")
	assert.Equal(t, "PUT, DELETE", r.header.Get("Allow"))

	r = send(t, s, http.MethodGet, group+"/users", "")
	assertError(t, r, http.StatusMethodNotAllowed, 3000, "Request method 'GET' is not supported")
	assert.Equal(t, "POST", r.header.Get("Allow"))

	// Group update and deletion are outside the fake's surface.
	assertError(t, send(t, s, http.MethodDelete, group, ""), http.StatusNotFound, 3000, "No static resource")

	// Authentication still comes first.
	assertError(t, send(t, s, http.MethodGet, group, "", "noauth", ""), http.StatusUnauthorized, 1000, "Multiple or none")
}
