package clockify_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

const rosterWS = clockifytest.DemoWorkspaceID

// rosterDemo starts the demo team and returns it with the owner's client.
func rosterDemo(t *testing.T, opts ...clockifytest.ServerOption) (*clockifytest.Server, *clockify.Client) {
	t.Helper()
	srv := demoServer(t, opts...)
	return srv, srv.Client(fastOpts...)
}

func planRoster(t *testing.T, c *clockify.Client, specs []clockify.MemberSpec, opts *clockify.RosterOptions) *clockify.RosterPlan {
	t.Helper()
	plan, err := c.Members.PlanRoster(context.Background(), rosterWS, specs, opts)
	require.NoError(t, err)
	return plan
}

// demoAsIs describes the demo team exactly as seeded.
func demoAsIs() []clockify.MemberSpec {
	groups := []string{"Design Team"}
	return []clockify.MemberSpec{
		{Email: "maya.lindqvist@acme-studio.example", Status: clockify.MembershipActive, Roles: []clockify.RoleAssignment{}},
		{Email: "Daniel.Okafor@acme-studio.example", Roles: []clockify.RoleAssignment{clockify.WorkspaceAdmin(rosterWS)},
			HourlyRate: clockify.Ptr[int64](12000), CostRate: clockify.Ptr[int64](7000)},
		{Email: "priya.raman@acme-studio.example", Roles: []clockify.RoleAssignment{
			clockify.TeamManagerOf(clockifytest.DemoMemberID), clockify.TeamManagerOfGroup(clockifytest.DemoGroupID)},
			Profile: &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(7.5))}},
		{Email: "emma.schultz@acme-studio.example", Status: clockify.MembershipActive, Groups: groups, Roles: []clockify.RoleAssignment{},
			HourlyRate: clockify.Ptr[int64](7500), Profile: &clockify.ProfileUpdate{WorkingDays: clockify.Ptr(clockify.Weekdays),
				CustomFields: []clockify.CustomFieldUpsert{{CustomFieldID: clockifytest.DemoCustomFieldID, Value: "Design"}}}},
		{Email: "noah.bennett@acme-studio.example", Groups: []string{clockifytest.DemoGroupID}},
		{Email: "oliver.grant@acme-studio.example", Status: clockify.MembershipInactive},
		{Email: "leo.dubois@example.com", Status: clockify.MembershipActive},
		{Name: "Tomás Vega", Limited: true, Status: clockify.MembershipActive, Groups: []string{"Kiosk Staff"},
			Profile: &clockify.ProfileUpdate{WeekStart: clockify.Ptr(clockify.Tuesday)}},
	}
}

func TestPlanRoster_workspaceAsSpecifiedPlansNothing(t *testing.T) {
	srv, c := rosterDemo(t)
	plan := planRoster(t, c, demoAsIs(), nil)
	assert.Empty(t, plan.Actions)
	assert.Equal(t, rosterWS, plan.WorkspaceID)
	assert.Contains(t, plan.String(), "nothing to change")
	for _, r := range srv.Requests() {
		assert.Contains(t, []string{http.MethodGet, http.MethodPost}, r.Method)
		if r.Method == http.MethodPost {
			assert.Equal(t, "/v1/workspaces/"+rosterWS+"/users/info", r.Path, "only the search may be a POST")
		}
	}
}

// actionFor returns the one action of kind for member (email or name) in plan.
func actionFor(t *testing.T, plan *clockify.RosterPlan, member string, kind clockify.RosterActionKind) clockify.RosterAction {
	t.Helper()
	var found []clockify.RosterAction
	for _, a := range plan.Actions {
		if a.Kind == kind && (a.Email == member || a.Name == member) {
			found = append(found, a)
		}
	}
	require.Len(t, found, 1, "%s %s in\n%s", kind, member, plan)
	return found[0]
}

func TestPlanRoster_plansEveryKindOfDifference(t *testing.T) {
	srv, c := rosterDemo(t)
	specs := demoAsIs()
	specs[1].HourlyRate = clockify.Ptr[int64](12500)                // Daniel: hourly rate
	specs[1].CostRate = clockify.Ptr[int64](7100)                   // Daniel: cost rate
	specs[2].Roles = specs[2].Roles[:1]                             // Priya: remove a role
	specs[2].Profile.WorkCapacity = clockify.Ptr(clockify.Hours(6)) // Priya: profile
	specs[3].Groups = []string{}                                    // Emma: leave the group
	specs[3].Roles = []clockify.RoleAssignment{clockify.ProjectManagerOf(clockifytest.DemoProjectID)}
	specs[5].Status = clockify.MembershipActive // Oliver: activate
	specs = append(specs,
		clockify.MemberSpec{Email: "lucas.ferreira@acme-studio.example", Status: clockify.MembershipInactive},
		clockify.MemberSpec{Email: "sofia.rossi@acme-studio.example", Groups: []string{"Design Team", "Night Shift"}},
		clockify.MemberSpec{Email: "nina.new@acme-studio.example", Groups: []string{"Design Team"}},
		clockify.MemberSpec{Name: "Kiosk Kim", Limited: true, HourlyRate: clockify.Ptr[int64](2000),
			Profile: &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(4))}})
	srv.AddUserGroup(rosterWS, clockifytest.GroupSeed{Name: "Night Shift"})
	specs[4].Groups = []string{"Design Team", "Night Shift"} // Noah: join another group

	plan := planRoster(t, c, specs, nil)
	assert.Zero(t, len(plan.Blocked()), "%s", plan)

	assert.Equal(t, int64(12500), actionFor(t, plan, "daniel.okafor@acme-studio.example", clockify.RosterSetHourlyRate).Amount)
	cost := actionFor(t, plan, "daniel.okafor@acme-studio.example", clockify.RosterSetCostRate)
	assert.Equal(t, int64(7100), cost.Amount)
	assert.Equal(t, int64(7000), *cost.Previous)
	assert.Equal(t, clockify.TeamManagerOfGroup(clockifytest.DemoGroupID), actionFor(t, plan, "priya.raman@acme-studio.example", clockify.RosterRemoveRole).Role)
	prof := actionFor(t, plan, "priya.raman@acme-studio.example", clockify.RosterUpdateProfile)
	assert.Equal(t, &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(6))}, prof.Profile, "only the differing field")
	assert.Equal(t, clockifytest.DemoGroupID, actionFor(t, plan, "emma.schultz@acme-studio.example", clockify.RosterRemoveFromGroup).GroupID)
	assert.Equal(t, clockify.ProjectManagerOf(clockifytest.DemoProjectID), actionFor(t, plan, "emma.schultz@acme-studio.example", clockify.RosterAssignRole).Role)
	assert.Equal(t, "Night Shift", actionFor(t, plan, "noah.bennett@acme-studio.example", clockify.RosterAddToGroup).GroupName)
	assert.Equal(t, clockify.MembershipInactive, actionFor(t, plan, "oliver.grant@acme-studio.example", clockify.RosterActivate).Status)
	assert.Equal(t, clockifytest.DemoProjectManagerID, actionFor(t, plan, "lucas.ferreira@acme-studio.example", clockify.RosterDeactivate).UserID)
	assert.Equal(t, "Night Shift", actionFor(t, plan, "sofia.rossi@acme-studio.example", clockify.RosterAddToGroup).GroupName)
	invite := actionFor(t, plan, "nina.new@acme-studio.example", clockify.RosterInvite)
	assert.Empty(t, invite.UserID)
	actionFor(t, plan, "nina.new@acme-studio.example", clockify.RosterAddToGroup)
	kim := actionFor(t, plan, "Kiosk Kim", clockify.RosterAddLimited)
	assert.Equal(t, &clockify.LimitedMember{Name: "Kiosk Kim", HourlyRate: clockify.Ptr[int64](2000), WorkCapacity: clockify.Ptr(clockify.Hours(4))}, kim.Limited)
	assert.Len(t, plan.Actions, 13, "%s", plan)

	for _, r := range c.Members.ApplyRoster(context.Background(), plan, nil) {
		require.NoError(t, r.Err, "%s %s", r.Action.Kind, r.Action.Change)
	}
	emma, _ := srv.Member(rosterWS, clockifytest.DemoMemberID)
	assert.Empty(t, emma.Groups)
	assert.Equal(t, []string{clockifytest.DemoProjectID}, emma.Roles.ProjectManagerOf)
	priya, _ := srv.Member(rosterWS, clockifytest.DemoTeamManagerID)
	assert.Equal(t, "PT6H", priya.WorkCapacity)
	assert.Empty(t, priya.Roles.TeamManagerOfGroups)
	daniel, _ := srv.Member(rosterWS, clockifytest.DemoAdminID)
	assert.Equal(t, int64(12500), daniel.HourlyRate.Amount)
	assert.Equal(t, int64(7100), daniel.CostRate.Amount)
	oliver, _ := srv.Member(rosterWS, clockifytest.DemoInactiveID)
	assert.Equal(t, clockifytest.MembershipActive, oliver.MembershipStatus)
	lucas, _ := srv.Member(rosterWS, clockifytest.DemoProjectManagerID)
	assert.Equal(t, clockifytest.MembershipInactive, lucas.MembershipStatus)
	nina, ok := srv.FindMemberByEmail(rosterWS, "nina.new@acme-studio.example")
	require.True(t, ok)
	ninaState, _ := srv.Member(rosterWS, nina)
	assert.Equal(t, clockifytest.MembershipPending, ninaState.MembershipStatus)
	assert.Equal(t, []string{clockifytest.DemoGroupID}, ninaState.Groups)
	var kimState *clockifytest.MemberState
	for _, m := range srv.Members(rosterWS) {
		if m.Name == "Kiosk Kim" {
			kimState = &m
		}
	}
	require.NotNil(t, kimState)
	assert.Equal(t, clockifytest.AccountLimited, kimState.AccountStatus)
	assert.Equal(t, "PT4H", kimState.WorkCapacity)
	assert.Equal(t, int64(2000), kimState.HourlyRate.Amount)
}

func TestPlanRoster_leavesUnlistedMembersAloneUnlessAsked(t *testing.T) {
	_, c := rosterDemo(t)
	specs := []clockify.MemberSpec{{Email: "emma.schultz@acme-studio.example"}}
	assert.Empty(t, planRoster(t, c, specs, nil).Actions)

	plan := planRoster(t, c, specs, &clockify.RosterOptions{DeactivateUnlisted: true})
	var deactivated []string
	for _, a := range plan.Actions {
		require.Equal(t, clockify.RosterDeactivate, a.Kind)
		deactivated = append(deactivated, a.UserID)
	}
	assert.NotContains(t, deactivated, clockifytest.DemoOwnerID, "the owner (and caller) is never touched")
	assert.NotContains(t, deactivated, clockifytest.DemoMemberID, "listed")
	assert.NotContains(t, deactivated, clockifytest.DemoInactiveID, "already inactive")
	assert.Contains(t, deactivated, clockifytest.DemoLimitedID, "limited members are members too")
	assert.Contains(t, deactivated, clockifytest.DemoInvitedID)
	assert.Len(t, deactivated, 7)
}

func TestPlanRoster_refusesBadSpecsBeforeAnyRequest(t *testing.T) {
	cases := map[string]clockify.MemberSpec{
		"no key":               {},
		"both keys":            {Email: "a@example.com", Name: "A"},
		"limited with email":   {Email: "a@example.com", Limited: true},
		"limited without name": {Limited: true},
		"not an email":         {Email: "Ann <a@example.com>"},
		"unknown status":       {Email: "a@example.com", Status: "GONE"},
		"status filter value":  {Email: "a@example.com", Status: clockify.MembershipAll},
		"pending status":       {Email: "a@example.com", Status: clockify.MembershipPending},
		"bad capacity":         {Email: "a@example.com", Profile: &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(25))}},
		"profile name":         {Name: "A", Limited: true, Profile: &clockify.ProfileUpdate{Name: clockify.Ptr("B")}},
		"empty role":           {Email: "a@example.com", Roles: []clockify.RoleAssignment{{}}},
		"role twice":           {Email: "a@example.com", Roles: []clockify.RoleAssignment{clockify.ProjectManagerOf("p1"), clockify.ProjectManagerOf("p1")}},
		"admin of another ws":  {Email: "a@example.com", Roles: []clockify.RoleAssignment{clockify.WorkspaceAdmin("other")}},
		"empty group":          {Email: "a@example.com", Groups: []string{" "}},
		"negative rate":        {Email: "a@example.com", HourlyRate: clockify.Ptr[int64](-1)},
	}
	srv, c := rosterDemo(t)
	for name, sp := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := c.Members.PlanRoster(context.Background(), rosterWS, []clockify.MemberSpec{sp}, nil)
			var ve *clockify.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Contains(t, ve.Field, "specs[0]")
		})
	}
	for name, specs := range map[string][]clockify.MemberSpec{
		"email twice": {{Email: "a@example.com"}, {Email: "A@Example.com"}},
		"name twice":  {{Name: "Kim", Limited: true}, {Name: "Kim", Limited: true}},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := c.Members.PlanRoster(context.Background(), rosterWS, specs, nil)
			require.ErrorIs(t, err, clockify.ErrInvalidInput)
			assert.Contains(t, err.Error(), "specs[1]")
		})
	}
	_, err := c.Members.PlanRoster(context.Background(), "", nil, nil)
	require.ErrorIs(t, err, clockify.ErrInvalidInput)
	_, err = c.Members.PlanRoster(context.Background(), rosterWS, nil, &clockify.RosterOptions{PageSize: clockify.MaxPageSize + 1})
	require.ErrorIs(t, err, clockify.ErrInvalidInput)
	assert.Empty(t, srv.Requests())
}

func TestPlanRoster_unknownOrAmbiguousGroupIsAnError(t *testing.T) {
	srv, c := rosterDemo(t)
	_, err := c.Members.PlanRoster(context.Background(), rosterWS, []clockify.MemberSpec{{Email: "a@example.com", Groups: []string{"Nope"}}}, nil)
	var ve *clockify.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "specs[0].Groups[0]", ve.Field)

	srv.AddUserGroup(rosterWS, clockifytest.GroupSeed{Name: "Design Team"})
	_, err = c.Members.PlanRoster(context.Background(), rosterWS, []clockify.MemberSpec{{Email: "a@example.com", Groups: []string{"Design Team"}}}, nil)
	require.ErrorAs(t, err, &ve)
	assert.Contains(t, ve.Reason, "several groups")
	// By id it is unambiguous.
	_, err = c.Members.PlanRoster(context.Background(), rosterWS, []clockify.MemberSpec{{Email: "a@example.com", Groups: []string{clockifytest.DemoGroupID}}}, nil)
	require.NoError(t, err)
}

func TestPlanRoster_readFailureIsAnError(t *testing.T) {
	srv, c := rosterDemo(t)
	srv.InjectFault(clockifytest.Fault{Method: http.MethodGet, PathPrefix: "/v1/workspaces/" + rosterWS + "/users", Status: http.StatusForbidden, Count: -1})
	_, err := c.Members.PlanRoster(context.Background(), rosterWS, demoAsIs(), nil)
	require.ErrorIs(t, err, clockify.ErrForbidden)
	assert.False(t, errors.Is(err, clockify.ErrInvalidInput))
}
