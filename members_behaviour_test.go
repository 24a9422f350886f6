package clockify_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

const membersWS = clockifytest.DemoWorkspaceID

// membersDemo starts the demo team, closed when the test ends.
func membersDemo(t *testing.T, opts ...clockifytest.ServerOption) *clockifytest.Server {
	t.Helper()
	srv := clockifytest.NewDemoServer(opts...)
	t.Cleanup(srv.Close)
	return srv
}

// membersTestOpts make the fake's clients fast: no pacing, short retry waits.
var membersTestOpts = []clockify.Option{clockify.WithoutRateLimit(),
	clockify.WithRetry(clockify.RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: 5 * time.Millisecond})}

// membersSent returns the requests srv received with this method and path.
func membersSent(srv *clockifytest.Server, method, path string) []clockifytest.RecordedRequest {
	var out []clockifytest.RecordedRequest
	for _, r := range srv.Requests() {
		if r.Method == method && r.Path == path {
			out = append(out, r)
		}
	}
	return out
}

func TestMembersBehaviour_AllIteratesEveryMemberPageByPage(t *testing.T) {
	srv := membersDemo(t, clockifytest.WithGeneratedMembers(1234))
	c := srv.Client(membersTestOpts...)
	ctx := context.Background()

	var ids []string
	for u, err := range c.Members.All(ctx, membersWS, &clockify.ListMembersOptions{Status: clockify.MembershipAll,
		AccountStatuses: clockify.AllAccountStatuses, ListOptions: clockify.ListOptions{PageSize: 100}}) {
		require.NoError(t, err)
		ids = append(ids, u.ID)
	}
	var want []string
	for _, m := range srv.Members(membersWS) {
		want = append(want, m.ID)
	}
	assert.ElementsMatch(t, want, ids)
	pages := membersSent(srv, http.MethodGet, "/v1/workspaces/"+membersWS+"/users")
	assert.Len(t, pages, (len(want)+99)/100)
	for _, p := range pages {
		assert.Equal(t, "false", p.Query.Get("include-roles"))
	}
}

func TestMembersBehaviour_AllStopsWhenTheLoopBreaks(t *testing.T) {
	srv := membersDemo(t, clockifytest.WithGeneratedMembers(500))
	c := srv.Client(membersTestOpts...)
	n := 0
	for _, err := range c.Members.All(context.Background(), membersWS, &clockify.ListMembersOptions{ListOptions: clockify.ListOptions{PageSize: 50}}) {
		require.NoError(t, err)
		if n++; n == 75 {
			break
		}
	}
	assert.Len(t, membersSent(srv, http.MethodGet, "/v1/workspaces/"+membersWS+"/users"), 2)
}

func TestMembersBehaviour_ListFilters(t *testing.T) {
	srv := membersDemo(t)
	c := srv.Client(membersTestOpts...)
	ctx := context.Background()

	member, _ := srv.Member(membersWS, clockifytest.DemoMemberID)
	users, _, err := c.Members.List(ctx, membersWS, &clockify.ListMembersOptions{Email: member.Email})
	require.NoError(t, err)
	require.Len(t, users, 1)
	assert.Equal(t, clockifytest.DemoMemberID, users[0].ID)

	ids := func(opts *clockify.ListMembersOptions) []string {
		t.Helper()
		var out []string
		for u, err := range c.Members.All(ctx, membersWS, opts) {
			require.NoError(t, err)
			out = append(out, u.ID)
		}
		return out
	}
	assert.NotContains(t, ids(nil), clockifytest.DemoLimitedID, "limited members are hidden by default")
	assert.Contains(t, ids(&clockify.ListMembersOptions{AccountStatuses: []clockify.AccountStatus{clockify.AccountActive, clockify.AccountLimited}}),
		clockifytest.DemoLimitedID)
	assert.Equal(t, []string{clockifytest.DemoInactiveID}, ids(&clockify.ListMembersOptions{Status: clockify.MembershipInactive}))

	owners, _, err := c.Members.Filter(ctx, membersWS, &clockify.MemberFilter{Roles: []clockify.Role{clockify.RoleOwner}})
	require.NoError(t, err)
	require.Len(t, owners, 1)
	assert.Equal(t, clockifytest.DemoOwnerID, owners[0].ID)
}

func TestMembersBehaviour_IncludeRolesDecodesRoleGrants(t *testing.T) {
	srv := membersDemo(t)
	c := srv.Client(membersTestOpts...)
	pm, _ := srv.Member(membersWS, clockifytest.DemoProjectManagerID)
	users, _, err := c.Members.List(context.Background(), membersWS, &clockify.ListMembersOptions{Email: pm.Email, IncludeRoles: true})
	require.NoError(t, err)
	require.Len(t, users, 1)
	assert.Contains(t, users[0].RoleGrants(), clockify.RoleGrant{WorkspaceID: membersWS, UserID: clockifytest.DemoProjectManagerID,
		EntityID: clockifytest.DemoProjectID, Role: clockify.RoleProjectManager})
}

func TestMembersBehaviour_CurrentIsTheKeysUser(t *testing.T) {
	srv := membersDemo(t)
	c := srv.ClientAs(clockifytest.DemoAdminID, membersTestOpts...)
	u, _, err := c.Members.Current(context.Background())
	require.NoError(t, err)
	assert.Equal(t, clockifytest.DemoAdminID, u.ID)
	u, _, err = c.Members.CurrentWithMemberships(context.Background())
	require.NoError(t, err)
	_, ok := u.Membership(membersWS)
	assert.True(t, ok)
}

func TestMembersBehaviour_InviteCreatesAPendingMember(t *testing.T) {
	srv := membersDemo(t)
	c := srv.Client(membersTestOpts...)
	ws, _, err := c.Members.Invite(context.Background(), membersWS, "new.hire@example.com", &clockify.InviteOptions{SendEmail: clockify.Ptr(false)})
	require.NoError(t, err)

	id, ok := srv.FindMemberByEmail(membersWS, "new.hire@example.com")
	require.True(t, ok)
	m, ok := ws.Membership(id)
	require.True(t, ok)
	assert.Equal(t, clockify.MembershipPending, m.MembershipStatus)
	invites := membersSent(srv, http.MethodPost, "/v1/workspaces/"+membersWS+"/users")
	require.Len(t, invites, 1)
	assert.Equal(t, "false", invites[0].Query.Get("send-email"))
}

func TestMembersBehaviour_InviteOnAFreeWorkspaceIsPaidFeature(t *testing.T) {
	srv := membersDemo(t)
	c := srv.Client(membersTestOpts...)
	_, _, err := c.Members.Invite(context.Background(), clockifytest.DemoFreeWorkspaceID, "new.hire@example.com", nil)
	assert.ErrorIs(t, err, clockify.ErrPaidFeature)
}

func TestMembersBehaviour_AddLimitedAddsKioskMembers(t *testing.T) {
	srv := membersDemo(t)
	c := srv.Client(membersTestOpts...)
	_, err := c.Members.AddLimited(context.Background(), membersWS, []clockify.LimitedMember{
		{Name: "Kiosk Kim", HourlyRate: clockify.Ptr[int64](2500), WorkCapacity: clockify.Ptr(clockify.Hours(6)),
			WorkingDays: clockify.Ptr(clockify.NewWeekdaySet(clockify.Monday, clockify.Wednesday))},
	})
	require.NoError(t, err)
	var kim *clockifytest.MemberState
	for _, m := range srv.Members(membersWS) {
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
	srv := membersDemo(t)
	c := srv.Client(membersTestOpts...)
	ctx := context.Background()

	ws, _, err := c.Members.Deactivate(ctx, membersWS, clockifytest.DemoMemberID)
	require.NoError(t, err)
	m, _ := ws.Membership(clockifytest.DemoMemberID)
	assert.Equal(t, clockify.MembershipInactive, m.MembershipStatus)
	state, _ := srv.Member(membersWS, clockifytest.DemoMemberID)
	assert.Equal(t, clockifytest.MembershipInactive, state.MembershipStatus)

	ws, _, err = c.Members.Activate(ctx, membersWS, clockifytest.DemoMemberID)
	require.NoError(t, err)
	m, _ = ws.Membership(clockifytest.DemoMemberID)
	assert.Equal(t, clockify.MembershipActive, m.MembershipStatus)
}

func TestMembersBehaviour_DeactivateNamesTheRule(t *testing.T) {
	srv := membersDemo(t)
	secondAdmin := srv.AddMember(membersWS, clockifytest.MemberSeed{Name: "Second Admin", Roles: clockifytest.Roles{Admin: true}})
	owner := srv.Client(membersTestOpts...)
	admin := srv.ClientAs(clockifytest.DemoAdminID, membersTestOpts...)
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
			_, _, err := tc.client.Members.Deactivate(ctx, membersWS, tc.target)
			assert.ErrorIs(t, err, tc.rule)
			var re *clockify.RestrictionError
			require.ErrorAs(t, err, &re)
			assert.Equal(t, tc.target, re.UserID)
			var apiErr *clockify.APIError
			assert.ErrorAs(t, err, &apiErr, "the server's refusal stays reachable")
		})
	}

	_, _, err := owner.Members.Deactivate(ctx, membersWS, secondAdmin)
	require.NoError(t, err, "the owner may deactivate an admin")
}

func TestMembersBehaviour_RemoveExplainsClockifysRules(t *testing.T) {
	srv := membersDemo(t)
	c := srv.Client(membersTestOpts...)
	ctx := context.Background()
	deletePath := func(id string) string { return "/v1/workspaces/" + membersWS + "/users/" + id }

	_, err := c.Members.Remove(ctx, membersWS, clockifytest.DemoMemberID)
	assert.ErrorIs(t, err, clockify.ErrMustDeactivateFirst)
	_, err = c.Members.Remove(ctx, membersWS, clockifytest.DemoOwnerID)
	assert.ErrorIs(t, err, clockify.ErrOwnerImmutable)
	_, err = c.Members.Remove(ctx, membersWS, clockifytest.DemoInvitedID)
	assert.ErrorIs(t, err, clockify.ErrInvitationPending)
	for _, id := range []string{clockifytest.DemoMemberID, clockifytest.DemoOwnerID, clockifytest.DemoInvitedID} {
		assert.Empty(t, membersSent(srv, http.MethodDelete, deletePath(id)), "no DELETE is sent for a refusal the SDK foresees")
	}

	_, err = c.Members.Remove(ctx, membersWS, clockifytest.DemoInactiveID)
	assert.ErrorIs(t, err, clockify.ErrRemovedInCAKE)
	var re *clockify.RestrictionError
	require.ErrorAs(t, err, &re)
	require.NotNil(t, re.Err)
	assert.Equal(t, http.StatusBadRequest, re.Err.StatusCode)
	assert.Len(t, membersSent(srv, http.MethodDelete, deletePath(clockifytest.DemoInactiveID)), 1)
	_, stillThere := srv.Member(membersWS, clockifytest.DemoInactiveID)
	assert.True(t, stillThere)
}

func TestMembersBehaviour_RatesShowInMemberships(t *testing.T) {
	srv := membersDemo(t)
	c := srv.Client(membersTestOpts...)
	ctx := context.Background()

	ws, _, err := c.Members.SetHourlyRate(ctx, membersWS, clockifytest.DemoMemberID, clockify.RateChange{Amount: 8250})
	require.NoError(t, err)
	m, _ := ws.Membership(clockifytest.DemoMemberID)
	require.NotNil(t, m.HourlyRate)
	assert.EqualValues(t, 8250, m.HourlyRate.Amount)
	assert.Equal(t, "EUR", m.HourlyRate.Currency)

	_, _, err = c.Members.SetCostRate(ctx, membersWS, clockifytest.DemoMemberID,
		clockify.RateChange{Amount: 4000, Since: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	rates := membersSent(srv, http.MethodPut, "/v1/workspaces/"+membersWS+"/users/"+clockifytest.DemoMemberID+"/cost-rate")
	require.Len(t, rates, 1)
	assert.JSONEq(t, `{"amount":4000,"since":"2026-01-01T00:00:00Z"}`, string(rates[0].Body))

	member, _ := srv.Member(membersWS, clockifytest.DemoMemberID)
	users, _, err := c.Members.List(ctx, membersWS, &clockify.ListMembersOptions{Email: member.Email,
		Memberships: clockify.IncludeWorkspaceMemberships})
	require.NoError(t, err)
	require.Len(t, users, 1)
	listed, ok := users[0].Membership(membersWS)
	require.True(t, ok)
	assert.Equal(t, &clockify.Money{Amount: 8250, Currency: "EUR"}, listed.HourlyRate)
	assert.Equal(t, &clockify.Money{Amount: 4000, Currency: "EUR"}, listed.CostRate)
}

func TestMembersBehaviour_CostRateWithoutLaborCostIsPaidFeature(t *testing.T) {
	srv := membersDemo(t)
	srv.SetFeatures(membersWS, clockifytest.FeatureEditMemberProfile)
	c := srv.Client(membersTestOpts...)
	_, _, err := c.Members.SetCostRate(context.Background(), membersWS, clockifytest.DemoMemberID, clockify.RateChange{Amount: 1})
	assert.ErrorIs(t, err, clockify.ErrPaidFeature)
}

func TestMembersBehaviour_SetCustomFieldAnswers201(t *testing.T) {
	srv := membersDemo(t)
	c := srv.Client(membersTestOpts...)
	v, resp, err := c.Members.SetCustomField(context.Background(), membersWS, clockifytest.DemoMemberID, clockifytest.DemoCustomFieldID, "Sales")
	require.NoError(t, err)
	assert.Equal(t, http.StatusCreated, resp.StatusCode)
	assert.Equal(t, clockifytest.DemoCustomFieldID, v.CustomFieldID)
	assert.JSONEq(t, `"Sales"`, string(v.Value))
	state, _ := srv.Member(membersWS, clockifytest.DemoMemberID)
	assert.JSONEq(t, `"Sales"`, string(state.CustomFieldValues[clockifytest.DemoCustomFieldID]))
}

func TestMembersBehaviour_ManagersListsTeamManagers(t *testing.T) {
	srv := membersDemo(t)
	c := srv.Client(membersTestOpts...)
	var ids []string
	for u, err := range c.Members.ManagersAll(context.Background(), membersWS, clockifytest.DemoMemberID, nil) {
		require.NoError(t, err)
		ids = append(ids, u.ID)
	}
	assert.Contains(t, ids, clockifytest.DemoTeamManagerID)
}

func TestMembersBehaviour_GroupMembershipRoundTrip(t *testing.T) {
	srv := membersDemo(t)
	c := srv.Client(membersTestOpts...)
	ctx := context.Background()
	id := clockifytest.DemoInactiveID

	g, _, err := c.Members.AddToGroup(ctx, membersWS, id, clockifytest.DemoGroupID)
	require.NoError(t, err)
	assert.True(t, g.HasMember(id))
	state, _ := srv.Group(membersWS, clockifytest.DemoGroupID)
	assert.True(t, slices.Contains(state.UserIDs, id))

	g, _, err = c.Members.RemoveFromGroup(ctx, membersWS, id, clockifytest.DemoGroupID)
	require.NoError(t, err)
	assert.False(t, g.HasMember(id))
}

func TestMembersBehaviour_UnknownMemberIsNotFound(t *testing.T) {
	srv := membersDemo(t)
	c := srv.Client(membersTestOpts...)
	_, _, err := c.Members.Deactivate(context.Background(), membersWS, "64f0a1b2c3d4e5f6020000ff")
	assert.ErrorIs(t, err, clockify.ErrNotFound)
	var re *clockify.RestrictionError
	assert.False(t, errors.As(err, &re))
}
