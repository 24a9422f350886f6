package clockifytest

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCurrentUser(t *testing.T) {
	s := newDemo(t)
	r := send(t, s, http.MethodGet, "/v1/user", "")
	require.Equal(t, http.StatusOK, r.status)
	raw := decodeJSON[map[string]any](t, r)
	for _, k := range []string{"activeWorkspace", "customFields", "defaultWorkspace", "email", "id", "memberships", "name", "profilePicture", "settings", "status"} {
		assert.Contains(t, raw, k)
	}
	assert.Equal(t, []any{}, raw["memberships"], "memberships are [] unless asked for")
	me := decodeJSON[wireUser](t, r)
	assert.Equal(t, DemoOwnerID, me.ID)
	assert.Equal(t, "maya.lindqvist@acme-studio.example", me.Email)
	assert.Equal(t, DemoWorkspaceID, raw["activeWorkspace"])

	me = decodeJSON[wireUser](t, send(t, s, http.MethodGet, "/v1/user?include-memberships=true", ""))
	var targets []string
	for _, m := range me.Memberships {
		if m.MembershipType == "WORKSPACE" {
			targets = append(targets, m.TargetID)
		}
	}
	assert.ElementsMatch(t, []string{DemoWorkspaceID, DemoFreeWorkspaceID}, targets)
}

func TestCurrentUser_badBooleanHasNoCode(t *testing.T) {
	s := newDemo(t)
	r := send(t, s, http.MethodGet, "/v1/user?include-memberships=NOT-A-BOOL", "")
	assertError(t, r, http.StatusBadRequest, 0,
		"Method parameter 'include-memberships': Failed to convert value of type 'java.lang.String' to required type 'java.lang.Boolean'; Invalid boolean value [NOT-A-BOOL]")
}

func TestListWorkspaces_rolesFilter(t *testing.T) {
	s := newDemo(t)
	names := func(r reply) []string {
		require.Equal(t, http.StatusOK, r.status, "%s", r.body)
		var out []string
		for _, w := range decodeJSON[[]wireWorkspace](t, r) {
			out = append(out, w.ID)
		}
		return out
	}
	both := []string{DemoWorkspaceID, DemoFreeWorkspaceID}
	assert.Equal(t, both, names(send(t, s, http.MethodGet, "/v1/workspaces", "")))
	assert.Equal(t, both, names(send(t, s, http.MethodGet, "/v1/workspaces?roles=OWNER", "")))
	assert.Empty(t, names(send(t, s, http.MethodGet, "/v1/workspaces?roles=WORKSPACE_ADMIN", "")), "owners are not admins here")
	assert.Equal(t, both, names(send(t, s, http.MethodGet, "/v1/workspaces?roles=WORKSPACE_ADMIN,OWNER", "")))
	assert.Equal(t, both, names(send(t, s, http.MethodGet, "/v1/workspaces?roles=WORKSPACE_ADMIN&roles=OWNER", "")))

	admin := as(s, DemoAdminID)
	assert.Equal(t, []string{DemoWorkspaceID}, names(send(t, s, http.MethodGet, "/v1/workspaces?roles=WORKSPACE_ADMIN", "", admin...)))
	tm := as(s, DemoTeamManagerID)
	assert.Equal(t, []string{DemoWorkspaceID}, names(send(t, s, http.MethodGet, "/v1/workspaces?roles=TEAM_MANAGER", "", tm...)))
	assert.Empty(t, names(send(t, s, http.MethodGet, "/v1/workspaces?roles=PROJECT_MANAGER", "", tm...)))
	// An inactive member no longer sees the workspace.
	assert.Empty(t, names(send(t, s, http.MethodGet, "/v1/workspaces", "", as(s, DemoInactiveID)...)))

	assertError(t, send(t, s, http.MethodGet, "/v1/workspaces?roles=BOSS", ""), http.StatusBadRequest, 3000, "Method parameter 'roles'")
}

func TestGetWorkspace_wireShape(t *testing.T) {
	s := newDemo(t)
	r := send(t, s, http.MethodGet, demoWS, "")
	require.Equal(t, http.StatusOK, r.status)
	raw := decodeJSON[map[string]any](t, r)
	for _, k := range []string{"cakeOrganizationId", "costRate", "currencies", "featureSubscriptionType", "features", "hourlyRate", "id", "imageUrl", "memberships", "name", "subdomain", "workspaceSettings"} {
		assert.Contains(t, raw, k)
	}
	assert.Equal(t, "STANDARD_2021", raw["featureSubscriptionType"])
	settings := raw["workspaceSettings"].(map[string]any)
	assert.Equal(t, []any{}, settings["adminOnlyPages"])
	assert.Nil(t, settings["automaticLock"])
	assert.Nil(t, raw["subdomain"].(map[string]any)["name"])

	ws := decodeJSON[wireWorkspace](t, r)
	assert.Equal(t, "Acme Studio", ws.Name)
	assert.Subset(t, ws.Features, []string{FeatureEditMemberProfile, FeatureUserCustomFields, FeatureManagerRole, FeatureLaborCost, FeatureHistoricRates, FeatureLimitedUsers})
	assert.Len(t, ws.Memberships, 10)
	m, _ := membershipOf(ws, DemoMemberID)
	require.NotNil(t, m.HourlyRate)
	assert.Equal(t, int64(7500), m.HourlyRate.Amount)
	assert.Equal(t, "EUR", m.HourlyRate.Currency)
	m, _ = membershipOf(ws, DemoMultiWorkspaceID)
	assert.Nil(t, m.HourlyRate, "unset rates are null")
	m, _ = membershipOf(ws, DemoInvitedID)
	assert.Equal(t, MembershipPending, m.MembershipStatus)

	free := decodeJSON[wireWorkspace](t, send(t, s, http.MethodGet, "/v1/workspaces/"+DemoFreeWorkspaceID, ""))
	assert.Equal(t, PlanFree, *free.FeatureSubscriptionType)
	assert.NotContains(t, free.Features, FeatureEditMemberProfile)

	assertError(t, send(t, s, http.MethodGet, "/v1/workspaces/64f0a1b2c3d4e5f6010000ff", ""), http.StatusBadRequest, 501, "Workspace doesn't belong to User")
	assertError(t, send(t, s, http.MethodGet, "/v1/workspaces/"+DemoFreeWorkspaceID, "", as(s, DemoMemberID)...), http.StatusBadRequest, 501, "doesn't belong")
}

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

// The raw JSON of a wire answer must decode into a generic value without
// loss; this guards the json.RawMessage fields (custom-field values).
func TestCustomFieldValuesAreJSON(t *testing.T) {
	s := newDemo(t)
	got, _ := listUsers(t, s, "?email=emma")
	raw, err := json.Marshal(got)
	require.NoError(t, err)
	assert.Contains(t, string(raw), DemoMemberID)
}
