package clockify_test

import (
	"context"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

func TestMembersBehaviour_AllIteratesEveryMemberPageByPage(t *testing.T) {
	t.Parallel()
	srv := demoServer(t, clockifytest.WithGeneratedMembers(1234))
	c := srv.Client(fastOpts...)
	ctx := context.Background()

	var ids []string
	for u, err := range c.Members.All(ctx, demoWS, &clockify.ListMembersOptions{Status: clockify.MembershipAll,
		AccountStatuses: clockify.AllAccountStatuses(), ListOptions: clockify.ListOptions{PageSize: 100}}) {
		require.NoError(t, err)
		ids = append(ids, u.ID)
	}
	var want []string
	for _, m := range srv.Members(demoWS) {
		want = append(want, m.ID)
	}
	assert.ElementsMatch(t, want, ids)
	pages := sentTo(srv, http.MethodGet, "/v1/workspaces/"+demoWS+"/users")
	assert.Len(t, pages, (len(want)+99)/100)
	for _, p := range pages {
		assert.Equal(t, "false", p.Query.Get("include-roles"))
	}
}

func TestMembersBehaviour_AllStopsWhenTheLoopBreaks(t *testing.T) {
	t.Parallel()
	srv := demoServer(t, clockifytest.WithGeneratedMembers(500))
	c := srv.Client(fastOpts...)
	n := 0
	for _, err := range c.Members.All(context.Background(), demoWS, &clockify.ListMembersOptions{ListOptions: clockify.ListOptions{PageSize: 50}}) {
		require.NoError(t, err)
		if n++; n == 75 {
			break
		}
	}
	assert.Len(t, sentTo(srv, http.MethodGet, "/v1/workspaces/"+demoWS+"/users"), 2)
}

func TestMembersBehaviour_ListFilters(t *testing.T) {
	t.Parallel()
	srv, c := demo(t)
	ctx := context.Background()

	member, _ := srv.Member(demoWS, clockifytest.DemoMemberID)
	users, _, err := c.Members.List(ctx, demoWS, &clockify.ListMembersOptions{Email: member.Email})
	require.NoError(t, err)
	require.Len(t, users, 1)
	assert.Equal(t, clockifytest.DemoMemberID, users[0].ID)

	ids := func(opts *clockify.ListMembersOptions) []string {
		t.Helper()
		var out []string
		for u, err := range c.Members.All(ctx, demoWS, opts) {
			require.NoError(t, err)
			out = append(out, u.ID)
		}
		return out
	}
	assert.NotContains(t, ids(nil), clockifytest.DemoLimitedID, "limited members are hidden by default")
	assert.Contains(t, ids(&clockify.ListMembersOptions{AccountStatuses: []clockify.AccountStatus{clockify.AccountActive, clockify.AccountLimited}}),
		clockifytest.DemoLimitedID)
	assert.Equal(t, []string{clockifytest.DemoInactiveID}, ids(&clockify.ListMembersOptions{Status: clockify.MembershipInactive}))

	owners, _, err := c.Members.Filter(ctx, demoWS, &clockify.MemberFilter{Roles: []clockify.Role{clockify.RoleOwner}})
	require.NoError(t, err)
	require.Len(t, owners, 1)
	assert.Equal(t, clockifytest.DemoOwnerID, owners[0].ID)
}

func TestMembersBehaviour_IncludeRolesDecodesRoleGrants(t *testing.T) {
	t.Parallel()
	srv, c := demo(t)
	pm, _ := srv.Member(demoWS, clockifytest.DemoProjectManagerID)
	users, _, err := c.Members.List(context.Background(), demoWS, &clockify.ListMembersOptions{Email: pm.Email, IncludeRoles: true})
	require.NoError(t, err)
	require.Len(t, users, 1)
	assert.Contains(t, users[0].RoleGrants(), clockify.RoleGrant{WorkspaceID: demoWS, UserID: clockifytest.DemoProjectManagerID,
		EntityID: clockifytest.DemoProjectID, Role: clockify.RoleProjectManager})
}

func TestMembersBehaviour_CurrentIsTheKeysUser(t *testing.T) {
	t.Parallel()
	srv := demoServer(t)
	c := srv.ClientAs(clockifytest.DemoAdminID, fastOpts...)
	u, _, err := c.Members.Current(context.Background())
	require.NoError(t, err)
	assert.Equal(t, clockifytest.DemoAdminID, u.ID)
	u, _, err = c.Members.CurrentWithMemberships(context.Background())
	require.NoError(t, err)
	_, ok := u.Membership(demoWS)
	assert.True(t, ok)
}

func TestMembersBehaviour_InviteCreatesAPendingMember(t *testing.T) {
	t.Parallel()
	srv, c := demo(t)
	ws, _, err := c.Members.Invite(context.Background(), demoWS, "new.hire@example.com", &clockify.InviteOptions{SendEmail: clockify.Ptr(false)})
	require.NoError(t, err)

	id, ok := srv.FindMemberByEmail(demoWS, "new.hire@example.com")
	require.True(t, ok)
	m, ok := ws.Membership(id)
	require.True(t, ok)
	assert.Equal(t, clockify.MembershipPending, m.MembershipStatus)
	invites := sentTo(srv, http.MethodPost, "/v1/workspaces/"+demoWS+"/users")
	require.Len(t, invites, 1)
	assert.Equal(t, "false", invites[0].Query.Get("send-email"))
}

func TestMembersBehaviour_InviteOnAFreeWorkspaceIsPaidFeature(t *testing.T) {
	t.Parallel()
	_, c := demo(t)
	_, _, err := c.Members.Invite(context.Background(), clockifytest.DemoFreeWorkspaceID, "new.hire@example.com", nil)
	assert.ErrorIs(t, err, clockify.ErrPaidFeature)
}

func TestMembersBehaviour_AddLimitedAddsKioskMembers(t *testing.T) {
	t.Parallel()
	srv, c := demo(t)
	_, err := c.Members.AddLimited(context.Background(), demoWS, []clockify.LimitedMember{
		{Name: "Kiosk Kim", HourlyRate: clockify.Ptr[int64](2500), WorkCapacity: clockify.Ptr(clockify.Hours(6)),
			WorkingDays: clockify.Ptr(clockify.NewWeekdaySet(clockify.Monday, clockify.Wednesday))},
	})
	require.NoError(t, err)
	var kim *clockifytest.MemberState
	for _, m := range srv.Members(demoWS) {
		if m.Name == "Kiosk Kim" {
			kim = &m
		}
	}
	require.NotNil(t, kim)
	assert.Equal(t, clockifytest.AccountLimited, kim.AccountStatus)
	assert.Equal(t, "PT6H", kim.WorkCapacity)
	assert.Equal(t, []string{"MONDAY", "WEDNESDAY"}, kim.WorkingDays)
	require.NotNil(t, kim.HourlyRate)
	assert.EqualValues(t, 2500, kim.HourlyRate.Amount)
}

func TestMembersBehaviour_DeactivateAndActivateRoundTrip(t *testing.T) {
	t.Parallel()
	srv, c := demo(t)
	ctx := context.Background()

	ws, _, err := c.Members.Deactivate(ctx, demoWS, clockifytest.DemoMemberID)
	require.NoError(t, err)
	m, _ := ws.Membership(clockifytest.DemoMemberID)
	assert.Equal(t, clockify.MembershipInactive, m.MembershipStatus)
	state, _ := srv.Member(demoWS, clockifytest.DemoMemberID)
	assert.Equal(t, clockifytest.MembershipInactive, state.MembershipStatus)

	ws, _, err = c.Members.Activate(ctx, demoWS, clockifytest.DemoMemberID)
	require.NoError(t, err)
	m, _ = ws.Membership(clockifytest.DemoMemberID)
	assert.Equal(t, clockify.MembershipActive, m.MembershipStatus)
}

func TestMembersBehaviour_DeactivateNamesTheRule(t *testing.T) {
	t.Parallel()
	srv := demoServer(t)
	secondAdmin := srv.AddMember(demoWS, clockifytest.MemberSeed{Name: "Second Admin", Roles: clockifytest.Roles{Admin: true}})
	owner := srv.Client(fastOpts...)
	admin := srv.ClientAs(clockifytest.DemoAdminID, fastOpts...)
	ctx := context.Background()

	for _, tc := range []struct {
		name   string
		client *clockify.Client
		target string
		rule   error
	}{
		{"the owner", admin, clockifytest.DemoOwnerID, clockify.ErrOwnerImmutable},
		{"the owner by herself", owner, clockifytest.DemoOwnerID, clockify.ErrOwnerImmutable},
		{"a pending invitation", owner, clockifytest.DemoInvitedID, clockify.ErrInvitationPending},
		{"an admin by another admin", admin, secondAdmin, clockify.ErrOwnerOnly},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := tc.client.Members.Deactivate(ctx, demoWS, tc.target)
			assertRestriction(t, err, tc.rule, tc.target)
			var apiErr *clockify.APIError
			assert.ErrorAs(t, err, &apiErr, "the server's refusal stays reachable")
		})
	}

	_, _, err := owner.Members.Deactivate(ctx, demoWS, secondAdmin)
	require.NoError(t, err, "the owner may deactivate an admin")
}

func TestMembersBehaviour_RemoveExplainsClockifysRules(t *testing.T) {
	t.Parallel()
	srv, c := demo(t)
	ctx := context.Background()
	deletePath := func(id string) string { return "/v1/workspaces/" + demoWS + "/users/" + id }

	_, err := c.Members.Remove(ctx, demoWS, clockifytest.DemoMemberID)
	assert.ErrorIs(t, err, clockify.ErrMustDeactivateFirst)
	_, err = c.Members.Remove(ctx, demoWS, clockifytest.DemoOwnerID)
	assert.ErrorIs(t, err, clockify.ErrOwnerImmutable)
	_, err = c.Members.Remove(ctx, demoWS, clockifytest.DemoInvitedID)
	assert.ErrorIs(t, err, clockify.ErrInvitationPending)
	for _, id := range []string{clockifytest.DemoMemberID, clockifytest.DemoOwnerID, clockifytest.DemoInvitedID} {
		assert.Empty(t, sentTo(srv, http.MethodDelete, deletePath(id)), "no DELETE is sent for a refusal the SDK foresees")
	}

	_, err = c.Members.Remove(ctx, demoWS, clockifytest.DemoInactiveID)
	re := assertRestriction(t, err, clockify.ErrRemovedInCAKE, clockifytest.DemoInactiveID)
	require.NotNil(t, re.Err)
	assert.Equal(t, http.StatusBadRequest, re.Err.StatusCode)
	assert.Len(t, sentTo(srv, http.MethodDelete, deletePath(clockifytest.DemoInactiveID)), 1)
	_, stillThere := srv.Member(demoWS, clockifytest.DemoInactiveID)
	assert.True(t, stillThere)
}

func TestMembersBehaviour_RatesShowInMemberships(t *testing.T) {
	t.Parallel()
	srv, c := demo(t)
	ctx := context.Background()

	ws, _, err := c.Members.SetHourlyRate(ctx, demoWS, clockifytest.DemoMemberID, clockify.RateChange{Amount: 8250})
	require.NoError(t, err)
	m, _ := ws.Membership(clockifytest.DemoMemberID)
	require.NotNil(t, m.HourlyRate)
	assert.EqualValues(t, 8250, m.HourlyRate.Amount)
	assert.Equal(t, "EUR", m.HourlyRate.Currency)

	_, _, err = c.Members.SetCostRate(ctx, demoWS, clockifytest.DemoMemberID,
		clockify.RateChange{Amount: 4000, Since: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	rates := sentTo(srv, http.MethodPut, "/v1/workspaces/"+demoWS+"/users/"+clockifytest.DemoMemberID+"/cost-rate")
	require.Len(t, rates, 1)
	assert.JSONEq(t, `{"amount":4000,"since":"2026-01-01T00:00:00Z"}`, string(rates[0].Body))

	member, _ := srv.Member(demoWS, clockifytest.DemoMemberID)
	users, _, err := c.Members.List(ctx, demoWS, &clockify.ListMembersOptions{Email: member.Email,
		Memberships: clockify.IncludeWorkspaceMemberships})
	require.NoError(t, err)
	require.Len(t, users, 1)
	listed, ok := users[0].Membership(demoWS)
	require.True(t, ok)
	assert.Equal(t, &clockify.Money{Amount: 8250, Currency: "EUR"}, listed.HourlyRate)
	assert.Equal(t, &clockify.Money{Amount: 4000, Currency: "EUR"}, listed.CostRate)
}

func TestMembersBehaviour_CostRateWithoutLaborCostIsPaidFeature(t *testing.T) {
	t.Parallel()
	srv := demoServer(t)
	srv.SetFeatures(demoWS, clockifytest.FeatureEditMemberProfile)
	c := srv.Client(fastOpts...)
	_, _, err := c.Members.SetCostRate(context.Background(), demoWS, clockifytest.DemoMemberID, clockify.RateChange{Amount: 1})
	assert.ErrorIs(t, err, clockify.ErrPaidFeature)
}

func TestMembersBehaviour_SetCustomFieldAnswers201(t *testing.T) {
	t.Parallel()
	srv, c := demo(t)
	v, resp, err := c.Members.SetCustomField(context.Background(), demoWS, clockifytest.DemoMemberID, clockifytest.DemoCustomFieldID, "Sales")
	require.NoError(t, err)
	assert.Equal(t, http.StatusCreated, resp.StatusCode)
	assert.Equal(t, clockifytest.DemoCustomFieldID, v.CustomFieldID)
	assert.JSONEq(t, `"Sales"`, string(v.Value))
	state, _ := srv.Member(demoWS, clockifytest.DemoMemberID)
	assert.JSONEq(t, `"Sales"`, string(state.CustomFieldValues[clockifytest.DemoCustomFieldID]))
}

func TestMembersBehaviour_ManagersListsTeamManagers(t *testing.T) {
	t.Parallel()
	_, c := demo(t)
	var ids []string
	for u, err := range c.Members.ManagersAll(context.Background(), demoWS, clockifytest.DemoMemberID, nil) {
		require.NoError(t, err)
		ids = append(ids, u.ID)
	}
	assert.Contains(t, ids, clockifytest.DemoTeamManagerID)
}

func TestMembersBehaviour_GroupMembershipRoundTrip(t *testing.T) {
	t.Parallel()
	srv, c := demo(t)
	ctx := context.Background()
	id := clockifytest.DemoInactiveID

	g, _, err := c.Members.AddToGroup(ctx, demoWS, id, clockifytest.DemoGroupID)
	require.NoError(t, err)
	assert.True(t, g.HasMember(id))
	state, _ := srv.Group(demoWS, clockifytest.DemoGroupID)
	assert.True(t, slices.Contains(state.UserIDs, id))

	g, _, err = c.Members.RemoveFromGroup(ctx, demoWS, id, clockifytest.DemoGroupID)
	require.NoError(t, err)
	assert.False(t, g.HasMember(id))
}

func TestMembersBehaviour_UnknownMemberIsNotFound(t *testing.T) {
	t.Parallel()
	_, c := demo(t)
	_, _, err := c.Members.Deactivate(context.Background(), demoWS, "64f0a1b2c3d4e5f6020000ff")
	assert.ErrorIs(t, err, clockify.ErrNotFound)
	assertNoRestriction(t, err)
}
