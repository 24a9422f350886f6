package clockifytest

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func listUsers(t *testing.T, s *Server, query string, hdr ...string) ([]wireUser, reply) {
	t.Helper()
	if !strings.Contains(query, "include-roles") {
		query += map[bool]string{true: "&", false: "?"}[strings.Contains(query, "?")] + "include-roles=false"
	}
	r := send(t, s, http.MethodGet, demoWS+"/users"+query, "", hdr...)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	return decodeJSON[[]wireUser](t, r), r
}

func TestListUsers_defaultsHideLimitedAndShowInvites(t *testing.T) {
	s := newDemo(t)
	users, r := listUsers(t, s, "?include-roles=false")
	assert.Equal(t, "true", r.header.Get("Last-Page"))
	assert.Len(t, users, 9)
	assert.NotContains(t, ids(users), DemoLimitedID)
	emails := make([]string, len(users))
	for i, u := range users {
		emails[i] = u.Email
		assert.NotNil(t, u.Memberships)
		assert.Empty(t, u.Memberships, "memberships default to NONE")
		assert.Nil(t, u.Roles, "no roles without include-roles")
	}
	assert.True(t, slices.IsSorted(emails), "sorted by EMAIL by default: %v", emails)

	var invited wireUser
	for _, u := range users {
		if u.ID == DemoInvitedID {
			invited = u
		}
	}
	assert.Nil(t, invited.Name, "name is null for a member who never onboarded")
	assert.Nil(t, invited.Settings, "settings are null for a member who never onboarded")
	assert.Equal(t, AccountNotRegistered, invited.Status)
	raw := decodeJSON[[]map[string]any](t, r)
	assert.Contains(t, raw[0], "settings", "the settings key is always present")

	limited, _ := listUsers(t, s, "?account-statuses=LIMITED")
	assert.Equal(t, []string{DemoLimitedID}, ids(limited))
	assert.Equal(t, "", limited[0].Email)
	all, _ := listUsers(t, s, "?account-statuses=ACTIVE,LIMITED&account-statuses=NOT_REGISTERED")
	assert.Len(t, all, 10)
}

func TestListUsers_filtersAndSorting(t *testing.T) {
	s := newDemo(t)
	got, _ := listUsers(t, s, "?email=ROSSI")
	assert.Equal(t, []string{DemoPendingApprovalsID}, ids(got), "email is a case-insensitive substring")
	got, _ = listUsers(t, s, "?name=an")
	assert.ElementsMatch(t, []string{DemoTeamManagerID, DemoInactiveID, DemoAdminID}, ids(got)) // Raman, Grant, Daniel
	got, _ = listUsers(t, s, "?status=INACTIVE")
	assert.Equal(t, []string{DemoInactiveID}, ids(got))
	got, _ = listUsers(t, s, "?status=PENDING")
	assert.Equal(t, []string{DemoInvitedID}, ids(got))
	got, _ = listUsers(t, s, "?project-id="+DemoProjectID)
	assert.ElementsMatch(t, []string{DemoMemberID, DemoTeamManagerID, DemoProjectManagerID}, ids(got))

	got, _ = listUsers(t, s, "?sort-column=NAME&sort-order=DESCENDING&status=ACTIVE")
	var names []string
	for _, u := range got {
		names = append(names, *u.Name)
	}
	assert.Equal(t, []string{"Sofia Rossi", "Priya Raman", "Noah Bennett", "Maya Lindqvist", "Lucas Ferreira", "Emma Schultz", "Daniel Okafor"}, names)

	got, _ = listUsers(t, s, "?sort-column=HOURLYRATE&sort-order=DESCENDING&page-size=2")
	assert.Equal(t, []string{DemoOwnerID, DemoAdminID}, ids(got))

	assertError(t, send(t, s, http.MethodGet, demoWS+"/users?include-roles=false&project-id=64f0a1b2c3d4e5f6030000ff", ""), http.StatusBadRequest, 501, "Project doesn't belong to Workspace")
	assertError(t, send(t, s, http.MethodGet, demoWS+"/users?sort-column=AGE", ""), http.StatusBadRequest, 3000, "Method parameter 'sort-column'")
	assertError(t, send(t, s, http.MethodGet, demoWS+"/users?status=GONE", ""), http.StatusBadRequest, 3000, "Method parameter 'status'")
	assertError(t, send(t, s, http.MethodGet, demoWS+"/users?account-statuses=GONE", ""), http.StatusBadRequest, 3000, "Method parameter 'account-statuses'")
	assertError(t, send(t, s, http.MethodGet, demoWS+"/users?include-roles=maybe", ""), http.StatusBadRequest, 3000, "Invalid boolean value [maybe]")
	assertError(t, send(t, s, http.MethodGet, demoWS+"/users?memberships=SOME", ""), http.StatusBadRequest, 3000, "Method parameter 'memberships'")
}

func TestListUsers_pagination(t *testing.T) {
	s := newDemo(t)
	var seen []string
	for page, want := range []struct {
		n    int
		last string
	}{{4, "false"}, {4, "false"}, {1, "true"}, {0, "true"}} {
		got, r := listUsers(t, s, "?page-size=4&page="+string(rune('1'+page)))
		assert.Len(t, got, want.n, "page %d", page+1)
		assert.Equal(t, want.last, r.header.Get("Last-Page"), "page %d", page+1)
		seen = append(seen, ids(got)...)
	}
	assert.Len(t, seen, 9)
	slices.Sort(seen)
	assert.Len(t, slices.Compact(seen), 9, "no member appears twice")

	// As recorded live, a full page says Last-Page: false even when it is
	// the last one; the next, empty, page says true.
	got, r := listUsers(t, s, "?page-size=9")
	assert.Len(t, got, 9)
	assert.Equal(t, "false", r.header.Get("Last-Page"))
	got, r = listUsers(t, s, "?page-size=9&page=2")
	assert.Empty(t, got)
	assert.Equal(t, "true", r.header.Get("Last-Page"))
	_, r = listUsers(t, s, "?page-size=5000")
	assert.Equal(t, "true", r.header.Get("Last-Page"))

	assertError(t, send(t, s, http.MethodGet, demoWS+"/users?page-size=5001", ""), http.StatusBadRequest, 3000, "page-size")
	assertError(t, send(t, s, http.MethodGet, demoWS+"/users?page-size=0", ""), http.StatusBadRequest, 3000, "page-size")
	assertError(t, send(t, s, http.MethodGet, demoWS+"/users?page=0", ""), http.StatusBadRequest, 3000, "page")
	assertError(t, send(t, s, http.MethodGet, demoWS+"/users?page=two", ""), http.StatusBadRequest, 3000, `Method parameter 'page': Failed to convert value of type 'java.lang.String' to required type 'int'; For input string: "two"`)
}

func TestListUsers_membershipsAndRoles(t *testing.T) {
	s := newDemo(t)
	got, _ := listUsers(t, s, "?memberships=ALL&include-roles=true&email=emma")
	require.Len(t, got, 1)
	var kinds []string
	for _, m := range got[0].Memberships {
		kinds = append(kinds, m.MembershipType+":"+m.TargetID)
	}
	assert.ElementsMatch(t, []string{"WORKSPACE:" + DemoWorkspaceID, "PROJECT:" + DemoProjectID, "USERGROUP:" + DemoGroupID}, kinds)
	assert.NotNil(t, got[0].Roles)
	assert.Empty(t, got[0].Roles)

	got, _ = listUsers(t, s, "?memberships=USERGROUP&email=emma")
	require.Len(t, got[0].Memberships, 1)
	assert.Equal(t, "USERGROUP", got[0].Memberships[0].MembershipType)

	roles := func(userID string) []string {
		users, _ := listUsers(t, s, "?include-roles=true&status=ALL")
		for _, u := range users {
			if u.ID == userID {
				out := []string{}
				for _, r := range u.Roles {
					out = append(out, string(r))
				}
				return out
			}
		}
		t.Fatalf("user %s not listed", userID)
		return nil
	}
	owner := roles(DemoOwnerID)
	require.Len(t, owner, 1)
	assert.JSONEq(t, `{"role":{"id":"`+DemoWorkspaceID+`","name":"OWNER","source":null},"userId":"`+DemoOwnerID+`","workspaceId":"`+DemoWorkspaceID+`"}`, owner[0])
	assert.JSONEq(t, `{"role":{"id":"`+DemoWorkspaceID+`","name":"WORKSPACE_ADMIN","source":null},"userId":"`+DemoAdminID+`","workspaceId":"`+DemoWorkspaceID+`"}`, roles(DemoAdminID)[0])
	tm := roles(DemoTeamManagerID)
	require.Len(t, tm, 2)
	assert.JSONEq(t, `{"role":{"id":"`+DemoMemberID+`","name":"TEAM_MANAGER","source":null},"userId":"`+DemoTeamManagerID+`","workspaceId":"`+DemoWorkspaceID+`"}`, tm[0])
	assert.JSONEq(t, `{"role":{"id":"`+DemoGroupID+`","name":"TEAM_MANAGER","source":{"id":"`+DemoGroupID+`","type":"USER_GROUP"}},"userId":"`+DemoTeamManagerID+`","workspaceId":"`+DemoWorkspaceID+`"}`, tm[1])
	assert.JSONEq(t, `{"role":{"id":"`+DemoProjectID+`","name":"PROJECT_MANAGER","source":null},"userId":"`+DemoProjectManagerID+`","workspaceId":"`+DemoWorkspaceID+`"}`, roles(DemoProjectManagerID)[0])
}

func TestFilterUsers(t *testing.T) {
	s := newDemo(t)
	filter := func(body string) ([]wireUser, reply) {
		r := send(t, s, http.MethodPost, demoWS+"/users/info", body)
		require.Equal(t, http.StatusOK, r.status, "%s", r.body)
		return decodeJSON[[]wireUser](t, r), r
	}
	got, _ := filter(`{"roles":["WORKSPACE_ADMIN"]}`)
	assert.ElementsMatch(t, []string{DemoOwnerID, DemoAdminID}, ids(got), "owners count as admins in the filter")
	got, _ = filter(`{"roles":["OWNER"]}`)
	assert.Equal(t, []string{DemoOwnerID}, ids(got))
	got, _ = filter(`{"roles":["TEAM_MANAGER","PROJECT_MANAGER"]}`)
	assert.ElementsMatch(t, []string{DemoTeamManagerID, DemoProjectManagerID}, ids(got))
	got, _ = filter(`{"userGroups":["` + DemoGroupID + `"]}`)
	assert.ElementsMatch(t, []string{DemoMemberID, DemoMultiWorkspaceID, DemoPendingApprovalsID}, ids(got))
	got, _ = filter(`{"accountStatuses":["LIMITED"],"includeRoles":true}`)
	assert.Equal(t, []string{DemoLimitedID}, ids(got))
	assert.NotNil(t, got[0].Roles)

	got, r := filter(`{"pageSize":4,"page":3,"sortColumn":"ID"}`)
	assert.Equal(t, []string{DemoInvitedID}, ids(got)) // 9 visible, ids in seeding order
	assert.NotContains(t, r.header, "Last-Page", "only the list endpoints send Last-Page")
	got, r = filter(`{"pageSize":4,"page":2}`)
	assert.Len(t, got, 4)
	assert.NotContains(t, r.header, "Last-Page")

	assertError(t, send(t, s, http.MethodPost, demoWS+"/users/info", `{"roles":["BOSS"]}`), http.StatusBadRequest, 3000, "JSON parse error")
	assertError(t, send(t, s, http.MethodPost, demoWS+"/users/info", `{"pageSize":0}`), http.StatusBadRequest, 3000, "pageSize")
	assertError(t, send(t, s, http.MethodPost, demoWS+"/users/info", `{"userGroups":["64f0a1b2c3d4e5f6040000ff"]}`), http.StatusBadRequest, 501, "UserGroup doesn't belong to Workspace")
}

func TestInvite_addsPendingMemberAndReturnsWorkspace(t *testing.T) {
	s := newDemo(t)
	r := send(t, s, http.MethodPost, demoWS+"/users?send-email=false", `{"email":"new.hire@example.com"}`)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	ws := decodeJSON[wireWorkspace](t, r)
	assert.Equal(t, DemoWorkspaceID, ws.ID, "the answer is the whole workspace")

	id, ok := s.FindMemberByEmail(DemoWorkspaceID, "New.Hire@example.com")
	require.True(t, ok)
	m, ok := membershipOf(ws, id)
	require.True(t, ok)
	assert.Equal(t, MembershipPending, m.MembershipStatus)
	state, _ := s.Member(DemoWorkspaceID, id)
	assert.Equal(t, AccountNotRegistered, state.AccountStatus)
	assert.Equal(t, "false", s.Requests()[0].Query.Get("send-email"))

	assertError(t, send(t, s, http.MethodPost, demoWS+"/users?send-email=true", `{"email":"new.hire@example.com"}`), http.StatusBadRequest, 0, "already a member")
	// An existing account from another workspace is reused.
	s.AddWorkspace(WorkspaceSeed{ID: "64f0a1b2c3d4e5f6010000aa", Name: "Other"})
	other := s.AddMember("64f0a1b2c3d4e5f6010000aa", MemberSeed{Name: "Zed Other", Email: "zed@example.com"})
	require.Equal(t, http.StatusOK, send(t, s, http.MethodPost, demoWS+"/users?send-email=true", `{"email":"zed@example.com"}`).status)
	got, ok := s.FindMemberByEmail(DemoWorkspaceID, "zed@example.com")
	assert.True(t, ok)
	assert.Equal(t, other, got)
}

func TestInvite_rules(t *testing.T) {
	s := newDemo(t)
	assertError(t, send(t, s, http.MethodPost, "/v1/workspaces/"+DemoFreeWorkspaceID+"/users?send-email=true", `{"email":"a@example.com"}`),
		http.StatusForbidden, 0, "Access Denied")
	assertError(t, send(t, s, http.MethodPost, demoWS+"/users?send-email=true", `{"email":"a@example.com"}`, as(s, DemoTeamManagerID)...),
		http.StatusForbidden, 0, "Access Denied")
	assert.Equal(t, http.StatusOK, send(t, s, http.MethodPost, demoWS+"/users?send-email=true", `{"email":"b@example.com"}`, as(s, DemoAdminID)...).status)
	assertError(t, send(t, s, http.MethodPost, demoWS+"/users?send-email=true", `{"email":""}`), http.StatusBadRequest, 0, "You entered invalid value for field: [email]")
	assertError(t, send(t, s, http.MethodPost, demoWS+"/users?send-email=true", `{"email":"not an address"}`), http.StatusBadRequest, 0, "[email]")
	assertError(t, send(t, s, http.MethodPost, demoWS+"/users?send-email=sure", `{"email":"c@example.com"}`), http.StatusBadRequest, 3000, "send-email")
}

func setStatus(t *testing.T, s *Server, userID, status string, hdr ...string) reply {
	t.Helper()
	return send(t, s, http.MethodPut, demoWS+"/users/"+userID, `{"status":"`+status+`"}`, hdr...)
}

func TestUpdateUserStatus(t *testing.T) {
	s := newDemo(t)
	r := setStatus(t, s, DemoMemberID, "INACTIVE")
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	m, _ := membershipOf(decodeJSON[wireWorkspace](t, r), DemoMemberID)
	assert.Equal(t, MembershipInactive, m.MembershipStatus)
	r = setStatus(t, s, DemoMemberID, "ACTIVE")
	m, _ = membershipOf(decodeJSON[wireWorkspace](t, r), DemoMemberID)
	assert.Equal(t, MembershipActive, m.MembershipStatus)
	r = setStatus(t, s, DemoInactiveID, "ACTIVE")
	require.Equal(t, http.StatusOK, r.status)
	st, _ := s.Member(DemoWorkspaceID, DemoInactiveID)
	assert.Equal(t, MembershipActive, st.MembershipStatus)
}

func TestUpdateUserStatus_rules(t *testing.T) {
	s := newDemo(t)
	second := s.AddMember(DemoWorkspaceID, MemberSeed{Name: "Second Admin", Roles: Roles{Admin: true}})
	admin := as(s, DemoAdminID)

	assertError(t, setStatus(t, s, DemoOwnerID, "INACTIVE"), http.StatusBadRequest, 0, "owner can't be deactivated")
	assertError(t, setStatus(t, s, DemoOwnerID, "INACTIVE", admin...), http.StatusBadRequest, 0, "owner can't be deactivated")
	assertError(t, setStatus(t, s, DemoInvitedID, "INACTIVE"), http.StatusBadRequest, 0, "not accepted the invitation")
	assertError(t, setStatus(t, s, DemoInvitedID, "ACTIVE"), http.StatusBadRequest, 0, "not accepted the invitation")
	assertError(t, setStatus(t, s, second, "INACTIVE", admin...), http.StatusForbidden, 0, "Access Denied")
	assertError(t, setStatus(t, s, DemoMemberID, "INACTIVE", as(s, DemoTeamManagerID)...), http.StatusForbidden, 0, "Access Denied")
	assertError(t, setStatus(t, s, DemoMemberID, "PENDING"), http.StatusBadRequest, 3000, "PENDING")
	assertError(t, setStatus(t, s, DemoMemberID, ""), http.StatusBadRequest, 0, "[status]")
	assertError(t, setStatus(t, s, "64f0a1b2c3d4e5f6020000ff", "INACTIVE"), http.StatusBadRequest, 501, "User doesn't belong to Workspace")

	st, _ := s.Member(DemoWorkspaceID, second)
	assert.Equal(t, MembershipActive, st.MembershipStatus, "refused changes change nothing")
	assert.Equal(t, http.StatusOK, setStatus(t, s, second, "INACTIVE").status, "the owner may deactivate an admin")
	assert.Equal(t, http.StatusOK, setStatus(t, s, DemoMemberID, "INACTIVE", admin...).status, "an admin may deactivate a member")
}

func TestRemoveMember_neverWorks(t *testing.T) {
	s := newDemo(t)
	del := func(userID string) reply { return send(t, s, http.MethodDelete, demoWS+"/users/"+userID, "") }
	assertError(t, del(DemoMemberID), http.StatusBadRequest, 0, "must be deactivated")
	r := del(DemoInactiveID)
	assertError(t, r, http.StatusBadRequest, 400, "User is migrated to Cake. Use Cake to remove user from workspace")
	assert.JSONEq(t, `{"code":400,"message":"User is migrated to Cake. Use Cake to remove user from workspace"}`, string(r.body))
	assertError(t, del(DemoOwnerID), http.StatusBadRequest, 0, "owner can't be removed")
	assertError(t, del(DemoInvitedID), http.StatusBadRequest, 0, "not accepted the invitation")
	assertError(t, del("64f0a1b2c3d4e5f6020000ff"), http.StatusBadRequest, 501, "User doesn't belong to Workspace")
	assertError(t, send(t, s, http.MethodDelete, demoWS+"/users/"+DemoInactiveID, "", as(s, DemoMemberID)...), http.StatusForbidden, 0, "Access Denied")
	_, still := s.Member(DemoWorkspaceID, DemoInactiveID)
	assert.True(t, still)
}
