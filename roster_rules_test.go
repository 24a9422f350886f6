package clockify_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

// Every documented rule appears in a plan as the Blocked error of the action it refuses, and
// the fake server, which enforces the rules, refuses that action when it is forced through.
func TestPlanRoster_everyRuleAppearsAsBlocked(t *testing.T) {
	noFeature := func(missing string) func(*clockifytest.Server) {
		return func(srv *clockifytest.Server) {
			var fs []string
			for _, f := range clockifytest.DefaultPaidFeatures() {
				if f != missing {
					fs = append(fs, f)
				}
			}
			srv.SetFeatures(rosterWS, fs...)
		}
	}
	cases := []struct {
		name   string
		seed   func(*clockifytest.Server)
		as     string // caller's user id; "" = the owner
		ws     string
		spec   clockify.MemberSpec
		kind   clockify.RosterActionKind
		rule   error
		server bool // the server refuses it too (false: a roster choice stricter than Clockify)
	}{
		{name: "invite on the Free plan", ws: clockifytest.DemoFreeWorkspaceID, spec: clockify.MemberSpec{Email: "new@example.com"},
			kind: clockify.RosterInvite, rule: clockify.ErrPaidFeature, server: true},
		{name: "limited members without LIMITED_USERS", seed: noFeature(clockifytest.FeatureLimitedUsers),
			spec: clockify.MemberSpec{Name: "Kim", Limited: true}, kind: clockify.RosterAddLimited, rule: clockify.ErrPaidFeature, server: true},
		{name: "manager role without MANAGER_ROLE", seed: noFeature(clockifytest.FeatureManagerRole),
			spec: clockify.MemberSpec{Email: "emma.schultz@acme-studio.example", Roles: []clockify.RoleAssignment{clockify.ProjectManagerOf(clockifytest.DemoProjectID)}},
			kind: clockify.RosterAssignRole, rule: clockify.ErrPaidFeature, server: true},
		{name: "cost rate without LABOR_COST", seed: noFeature(clockifytest.FeatureLaborCost),
			spec: clockify.MemberSpec{Email: "emma.schultz@acme-studio.example", CostRate: clockify.Ptr[int64](100)},
			kind: clockify.RosterSetCostRate, rule: clockify.ErrPaidFeature, server: true},
		{name: "profile without EDIT_MEMBER_PROFILE", seed: noFeature(clockifytest.FeatureEditMemberProfile),
			spec: clockify.MemberSpec{Email: "emma.schultz@acme-studio.example", Profile: &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(1))}},
			kind: clockify.RosterUpdateProfile, rule: clockify.ErrPaidFeature, server: true},
		{name: "member of several workspaces", spec: clockify.MemberSpec{Email: "noah.bennett@acme-studio.example",
			Profile: &clockify.ProfileUpdate{WeekStart: clockify.Ptr(clockify.Sunday)}},
			kind: clockify.RosterUpdateProfile, rule: clockify.ErrMultipleWorkspaces, server: true},
		{name: "inactive member's profile", spec: clockify.MemberSpec{Email: "oliver.grant@acme-studio.example",
			Profile: &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(1))}},
			kind: clockify.RosterUpdateProfile, rule: clockify.ErrMemberInactive, server: true},
		{name: "pending member's profile", spec: clockify.MemberSpec{Email: "leo.dubois@example.com",
			Profile: &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(1))}},
			kind: clockify.RosterUpdateProfile, rule: clockify.ErrInvitationPending, server: true},
		{name: "pending member's deactivation", spec: clockify.MemberSpec{Email: "leo.dubois@example.com", Status: clockify.MembershipInactive},
			kind: clockify.RosterDeactivate, rule: clockify.ErrInvitationPending, server: true},
		{name: "full member's picture", spec: clockify.MemberSpec{Email: "emma.schultz@acme-studio.example",
			Profile: &clockify.ProfileUpdate{ImageURL: clockify.Ptr("https://img.example.com/e.png")}},
			kind: clockify.RosterUpdateProfile, rule: clockify.ErrLimitedMemberOnly, server: true},
		{name: "owner's profile", spec: clockify.MemberSpec{Email: "maya.lindqvist@acme-studio.example",
			Profile: &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(1))}},
			kind: clockify.RosterUpdateProfile, rule: clockify.ErrOwnerProfile, server: true},
		{name: "week start with approvals pending", spec: clockify.MemberSpec{Email: "sofia.rossi@acme-studio.example",
			Profile: &clockify.ProfileUpdate{WeekStart: clockify.Ptr(clockify.Sunday)}},
			kind: clockify.RosterUpdateProfile, rule: clockify.ErrPendingApprovals, server: true},
		{name: "admin role removed by an admin", as: clockifytest.DemoAdminID, seed: func(srv *clockifytest.Server) {
			srv.AddMember(rosterWS, clockifytest.MemberSeed{Email: "second.admin@example.com", Roles: clockifytest.Roles{Admin: true}})
		}, spec: clockify.MemberSpec{Email: "second.admin@example.com", Roles: []clockify.RoleAssignment{}},
			kind: clockify.RosterRemoveRole, rule: clockify.ErrOwnerOnly, server: true},
		{name: "admin deactivated by an admin", as: clockifytest.DemoAdminID, seed: func(srv *clockifytest.Server) {
			srv.AddMember(rosterWS, clockifytest.MemberSeed{Email: "second.admin@example.com", Roles: clockifytest.Roles{Admin: true}})
		}, spec: clockify.MemberSpec{Email: "second.admin@example.com", Status: clockify.MembershipInactive},
			kind: clockify.RosterDeactivate, rule: clockify.ErrOwnerOnly, server: true},
		{name: "owner deactivated", spec: clockify.MemberSpec{Email: "maya.lindqvist@acme-studio.example", Status: clockify.MembershipInactive},
			kind: clockify.RosterDeactivate, rule: clockify.ErrOwnerImmutable, server: true},
		{name: "a team manager's key", as: clockifytest.DemoTeamManagerID,
			spec: clockify.MemberSpec{Email: "emma.schultz@acme-studio.example", HourlyRate: clockify.Ptr[int64](1)},
			kind: clockify.RosterSetHourlyRate, rule: clockify.ErrAdminOnly, server: true},
		{name: "a project manager's key", as: clockifytest.DemoProjectManagerID,
			spec: clockify.MemberSpec{Email: "emma.schultz@acme-studio.example", Profile: &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(1))}},
			kind: clockify.RosterUpdateProfile, rule: clockify.ErrAdminOnly, server: true},
		{name: "owner's groups", spec: clockify.MemberSpec{Email: "maya.lindqvist@acme-studio.example", Groups: []string{"Design Team"}},
			kind: clockify.RosterAddToGroup, rule: clockify.ErrOwnerImmutable},
		{name: "owner's rates", spec: clockify.MemberSpec{Email: "maya.lindqvist@acme-studio.example", HourlyRate: clockify.Ptr[int64](1)},
			kind: clockify.RosterSetHourlyRate, rule: clockify.ErrOwnerImmutable},
		{name: "owner's roles", spec: clockify.MemberSpec{Email: "maya.lindqvist@acme-studio.example",
			Roles: []clockify.RoleAssignment{clockify.ProjectManagerOf(clockifytest.DemoProjectID)}},
			kind: clockify.RosterAssignRole, rule: clockify.ErrOwnerImmutable},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := demoServer(t)
			if tc.seed != nil {
				tc.seed(srv)
			}
			c := srv.Client(fastOpts...)
			if tc.as != "" {
				c = srv.ClientAs(tc.as, fastOpts...)
			}
			ws := rosterWS
			if tc.ws != "" {
				ws = tc.ws
			}
			plan, err := c.Members.PlanRoster(context.Background(), ws, []clockify.MemberSpec{tc.spec}, nil)
			require.NoError(t, err)
			blocked := plan.Blocked()
			require.Len(t, blocked, 1, "%s", plan)
			a := blocked[0]
			assert.Equal(t, tc.kind, a.Kind)
			require.ErrorIs(t, a.Blocked, tc.rule)
			var re *clockify.RestrictionError
			require.ErrorAs(t, a.Blocked, &re)
			assert.Nil(t, re.Err, "found before sending")
			assert.Contains(t, plan.String(), ruleNameOf(tc.rule))

			// ApplyRoster does not send it.
			before := len(srv.Requests())
			results := c.Members.ApplyRoster(context.Background(), plan, nil)
			for _, r := range results {
				if r.Action.Blocked != nil {
					assert.Same(t, r.Action.Blocked, r.Err)
				}
			}
			if plan.Pending() == 0 {
				assert.Len(t, srv.Requests(), before, "nothing sent for a blocked plan")
			}
			if !tc.server {
				return
			}
			// Forced through, the server refuses it, and the SDK names the same rule; an action on
			// the owner does not even reach the server.
			a.Blocked = nil
			forced := c.Members.ApplyRoster(context.Background(), &clockify.RosterPlan{WorkspaceID: ws, Actions: []clockify.RosterAction{a}}, nil)
			require.Len(t, forced, 1)
			require.Error(t, forced[0].Err)
			if a.UserID == clockifytest.DemoOwnerID {
				assert.ErrorIs(t, forced[0].Err, clockify.ErrOwnerImmutable)
				return
			}
			assert.ErrorIs(t, forced[0].Err, tc.rule)
		})
	}
}

func ruleNameOf(rule error) string {
	for _, code := range clockify.RuleCodes() {
		if errors.Is(rule, code.Err()) {
			return string(code)
		}
	}
	return "?"
}

// A member in several workspaces still gets the capacity change; only the week start waits.
func TestPlanRoster_blockedFieldsAreHeldBackAlone(t *testing.T) {
	srv, c := rosterDemo(t)
	plan := planRoster(t, c, []clockify.MemberSpec{{Email: "noah.bennett@acme-studio.example",
		Profile: &clockify.ProfileUpdate{WeekStart: clockify.Ptr(clockify.Sunday), WorkCapacity: clockify.Ptr(clockify.Hours(5))}}}, nil)
	require.Len(t, plan.Actions, 2, "%s", plan)
	assert.Equal(t, &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(5))}, plan.Actions[0].Profile)
	assert.Nil(t, plan.Actions[0].Blocked)
	assert.Equal(t, &clockify.ProfileUpdate{WeekStart: clockify.Ptr(clockify.Sunday)}, plan.Actions[1].Profile)
	assert.ErrorIs(t, plan.Actions[1].Blocked, clockify.ErrMultipleWorkspaces)

	for _, r := range c.Members.ApplyRoster(context.Background(), plan, nil) {
		if r.Action.Blocked == nil {
			require.NoError(t, r.Err)
		}
	}
	noah, _ := srv.Member(rosterWS, clockifytest.DemoMultiWorkspaceID)
	assert.Equal(t, "PT5H", noah.WorkCapacity)
	assert.Equal(t, "MONDAY", noah.WeekStart)
}

// Actions that follow a blocked invitation are blocked by the same rule.
func TestPlanRoster_followUpsOfABlockedInviteAreBlocked(t *testing.T) {
	srv := demoServer(t)
	c := srv.Client(fastOpts...)
	plan, err := c.Members.PlanRoster(context.Background(), clockifytest.DemoFreeWorkspaceID, []clockify.MemberSpec{{
		Email: "new@example.com", HourlyRate: clockify.Ptr[int64](100)}}, nil)
	require.NoError(t, err)
	require.Len(t, plan.Actions, 2)
	for _, a := range plan.Actions {
		assert.ErrorIs(t, a.Blocked, clockify.ErrPaidFeature)
	}
}

// With a key that is neither an admin's nor the owner's, every change is blocked before
// anything is sent, and no profile is read (the read would be refused).
func TestPlanRoster_nonAdminKeyBlocksEverything(t *testing.T) {
	srv := demoServer(t)
	c := srv.ClientAs(clockifytest.DemoTeamManagerID, fastOpts...)
	plan, err := c.Members.PlanRoster(context.Background(), rosterWS, rosterChanges(), &clockify.RosterOptions{DeactivateUnlisted: true})
	require.NoError(t, err)
	require.NotEmpty(t, plan.Actions)
	assert.Zero(t, plan.Pending(), "%s", plan)
	for _, a := range plan.Actions {
		if a.UserID == clockifytest.DemoOwnerID {
			continue
		}
		assert.ErrorIs(t, a.Blocked, clockify.ErrAdminOnly, "%s %s", a.Kind, a.Change)
	}
	for _, r := range srv.Requests() {
		assert.NotContains(t, r.Path, "/member-profile/")
		assert.True(t, r.Method == http.MethodGet || strings.HasSuffix(r.Path, "/users/info"), "%s %s", r.Method, r.Path)
	}
	for _, r := range c.Members.ApplyRoster(context.Background(), plan, nil) {
		assert.Same(t, r.Action.Blocked, r.Err)
	}
}
