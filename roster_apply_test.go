package clockify_test

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

// rosterChanges is a roster that differs from the demo team in every way a roster can.
func rosterChanges() []clockify.MemberSpec {
	return []clockify.MemberSpec{
		{Email: "emma.schultz@acme-studio.example", HourlyRate: clockify.Ptr[int64](8000), Groups: []string{},
			Profile: &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(6))}},
		{Email: "sofia.rossi@acme-studio.example", Profile: &clockify.ProfileUpdate{WeekStart: clockify.Ptr(clockify.Sunday),
			WorkCapacity: clockify.Ptr(clockify.Hours(6))}},
		{Email: "oliver.grant@acme-studio.example", Status: clockify.MembershipActive,
			Roles: []clockify.RoleAssignment{clockify.ProjectManagerOf(clockifytest.DemoProjectID)}},
		{Email: "lucas.ferreira@acme-studio.example", Status: clockify.MembershipInactive, Roles: []clockify.RoleAssignment{}},
		{Email: "nina.new@acme-studio.example", Groups: []string{"Design Team"}, HourlyRate: clockify.Ptr[int64](5000),
			Roles: []clockify.RoleAssignment{clockify.ProjectManagerOf(clockifytest.DemoProjectID)}},
		{Name: "Kiosk Kim", Limited: true, CostRate: clockify.Ptr[int64](1500), Groups: []string{"Design Team"},
			Roles: []clockify.RoleAssignment{clockify.TeamManagerOfGroup(clockifytest.DemoGroupID)}},
		{Email: "maya.lindqvist@acme-studio.example", Status: clockify.MembershipInactive},
	}
}

func applyRoster(t *testing.T, c *clockify.Client, plan *clockify.RosterPlan) []clockify.RosterResult {
	t.Helper()
	results := c.Members.ApplyRoster(context.Background(), plan, nil)
	require.Len(t, results, len(plan.Actions))
	return results
}

// requireConverged plans again and requires nothing left but blocked actions.
func requireConverged(t *testing.T, c *clockify.Client, specs []clockify.MemberSpec, opts *clockify.RosterOptions) *clockify.RosterPlan {
	t.Helper()
	again := planRoster(t, c, specs, opts)
	require.Zero(t, again.Pending(), "%s", again)
	return again
}

func TestApplyRoster_planAgainAfterApplyIsEmptyButForBlocked(t *testing.T) {
	_, c := rosterDemo(t)
	opts := &clockify.RosterOptions{DeactivateUnlisted: true}
	plan := planRoster(t, c, rosterChanges(), opts)
	require.NotZero(t, plan.Pending())
	for _, r := range applyRoster(t, c, plan) {
		if r.Action.Blocked == nil {
			require.NoError(t, r.Err, "%s %s", r.Action.Kind, r.Action.Change)
		}
	}
	again := requireConverged(t, c, rosterChanges(), opts)
	var rules []string
	for _, a := range again.Actions {
		rules = append(rules, ruleNameOf(a.Blocked))
	}
	// Nina's profile is not managed; Sofia's week start, Maya and Leo stay blocked.
	assert.ElementsMatch(t, []string{"pending_approvals", "owner_immutable", "invitation_pending"}, rules)
}

func TestApplyRoster_appliesEachMembersActionsInSafeOrder(t *testing.T) {
	srv, c := rosterDemo(t)
	plan := planRoster(t, c, rosterChanges(), nil)
	slices.Reverse(plan.Actions) // the plan's order does not matter
	srv.ResetRequests()
	for _, r := range c.Members.ApplyRoster(context.Background(), plan, &clockify.BulkOptions{Concurrency: 8}) {
		if r.Action.Blocked == nil {
			require.NoError(t, r.Err, "%s %s", r.Action.Kind, r.Action.Change)
		}
	}
	var sent []string
	for _, r := range srv.Requests() {
		if r.Method != http.MethodGet && !strings.HasSuffix(r.Path, "/users/info") {
			sent = append(sent, r.Method+" "+strings.TrimPrefix(r.Path, "/v1/workspaces/"+rosterWS))
		}
	}
	index := func(s string) int {
		i := slices.Index(sent, s)
		require.GreaterOrEqual(t, i, 0, "%s not in %v", s, sent)
		return i
	}
	lucas := "/users/" + clockifytest.DemoProjectManagerID
	assert.Less(t, index("DELETE "+lucas+"/roles"), index("PUT "+lucas), "roles removed before deactivation")
	oliver := "/users/" + clockifytest.DemoInactiveID
	assert.Less(t, index("PUT "+oliver), index("POST "+oliver+"/roles"), "activated before given a role")
	nina, ok := srv.FindMemberByEmail(rosterWS, "nina.new@acme-studio.example")
	require.True(t, ok)
	invite := index("POST /users")
	assert.Less(t, invite, index("POST /users/"+nina+"/roles"), "invited before given a role")
	assert.Less(t, invite, index("PUT /users/"+nina+"/hourly-rate"))
	emma := "/users/" + clockifytest.DemoMemberID
	assert.Less(t, index("DELETE /user-groups/"+clockifytest.DemoGroupID+emma), index("PUT "+emma+"/hourly-rate"))
	for _, s := range sent {
		assert.NotContains(t, s, clockifytest.DemoOwnerID, "the owner is never touched")
	}
}

func TestApplyRoster_cancelledRunConvergesOnTheNextPlan(t *testing.T) {
	_, c := rosterDemo(t)
	specs := rosterChanges()
	plan := planRoster(t, c, specs, nil)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var calls []int
	results := c.Members.ApplyRoster(ctx, plan, &clockify.BulkOptions{Concurrency: 1, Progress: func(done, total int, _ clockify.BulkResult) {
		calls = append(calls, done)
		assert.Equal(t, len(plan.Actions), total)
		if done == len(plan.Blocked())+3 {
			cancel()
		}
	}})
	require.Len(t, calls, len(plan.Actions), "one progress call per action")
	assert.True(t, slices.IsSorted(calls))
	cancelled := 0
	for _, r := range results {
		if r.Err != nil && r.Action.Blocked == nil {
			assert.ErrorIs(t, r.Err, context.Canceled)
			cancelled++
		}
	}
	require.NotZero(t, cancelled)

	next := planRoster(t, c, specs, nil)
	require.NotZero(t, next.Pending())
	assert.Less(t, next.Pending(), plan.Pending())
	for _, r := range applyRoster(t, c, next) {
		if r.Action.Blocked == nil {
			require.NoError(t, r.Err, "%s %s", r.Action.Kind, r.Action.Change)
		}
	}
	requireConverged(t, c, specs, nil)
}

func TestApplyRoster_cancelledContextSendsNothing(t *testing.T) {
	srv, c := rosterDemo(t)
	plan := planRoster(t, c, rosterChanges(), nil)
	require.NotZero(t, plan.Pending())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	srv.ResetRequests()
	results := c.Members.ApplyRoster(ctx, plan, &clockify.BulkOptions{Concurrency: 8})
	require.Len(t, results, len(plan.Actions))
	for _, r := range results {
		if r.Action.Blocked == nil {
			assert.ErrorIs(t, r.Err, context.Canceled, "%s %s", r.Action.Kind, r.Action.Change)
		}
	}
	for _, r := range srv.Requests() {
		assert.Equal(t, http.MethodGet, r.Method, "nothing is changed: %s %s", r.Method, r.Path)
	}
}

func TestApplyRoster_refusedMemberStopsAloneAndConvergesLater(t *testing.T) {
	srv, c := rosterDemo(t)
	specs := rosterChanges()
	plan := planRoster(t, c, specs, nil)
	emmaRate := "/v1/workspaces/" + rosterWS + "/users/" + clockifytest.DemoMemberID + "/hourly-rate"
	srv.InjectFault(clockifytest.Fault{Method: http.MethodPut, PathPrefix: emmaRate, Status: http.StatusBadRequest,
		Body: `{"message":"Something went wrong","code":400}`})
	failed := map[clockify.RosterActionKind]error{}
	for _, r := range applyRoster(t, c, plan) {
		switch {
		case r.Action.Blocked != nil:
		case r.Action.UserID == clockifytest.DemoMemberID:
			failed[r.Action.Kind] = r.Err
		default:
			require.NoError(t, r.Err, "other members go on: %s %s", r.Action.Kind, r.Action.Change)
		}
	}
	assert.NoError(t, failed[clockify.RosterRemoveFromGroup], "applied before the refusal")
	var apiErr *clockify.APIError
	require.ErrorAs(t, failed[clockify.RosterSetHourlyRate], &apiErr)
	assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	assert.ErrorIs(t, failed[clockify.RosterUpdateProfile], clockify.ErrEarlierActionFailed)
	emma, _ := srv.Member(rosterWS, clockifytest.DemoMemberID)
	assert.Equal(t, "PT8H", emma.WorkCapacity, "not attempted")

	next := planRoster(t, c, specs, nil)
	require.Equal(t, 2, next.Pending(), "%s", next)
	for _, r := range applyRoster(t, c, next) {
		if r.Action.Blocked == nil {
			require.NoError(t, r.Err)
		}
	}
	requireConverged(t, c, specs, nil)
}

// An invitation is sent once: when the server may have acted, it is not repeated, and what
// follows it waits for the next plan, which finds the member.
func TestApplyRoster_inviteIsNeverRetried(t *testing.T) {
	srv, c := rosterDemo(t)
	specs := []clockify.MemberSpec{{Email: "nina.new@acme-studio.example", HourlyRate: clockify.Ptr[int64](5000)}}
	plan := planRoster(t, c, specs, nil)
	// The search (POST …/users/info) passes; the invitation (POST …/users) acts, then fails.
	srv.InjectFault(clockifytest.Fault{Method: http.MethodPost, PathPrefix: "/v1/workspaces/" + rosterWS + "/users/info",
		Delay: time.Nanosecond, Count: -1})
	srv.InjectFault(clockifytest.Fault{Method: http.MethodPost, PathPrefix: "/v1/workspaces/" + rosterWS + "/users",
		Status: http.StatusBadGateway, AfterHandler: true, Count: 5})
	results := applyRoster(t, c, plan)
	assert.ErrorIs(t, results[0].Err, clockify.ErrServer)
	assert.ErrorIs(t, results[1].Err, clockify.ErrEarlierActionFailed)
	assert.Len(t, sentTo(srv, http.MethodPost, "/v1/workspaces/"+rosterWS+"/users"), 1)
	srv.ClearFaults()

	next := planRoster(t, c, specs, nil)
	require.Len(t, next.Actions, 1, "%s", next)
	assert.Equal(t, clockify.RosterSetHourlyRate, next.Actions[0].Kind)
	assert.NotEmpty(t, next.Actions[0].UserID, "the invited member is found")
	for _, r := range applyRoster(t, c, next) {
		require.NoError(t, r.Err)
	}
	requireConverged(t, c, specs, nil)
}

func TestApplyRoster_stalePlanFailsTheOvertakenActionsOnly(t *testing.T) {
	srv, c := rosterDemo(t)
	plan := planRoster(t, c, rosterChanges(), nil)
	ctx := context.Background()
	// The workspace changes between plan and apply.
	_, _, err := c.Members.SetHourlyRate(ctx, rosterWS, clockifytest.DemoMemberID, clockify.RateChange{Amount: 9900})
	require.NoError(t, err)
	_, _, err = c.Members.Activate(ctx, rosterWS, clockifytest.DemoInactiveID)
	require.NoError(t, err)
	_, _, err = c.Members.Invite(ctx, rosterWS, "nina.new@acme-studio.example", nil)
	require.NoError(t, err)
	_, err = c.Roles.Remove(ctx, rosterWS, clockifytest.DemoProjectManagerID, clockify.ProjectManagerOf(clockifytest.DemoProjectID))
	require.NoError(t, err)
	srv.ResetRequests()

	stale := map[string]bool{}
	for _, r := range applyRoster(t, c, plan) {
		a := r.Action
		switch {
		case a.Blocked != nil:
		case a.UserID == clockifytest.DemoMemberID && a.Kind == clockify.RosterSetHourlyRate,
			a.UserID == clockifytest.DemoInactiveID && a.Kind == clockify.RosterActivate,
			a.Email == "nina.new@acme-studio.example" && a.Kind == clockify.RosterInvite,
			a.UserID == clockifytest.DemoProjectManagerID && a.Kind == clockify.RosterRemoveRole:
			require.ErrorIs(t, r.Err, clockify.ErrStalePlan, "%s %s", a.Kind, memberOf(a))
			stale[string(a.Kind)] = true
		case a.UserID == clockifytest.DemoMemberID && a.Kind == clockify.RosterUpdateProfile,
			a.UserID == clockifytest.DemoInactiveID, a.Email == "nina.new@acme-studio.example",
			a.UserID == clockifytest.DemoProjectManagerID && a.Kind == clockify.RosterDeactivate:
			require.ErrorIs(t, r.Err, clockify.ErrEarlierActionFailed, "%s %s", a.Kind, memberOf(a))
		default:
			require.NoError(t, r.Err, "%s %s", a.Kind, memberOf(a))
		}
	}
	assert.Len(t, stale, 4)
	emma, _ := srv.Member(rosterWS, clockifytest.DemoMemberID)
	assert.Equal(t, int64(9900), emma.HourlyRate.Amount, "the newer rate is kept")
	assert.Len(t, sentTo(srv, http.MethodPost, "/v1/workspaces/"+rosterWS+"/users"), 0, "no second invitation")
}

func TestApplyRoster_sameplanTwiceAppliesNothingTwice(t *testing.T) {
	srv, c := rosterDemo(t)
	plan := planRoster(t, c, rosterChanges(), nil)
	for _, r := range applyRoster(t, c, plan) {
		if r.Action.Blocked == nil {
			require.NoError(t, r.Err)
		}
	}
	srv.ResetRequests()
	for _, r := range applyRoster(t, c, plan) {
		if r.Action.Blocked == nil {
			require.Error(t, r.Err, "%s %s", r.Action.Kind, memberOf(r.Action))
		}
	}
	for _, r := range srv.Requests() {
		assert.True(t, r.Method == http.MethodGet || strings.HasSuffix(r.Path, "/users/info"), "%s %s changes something", r.Method, r.Path)
	}
}

func TestApplyRoster_badInput(t *testing.T) {
	srv, c := rosterDemo(t)
	assert.Nil(t, c.Members.ApplyRoster(context.Background(), nil, nil))
	plan := &clockify.RosterPlan{WorkspaceID: rosterWS, Actions: []clockify.RosterAction{
		{Kind: "explode", UserID: clockifytest.DemoMemberID},
		{Kind: clockify.RosterSetHourlyRate, UserID: clockifytest.DemoMemberID, Amount: -5},
		{Kind: clockify.RosterAssignRole, UserID: clockifytest.DemoMemberID},
		{Kind: clockify.RosterInvite, Email: "not an email"},
	}}
	for _, r := range c.Members.ApplyRoster(context.Background(), plan, nil) {
		assert.ErrorIs(t, r.Err, clockify.ErrInvalidInput, "%s", r.Action.Kind)
	}
	//lint:ignore SA1012 a nil context is refused, not used
	for _, r := range c.Members.ApplyRoster(nil, &clockify.RosterPlan{WorkspaceID: rosterWS, Actions: []clockify.RosterAction{ //nolint:staticcheck
		{Kind: clockify.RosterActivate, UserID: clockifytest.DemoInactiveID, Status: clockify.MembershipInactive}}}, nil) {
		assert.ErrorIs(t, r.Err, clockify.ErrInvalidInput)
	}
	assert.Empty(t, srv.Requests())
}

func memberOf(a clockify.RosterAction) string { return a.Email + a.Name + "/" + a.UserID }

func TestApplyRoster_profileChangedSincePlanningIsNotOverwritten(t *testing.T) {
	srv, c := rosterDemo(t)
	specs := []clockify.MemberSpec{{Email: "emma.schultz@acme-studio.example", Profile: &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(6))}}}
	plan := planRoster(t, c, specs, nil)
	require.Len(t, plan.Actions, 1)
	assert.Equal(t, &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(8))}, plan.Actions[0].ProfileBefore)
	_, _, err := c.Profiles.Update(context.Background(), rosterWS, clockifytest.DemoMemberID, &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(5))})
	require.NoError(t, err)

	results := applyRoster(t, c, plan)
	require.ErrorIs(t, results[0].Err, clockify.ErrStalePlan)
	assert.Contains(t, results[0].Err.Error(), "workCapacity is PT5H now; the plan saw PT8H")
	emma, _ := srv.Member(rosterWS, clockifytest.DemoMemberID)
	assert.Equal(t, "PT5H", emma.WorkCapacity)
}

func TestApplyRoster_neverTouchesTheOwnerEvenUnblocked(t *testing.T) {
	srv, c := rosterDemo(t)
	plan := &clockify.RosterPlan{WorkspaceID: rosterWS, Actions: []clockify.RosterAction{
		{Kind: clockify.RosterSetHourlyRate, UserID: clockifytest.DemoOwnerID, Status: clockify.MembershipActive, Amount: 1, Previous: clockify.Ptr[int64](15000)},
		{Kind: clockify.RosterDeactivate, UserID: clockifytest.DemoOwnerID, Status: clockify.MembershipActive},
	}}
	for _, r := range applyRoster(t, c, plan) {
		require.Error(t, r.Err)
	}
	results := applyRoster(t, c, plan)
	assert.ErrorIs(t, results[0].Err, clockify.ErrOwnerImmutable)
	for _, r := range srv.Requests() {
		assert.True(t, r.Method == http.MethodGet || strings.HasSuffix(r.Path, "/users/info"), "%s %s changes something", r.Method, r.Path)
	}
}

// A new member's profile waits for them to accept the invitation; the next plan applies it. A
// declined invitation is sent again when the roster still lists the member as active.
func TestApplyRoster_invitedMemberConvergesOnceTheyAccept(t *testing.T) {
	srv, c := rosterDemo(t)
	specs := []clockify.MemberSpec{{Email: "nina.new@acme-studio.example", Status: clockify.MembershipActive,
		Profile: &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(6))}}}
	plan := planRoster(t, c, specs, nil)
	require.Equal(t, 1, plan.Pending())
	assert.ErrorIs(t, plan.Actions[1].Blocked, clockify.ErrInvitationPending)
	applyRoster(t, c, plan)
	nina, ok := srv.FindMemberByEmail(rosterWS, "nina.new@acme-studio.example")
	require.True(t, ok)

	srv.DeclineInvitation(rosterWS, nina)
	again := planRoster(t, c, specs, nil)
	invite := actionFor(t, again, "nina.new@acme-studio.example", clockify.RosterInvite)
	assert.Equal(t, nina, invite.UserID)
	assert.Equal(t, clockify.MembershipDeclined, invite.Status)
	for _, r := range applyRoster(t, c, again) {
		if r.Action.Blocked == nil {
			require.NoError(t, r.Err)
		}
	}
	state, _ := srv.Member(rosterWS, nina)
	assert.Equal(t, clockifytest.MembershipPending, state.MembershipStatus)

	srv.AcceptInvitation(rosterWS, nina)
	accepted := planRoster(t, c, specs, nil)
	require.Len(t, accepted.Actions, 1, "%s", accepted)
	assert.Nil(t, accepted.Actions[0].Blocked)
	for _, r := range applyRoster(t, c, accepted) {
		require.NoError(t, r.Err)
	}
	state, _ = srv.Member(rosterWS, nina)
	assert.Equal(t, "PT6H", state.WorkCapacity)
	assert.Empty(t, planRoster(t, c, specs, nil).Actions)
}

func TestApplyRoster_addsNewLimitedMembersInOneRequest(t *testing.T) {
	srv, c := rosterDemo(t)
	var specs []clockify.MemberSpec
	for _, name := range []string{"Kiosk Kim", "Kiosk Kai", "Kiosk Kit"} {
		specs = append(specs, clockify.MemberSpec{Name: name, Limited: true, Groups: []string{"Kiosk Staff"},
			Profile: &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(4))}})
	}
	specs[0].Roles = []clockify.RoleAssignment{clockify.TeamManagerOfGroup(clockifytest.DemoKioskGroupID)}
	plan := planRoster(t, c, specs, nil)
	require.Equal(t, 4, plan.Pending(), "%s", plan)
	srv.ResetRequests()
	for _, r := range applyRoster(t, c, plan) {
		require.NoError(t, r.Err, "%s %s", r.Action.Kind, r.Action.Name)
	}
	adds := sentTo(srv, http.MethodPost, "/v1/workspaces/"+rosterWS+"/limited-users")
	require.Len(t, adds, 1)
	assert.Equal(t, 3, strings.Count(string(adds[0].Body), `"name"`))
	group, ok := srv.Group(rosterWS, clockifytest.DemoKioskGroupID)
	require.True(t, ok)
	assert.Len(t, group.UserIDs, 4)
	requireConverged(t, c, specs, nil)
}
