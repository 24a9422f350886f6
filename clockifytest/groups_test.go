package clockifytest

import (
	"net/http"
	"slices"
	"strings"
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
	require.Len(t, got, 5)
	assert.Equal(t, []string{b, DemoGroupID, e, DemoEngineeringGroupID, DemoKioskGroupID},
		[]string{got[0].ID, got[1].ID, got[2].ID, got[3].ID, got[4].ID}, "ordered by name")
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
	got, r = list("?page-size=2&page=3")
	assert.Equal(t, []string{DemoKioskGroupID}, []string{got[0].ID})
	assert.Equal(t, "true", r.header.Get("Last-Page"))
	got, r = list("?page-size=5")
	assert.Len(t, got, 5)
	assert.Equal(t, "false", r.header.Get("Last-Page"))
	got, r = list("?page-size=5&page=2")
	assert.Empty(t, got)
	assert.Equal(t, "[]\n", string(r.body))
	assert.Equal(t, "true", r.header.Get("Last-Page"))

	// Any member may list.
	got, _ = list("", as(s, DemoMemberID)...)
	assert.Len(t, got, 5)

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

	// PUT and DELETE are the verbs the Allow header names: both are served.
	assert.Equal(t, http.StatusOK, send(t, s, http.MethodPut, group, `{"name":"Design"}`).status)
	assert.Equal(t, http.StatusOK, send(t, s, http.MethodDelete, group, "").status)

	// Authentication still comes first.
	assertError(t, send(t, s, http.MethodGet, group, "", "noauth", ""), http.StatusUnauthorized, 1000, "Multiple or none")
}

func TestCreateGroup(t *testing.T) {
	s := newDemo(t)
	r := send(t, s, http.MethodPost, demoWS+"/user-groups", `{"name":"Night Shift"}`)
	require.Equal(t, http.StatusCreated, r.status, "%s", r.body)
	raw := decodeJSON[map[string]any](t, r)
	assert.Equal(t, []any{}, raw["userIds"])
	assert.Equal(t, []any{}, raw["teamManagers"])
	g := decodeJSON[wireGroup](t, r)
	assert.Regexp(t, `^[0-9a-f]{24}$`, g.ID)
	assert.Equal(t, "Night Shift", g.Name)
	assert.Equal(t, DemoWorkspaceID, g.WorkspaceID)
	state, ok := s.Group(DemoWorkspaceID, g.ID)
	require.True(t, ok)
	assert.Equal(t, "Night Shift", state.Name)

	// The new group takes members like any other.
	r = send(t, s, http.MethodPost, demoWS+"/user-groups/"+g.ID+"/users", `{"userId":"`+DemoMemberID+`"}`)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.Equal(t, []string{DemoMemberID}, decodeJSON[wireGroup](t, r).UserIDs)
}

func TestCreateGroup_refusals(t *testing.T) {
	s := newDemo(t)
	groups := demoWS + "/user-groups"
	before := len(decodeJSON[[]wireGroup](t, send(t, s, http.MethodGet, groups, "")))
	assertError(t, send(t, s, http.MethodPost, groups, ""), http.StatusBadRequest, 3002, "UserGroupHttpAdapter.create(")
	assertError(t, send(t, s, http.MethodPost, groups, `{"name":""}`), http.StatusBadRequest, 0, "[name]")
	assertError(t, send(t, s, http.MethodPost, groups, `{"name":"`+strings.Repeat("x", 101)+`"}`), http.StatusBadRequest, 0, "longer than 100")
	assertError(t, send(t, s, http.MethodPost, groups, `{"name":"design team"}`), http.StatusBadRequest, 0, "already exists")
	for _, who := range []string{DemoMemberID, DemoTeamManagerID, DemoProjectManagerID} {
		assertError(t, send(t, s, http.MethodPost, groups, `{"name":"Mine"}`, as(s, who)...), http.StatusForbidden, 0, "Access Denied")
	}
	assert.Equal(t, http.StatusCreated, send(t, s, http.MethodPost, groups, `{"name":"Admins may"}`, as(s, DemoAdminID)...).status)
	assert.Len(t, decodeJSON[[]wireGroup](t, send(t, s, http.MethodGet, groups, "")), before+1)
}

func TestRenameGroup(t *testing.T) {
	s := newDemo(t)
	group := demoWS + "/user-groups/" + DemoGroupID
	r := send(t, s, http.MethodPut, group, `{"name":"Product Design"}`)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	g := decodeJSON[wireGroup](t, r)
	assert.Equal(t, DemoGroupID, g.ID)
	assert.Equal(t, "Product Design", g.Name)
	assert.Len(t, g.UserIDs, 3, "members are kept")
	state, _ := s.Group(DemoWorkspaceID, DemoGroupID)
	assert.Equal(t, "Product Design", state.Name)
	// Its own name again is no duplicate.
	assert.Equal(t, http.StatusOK, send(t, s, http.MethodPut, group, `{"name":"Product Design"}`).status)

	other := s.AddUserGroup(DemoWorkspaceID, GroupSeed{Name: "Backend"})
	assertError(t, send(t, s, http.MethodPut, group, `{"name":"BACKEND"}`), http.StatusBadRequest, 0, "already exists")
	assertError(t, send(t, s, http.MethodPut, group, ""), http.StatusBadRequest, 3002, "UserGroupHttpAdapter.update(java.lang.String,java.lang.String,")
	assertError(t, send(t, s, http.MethodPut, group, `{"name":" "}`), http.StatusBadRequest, 0, "[name]")
	assertError(t, send(t, s, http.MethodPut, demoWS+"/user-groups/64f0a1b2c3d4e5f6040000ff", `{"name":"X"}`), http.StatusBadRequest, 501, "UserGroup doesn't belong to Workspace")
	assertError(t, send(t, s, http.MethodPut, demoWS+"/user-groups/"+other, `{"name":"X"}`, as(s, DemoTeamManagerID)...), http.StatusForbidden, 0, "Access Denied")
	state, _ = s.Group(DemoWorkspaceID, other)
	assert.Equal(t, "Backend", state.Name)
}

func TestDeleteGroup(t *testing.T) {
	s := newDemo(t)
	group := demoWS + "/user-groups/" + DemoGroupID
	assertError(t, send(t, s, http.MethodDelete, group, "", as(s, DemoTeamManagerID)...), http.StatusForbidden, 0, "Access Denied")
	r := send(t, s, http.MethodDelete, group, "")
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	g := decodeJSON[wireGroup](t, r)
	assert.Equal(t, DemoGroupID, g.ID)
	assert.Equal(t, "Design Team", g.Name)
	assert.Len(t, g.UserIDs, 3, "the answer is the group as it was")
	require.Len(t, g.TeamManagers, 1)

	_, ok := s.Group(DemoWorkspaceID, DemoGroupID)
	assert.False(t, ok)
	for _, l := range decodeJSON[[]wireGroup](t, send(t, s, http.MethodGet, demoWS+"/user-groups", "")) {
		assert.NotEqual(t, DemoGroupID, l.ID)
	}
	tm, _ := s.Member(DemoWorkspaceID, DemoTeamManagerID)
	assert.Empty(t, tm.Roles.TeamManagerOfGroups, "managing a deleted group is no role")
	_, stillMember := s.Member(DemoWorkspaceID, DemoMemberID)
	assert.True(t, stillMember)
	assertError(t, send(t, s, http.MethodDelete, group, ""), http.StatusBadRequest, 501, "UserGroup doesn't belong to Workspace")
}

func TestListGroups_nameFilterAndSort(t *testing.T) {
	s := newDemo(t)
	s.AddUserGroup(DemoWorkspaceID, GroupSeed{Name: "Backend"})
	s.AddUserGroup(DemoWorkspaceID, GroupSeed{Name: "Web Designers"})
	list := func(query string) []string {
		r := send(t, s, http.MethodGet, demoWS+"/user-groups"+query, "")
		require.Equal(t, http.StatusOK, r.status, "%s", r.body)
		var names []string
		for _, g := range decodeJSON[[]wireGroup](t, r) {
			names = append(names, g.Name)
		}
		return names
	}
	all := list("")
	require.GreaterOrEqual(t, len(all), 2)
	assert.True(t, slices.IsSorted(all), "NAME ascending by default: %v", all)
	desc := list("?sort-order=DESCENDING")
	slices.Reverse(desc)
	assert.Equal(t, all, desc)
	assert.Equal(t, []string{"Design Team", "Web Designers"}, list("?name=DESIGN"), "substring, case-insensitive")
	assert.Empty(t, list("?name=nobody"))
	assert.Len(t, list("?includeTeamManagers=true"), len(all))
	assertError(t, send(t, s, http.MethodGet, demoWS+"/user-groups?sort-column=SIZE", ""), http.StatusBadRequest, 3000, "Method parameter 'sort-column'")
	assertError(t, send(t, s, http.MethodGet, demoWS+"/user-groups?includeTeamManagers=maybe", ""), http.StatusBadRequest, 3000, "includeTeamManagers")
}
