package clockifytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
