package clockify_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

const (
	ownerEmail = "maya.lindqvist@acme-studio.example"
	adminEmail = "daniel.okafor@acme-studio.example"
)

// writesTo returns the requests that change something (not a GET, not the member search).
func writesTo(srv *clockifytest.Server) []clockifytest.RecordedRequest {
	var out []clockifytest.RecordedRequest
	for _, r := range srv.Requests() {
		if r.Method != http.MethodGet && !strings.HasSuffix(r.Path, "/users/info") {
			out = append(out, r)
		}
	}
	return out
}

// planJSON is a plan document of the current format for workspace rosterWS.
func planJSON(actions string) string {
	return `{"formatVersion":1,"workspaceId":"` + rosterWS + `","plannedAt":"2026-01-01T00:00:00Z","actions":[` + actions + `]}`
}

// A hand-made action that names a member by e-mail alone reaches no member the plan does not
// create: not the owner, not an admin, not anyone.
func TestApplyRoster_emailOnlyActionsCannotReachExistingMembers(t *testing.T) {
	for name, a := range map[string]clockify.RosterAction{
		"owner rate":          {Kind: clockify.RosterSetHourlyRate, Email: ownerEmail, Amount: 1},
		"owner into a group":  {Kind: clockify.RosterAddToGroup, Email: ownerEmail, GroupID: clockifytest.DemoGroupID},
		"deactivate an admin": {Kind: clockify.RosterDeactivate, Email: adminEmail},
	} {
		t.Run(name, func(t *testing.T) {
			srv, c := rosterDemo(t)
			plan := &clockify.RosterPlan{WorkspaceID: rosterWS, Actions: []clockify.RosterAction{a}}
			results := applyRoster(t, c, plan)
			require.ErrorIs(t, results[0].Err, clockify.ErrInvalidInput)
			assert.Contains(t, results[0].Err.Error(), "Actions[0]")
			assert.Empty(t, writesTo(srv))
			owner, _ := srv.Member(rosterWS, clockifytest.DemoOwnerID)
			assert.Equal(t, int64(15000), owner.HourlyRate.Amount)
			admin, _ := srv.Member(rosterWS, clockifytest.DemoAdminID)
			assert.Equal(t, clockifytest.MembershipActive, admin.MembershipStatus)
			group, _ := srv.Group(rosterWS, clockifytest.DemoGroupID)
			assert.NotContains(t, group.UserIDs, clockifytest.DemoOwnerID)

			b, err := json.Marshal(plan)
			require.NoError(t, err)
			var back clockify.RosterPlan
			err = json.Unmarshal(b, &back)
			assert.ErrorIs(t, err, clockify.ErrInvalidInput, "decoding refuses it too")
		})
	}
}

// An invitation in the plan does not let its follow-ups reach a member who is already there:
// blocked or stale, the invitation's actions go nowhere.
func TestApplyRoster_followUpsOfAnInviteNeverReachAnExistingMember(t *testing.T) {
	for name, blocked := range map[string]bool{"invite blocked": true, "invite unblocked": false} {
		t.Run(name, func(t *testing.T) {
			srv, c := rosterDemo(t)
			invite := clockify.RosterAction{Kind: clockify.RosterInvite, Email: ownerEmail}
			if blocked {
				invite.Blocked = &clockify.RestrictionError{Rule: clockify.ErrPaidFeature, Detail: "made up"}
			}
			plan := &clockify.RosterPlan{WorkspaceID: rosterWS, Actions: []clockify.RosterAction{invite,
				{Kind: clockify.RosterSetHourlyRate, Email: ownerEmail, Amount: 1},
				{Kind: clockify.RosterAddToGroup, Email: ownerEmail, GroupID: clockifytest.DemoGroupID}}}
			results := applyRoster(t, c, plan)
			for _, r := range results {
				require.Error(t, r.Err, "%s", r.Action.Kind)
			}
			assert.Empty(t, writesTo(srv))
			owner, _ := srv.Member(rosterWS, clockifytest.DemoOwnerID)
			assert.Equal(t, int64(15000), owner.HourlyRate.Amount)
		})
	}
}

// An action carrying a member's id is judged by the rules at apply time, like a planned one:
// an admin's key cannot deactivate another admin, and nothing is sent.
func TestApplyRoster_handMadeActionIsJudgedByTheRules(t *testing.T) {
	srv := demoServer(t)
	other := srv.AddMember(rosterWS, clockifytest.MemberSeed{Name: "Ada Admin", Email: "ada@acme-studio.example", Roles: clockifytest.Roles{Admin: true}})
	c := srv.ClientAs(clockifytest.DemoAdminID, fastOpts...)
	plan := &clockify.RosterPlan{WorkspaceID: rosterWS, Actions: []clockify.RosterAction{
		{Kind: clockify.RosterDeactivate, UserID: other, Email: "ada@acme-studio.example", Status: clockify.MembershipActive}}}
	results := applyRoster(t, c, plan)
	require.ErrorIs(t, results[0].Err, clockify.ErrOwnerOnly)
	assert.Empty(t, writesTo(srv))
}

// An action whose e-mail is not that of the member its id names is stale.
func TestApplyRoster_idAndEmailMustNameTheSameMember(t *testing.T) {
	srv, c := rosterDemo(t)
	plan := &clockify.RosterPlan{WorkspaceID: rosterWS, Actions: []clockify.RosterAction{
		{Kind: clockify.RosterSetHourlyRate, UserID: clockifytest.DemoMemberID, Email: adminEmail, Status: clockify.MembershipActive,
			Amount: 1, Previous: clockify.Ptr[int64](7500)}}}
	results := applyRoster(t, c, plan)
	assert.ErrorIs(t, results[0].Err, clockify.ErrStalePlan)
	assert.Empty(t, writesTo(srv))
}

func TestApplyRoster_repeatedOrMislabelledCreateIsRefused(t *testing.T) {
	twin := func(label, name string) clockify.RosterAction {
		return clockify.RosterAction{Kind: clockify.RosterAddLimited, Name: label, Limited: &clockify.LimitedMember{Name: name}}
	}
	for name, acts := range map[string][]clockify.RosterAction{
		"add-limited twice": {twin("Twin", "Twin"), twin("Twin", "Twin")},
		"name mismatch":     {twin("Other", "Twin")},
		"invite twice": {{Kind: clockify.RosterInvite, Email: "new@acme-studio.example"},
			{Kind: clockify.RosterInvite, Email: "NEW@acme-studio.example"}},
	} {
		t.Run(name, func(t *testing.T) {
			srv, c := rosterDemo(t)
			plan := &clockify.RosterPlan{WorkspaceID: rosterWS, Actions: acts}
			for _, r := range applyRoster(t, c, plan) {
				assert.ErrorIs(t, r.Err, clockify.ErrInvalidInput)
			}
			assert.Empty(t, srv.Requests(), "nothing is sent")
			b, err := json.Marshal(plan)
			require.NoError(t, err)
			var back clockify.RosterPlan
			assert.ErrorIs(t, json.Unmarshal(b, &back), clockify.ErrInvalidInput)
		})
	}
	// Applying a mislabelled plan again and again adds nobody.
	srv, c := rosterDemo(t)
	before := len(srv.Members(rosterWS))
	for range 2 {
		applyRoster(t, c, &clockify.RosterPlan{WorkspaceID: rosterWS, Actions: []clockify.RosterAction{twin("Other", "Twin")}})
	}
	assert.Len(t, srv.Members(rosterWS), before)
}

func TestRosterPlan_decodingRefusesWhatMarshalNeverWrites(t *testing.T) {
	rate := `{"kind":"set-hourly-rate","userId":"` + clockifytest.DemoMemberID + `","status":"ACTIVE","previous":7500`
	for name, doc := range map[string]string{
		"rate without amount":    planJSON(rate + `}`),
		"amount on an activate":  planJSON(`{"kind":"activate","userId":"` + clockifytest.DemoInactiveID + `","status":"INACTIVE","amount":5}`),
		"group on a rate":        planJSON(rate + `,"amount":1,"groupId":"` + clockifytest.DemoGroupID + `"}`),
		"unknown field":          planJSON(rate + `,"amount":1,"force":true}`),
		"no format version":      `{"workspaceId":"` + rosterWS + `","actions":[]}`,
		"newer format version":   `{"formatVersion":2,"workspaceId":"` + rosterWS + `","actions":[]}`,
		"admin of another space": planJSON(`{"kind":"assign-role","userId":"` + clockifytest.DemoMemberID + `","status":"ACTIVE","role":{"role":"WORKSPACE_ADMIN","entityId":"` + clockifytest.DemoFreeWorkspaceID + `"}}`),
		"no workspace":           `{"formatVersion":1,"actions":[]}`,
		"unknown status":         planJSON(`{"kind":"activate","userId":"` + clockifytest.DemoInactiveID + `","status":"SLEEPING"}`),
	} {
		t.Run(name, func(t *testing.T) {
			var p clockify.RosterPlan
			err := json.Unmarshal([]byte(doc), &p)
			require.ErrorIs(t, err, clockify.ErrInvalidInput)
			var ve *clockify.ValidationError
			require.ErrorAs(t, err, &ve)
		})
	}
	// The rate without amount, applied as decoded by an older SDK, would have written 0.
	var p clockify.RosterPlan
	require.NoError(t, json.Unmarshal([]byte(planJSON(rate+`,"amount":0}`)), &p), "an explicit 0 is a value")
	assert.Equal(t, int64(0), p.Actions[0].Amount)
}

func TestRosterPlan_everyProblemIsReportedWithItsIndex(t *testing.T) {
	var p clockify.RosterPlan
	err := json.Unmarshal([]byte(planJSON(`{"kind":"explode","userId":"u1"},
		{"kind":"set-cost-rate","userId":"`+clockifytest.DemoMemberID+`","status":"ACTIVE"},
		{"kind":"add-limited","name":"A","limited":{"name":"B"}}`)), &p)
	require.ErrorIs(t, err, clockify.ErrInvalidInput)
	for _, want := range []string{"Actions[0]", "Actions[1]", "Actions[2]"} {
		assert.Contains(t, err.Error(), want)
	}
	var joined interface{ Unwrap() []error }
	require.True(t, errors.As(err, &joined))
	for _, e := range joined.Unwrap() {
		var ve *clockify.ValidationError
		assert.ErrorAs(t, e, &ve)
	}
}

func TestPlanRoster_everyBadSpecIsReported(t *testing.T) {
	srv, c := rosterDemo(t)
	_, err := c.Members.PlanRoster(context.Background(), rosterWS, []clockify.MemberSpec{
		{Email: "not an email"},
		{Email: "a@acme-studio.example", Status: "SLEEPING", HourlyRate: clockify.Ptr[int64](-1)},
		{Name: " Kim", Limited: true},
	}, nil)
	require.ErrorIs(t, err, clockify.ErrInvalidInput)
	for _, want := range []string{"specs[0].Email", "specs[1].Status", "specs[1].HourlyRate", "specs[2].Name"} {
		assert.Contains(t, err.Error(), want)
	}
	assert.Empty(t, srv.Requests())
}

// Two applies of one plan at once, in one process, create the limited member once.
func TestApplyRoster_concurrentAppliesCreateOnce(t *testing.T) {
	srv, c := rosterDemo(t)
	specs := []clockify.MemberSpec{{Name: "Twin", Limited: true, Groups: []string{"Kiosk Staff"}}}
	plan := planRoster(t, c, specs, nil)
	other := srv.Client(fastOpts...) // another client of the same workspace, same process
	var wg sync.WaitGroup
	results := make([][]clockify.RosterResult, 4)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cl := c
			if i%2 == 1 {
				cl = other
			}
			results[i] = cl.Members.ApplyRoster(context.Background(), plan, nil)
		}()
	}
	wg.Wait()
	applied := 0
	for _, rs := range results {
		if rs[0].Err == nil {
			applied++
		} else {
			assert.ErrorIs(t, rs[0].Err, clockify.ErrStalePlan)
		}
	}
	assert.Equal(t, 1, applied)
	n := 0
	for _, m := range srv.Members(rosterWS) {
		if m.Name == "Twin" {
			n++
		}
	}
	assert.Equal(t, 1, n, "one Twin")
}

func TestRosterPlan_validateRefusesWhatNoPlannerMakes(t *testing.T) {
	invite := clockify.RosterAction{Kind: clockify.RosterInvite, Email: "new@acme-studio.example"}
	rate := clockify.RosterAction{Kind: clockify.RosterSetHourlyRate, UserID: clockifytest.DemoMemberID, Status: clockify.MembershipActive,
		Amount: 100, Previous: clockify.Ptr[int64](7500)}
	for name, acts := range map[string][]clockify.RosterAction{
		"deactivate a new member":   {invite, {Kind: clockify.RosterDeactivate, Email: "new@acme-studio.example"}},
		"rate set twice":            {rate, rate},
		"follow-up of no add":       {{Kind: clockify.RosterAssignRole, Name: "Nobody", Role: clockify.TeamManagerOfGroup(clockifytest.DemoGroupID)}},
		"invite of a listed member": {{Kind: clockify.RosterInvite, UserID: clockifytest.DemoMemberID, Email: "emma.schultz@acme-studio.example", Status: clockify.MembershipActive}},
		"status of a new member":    {{Kind: clockify.RosterInvite, Email: "new@acme-studio.example", Status: clockify.MembershipActive}},
		"limited member with an id": {{Kind: clockify.RosterAddLimited, UserID: clockifytest.DemoLimitedID, Name: "Twin", Limited: &clockify.LimitedMember{Name: "Twin"}}},
	} {
		t.Run(name, func(t *testing.T) {
			plan := &clockify.RosterPlan{WorkspaceID: rosterWS, Actions: acts}
			err := plan.Validate()
			require.ErrorIs(t, err, clockify.ErrInvalidInput)
			assert.Contains(t, err.Error(), "Actions[")
		})
	}
	require.NoError(t, (&clockify.RosterPlan{WorkspaceID: rosterWS, Actions: []clockify.RosterAction{invite,
		{Kind: clockify.RosterAddToGroup, Email: "NEW@acme-studio.example", GroupID: clockifytest.DemoGroupID}, rate}}).Validate())
}

// Every plan the planner makes passes Validate, and survives a JSON round trip.
func TestPlanRoster_plansAreValid(t *testing.T) {
	_, c := rosterDemo(t)
	for _, opts := range []*clockify.RosterOptions{nil, {DeactivateUnlisted: true}} {
		plan := planRoster(t, c, rosterChanges(), opts)
		require.NoError(t, plan.Validate())
		b, err := json.Marshal(plan)
		require.NoError(t, err)
		var back clockify.RosterPlan
		require.NoError(t, json.Unmarshal(b, &back))
	}
}

// Under injected faults (answers lost after the server acted, dropped connections, 5xx), plan
// then apply again until nothing is left: the roster converges and nobody is created twice.
func TestApplyRoster_convergesUnderFaultsWithoutDuplicates(t *testing.T) {
	srv, c := rosterDemo(t)
	ws := "/v1/workspaces/" + rosterWS
	srv.InjectFault(clockifytest.Fault{Method: http.MethodPost, PathPrefix: ws + "/limited-users", Status: http.StatusBadGateway, AfterHandler: true})
	srv.InjectFault(clockifytest.Fault{Method: http.MethodPost, PathPrefix: ws + "/users", Status: http.StatusBadGateway, AfterHandler: true, Count: 2})
	srv.InjectFault(clockifytest.Fault{Method: http.MethodPut, PathPrefix: ws + "/users/", Drop: true, Count: 2})
	srv.InjectFault(clockifytest.Fault{Method: http.MethodPatch, PathPrefix: ws + "/member-profile/", Status: http.StatusServiceUnavailable, Count: 3})
	srv.InjectFault(clockifytest.Fault{Method: http.MethodGet, PathPrefix: ws + "/users", Status: http.StatusBadGateway, Count: 1})
	specs := rosterChanges()
	var plan *clockify.RosterPlan
	for round := range 6 {
		p, err := c.Members.PlanRoster(context.Background(), rosterWS, specs, nil)
		if err != nil {
			continue // a read fault; plan again
		}
		plan = p
		if plan.Pending() == 0 {
			break
		}
		c.Members.ApplyRoster(context.Background(), plan, nil)
		t.Logf("round %d: %d pending", round, plan.Pending())
	}
	require.NotNil(t, plan)
	require.Zero(t, plan.Pending(), "%s", plan)
	assert.Zero(t, srv.PendingFaults(), "every fault fired")
	count := map[string]int{}
	for _, m := range srv.Members(rosterWS) {
		count[strings.ToLower(m.Email)+"|"+m.Name]++
	}
	for who, n := range count {
		assert.Equal(t, 1, n, "%s appears %d times", who, n)
	}
}
