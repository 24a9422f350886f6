package clockify_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

// ruleCase triggers one rule against the demo team: call returns the error of the SDK call.
type ruleCase struct {
	name string
	code clockify.RuleCode
	// sent: the server refused (after sending); false: the SDK found the rule before sending.
	sent bool
	// status and httpErr: the server's answer when sent (httpErr nil for a 400, which no HTTP
	// sentinel names).
	status  int
	httpErr error
	call    func(t *testing.T, srv *clockifytest.Server) error
}

// secondAdmin adds an admin besides the demo's, for the owner-only rules.
func secondAdmin(srv *clockifytest.Server) string {
	return srv.AddMember(demoWS, clockifytest.MemberSeed{Name: "Second Admin", Email: "second.admin@example.com",
		Roles: clockifytest.Roles{Admin: true}})
}

// profileCheck and profileUpdate run Profiles.Check / Update as the owner, after seed.
func profileCall(sent bool, userID string, u *clockify.ProfileUpdate, seed func(*clockifytest.Server)) func(*testing.T, *clockifytest.Server) error {
	return func(_ *testing.T, srv *clockifytest.Server) error {
		if seed != nil {
			seed(srv)
		}
		c := srv.Client(fastOpts...)
		if !sent {
			return c.Profiles.Check(bctx, demoWS, userID, u)
		}
		_, _, err := c.Profiles.Update(bctx, demoWS, userID, u)
		return err
	}
}

func noProfileFeature(srv *clockifytest.Server) {
	srv.SetFeatures(demoWS, "TIME_TRACKING", clockifytest.FeatureUserCustomFields)
}

// ruleCases are every rule the SDK names, each in every way it can be raised: before sending
// (Profiles.Check, Members.Remove, a roster plan) and after Clockify refused.
func ruleCases() []ruleCase {
	capacity := &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(6))}
	field := &clockify.ProfileUpdate{CustomFields: []clockify.CustomFieldUpsert{{CustomFieldID: clockifytest.DemoCustomFieldID, Value: "Sales"}}}
	name := &clockify.ProfileUpdate{Name: clockify.Ptr("Emma S.")}
	weekStart := &clockify.ProfileUpdate{WeekStart: clockify.Ptr(clockify.Sunday)} // Sofia's is Monday
	var cases []ruleCase
	for _, sent := range []bool{false, true} {
		status := func(s int) int {
			if sent {
				return s
			}
			return 0
		}
		cases = append(cases,
			ruleCase{"profile editing not in the plan", clockify.RulePaidFeature, sent, status(403), clockify.ErrForbidden,
				profileCall(sent, clockifytest.DemoMemberID, capacity, noProfileFeature)},
			ruleCase{"member of three workspaces", clockify.RuleMultipleWorkspaces, sent, status(400), nil,
				profileCall(sent, clockifytest.DemoMultiWorkspaceID, field, nil)},
			ruleCase{"inactive member", clockify.RuleMemberInactive, sent, status(400), nil,
				profileCall(sent, clockifytest.DemoInactiveID, capacity, nil)},
			ruleCase{"invitation not accepted", clockify.RuleInvitationPending, sent, status(400), nil,
				profileCall(sent, clockifytest.DemoInvitedID, capacity, nil)},
			ruleCase{"owner's profile", clockify.RuleOwnerProfile, sent, status(400), nil,
				profileCall(sent, clockifytest.DemoOwnerID, capacity, nil)},
			ruleCase{"week start with approvals pending", clockify.RulePendingApprovals, sent, status(400), nil,
				profileCall(sent, clockifytest.DemoPendingApprovalsID, weekStart, nil)},
			ruleCase{"a full member's name", clockify.RuleLimitedMemberOnly, sent, status(400), nil,
				profileCall(sent, clockifytest.DemoMemberID, name, nil)},
			ruleCase{"a team manager's key", clockify.RuleAdminOnly, sent, status(403), clockify.ErrForbidden,
				func(_ *testing.T, srv *clockifytest.Server) error {
					c := srv.ClientAs(clockifytest.DemoTeamManagerID, fastOpts...)
					if !sent {
						return c.Profiles.Check(bctx, demoWS, clockifytest.DemoMemberID, capacity)
					}
					_, _, err := c.Profiles.Update(bctx, demoWS, clockifytest.DemoMemberID, capacity)
					return err
				}},
		)
	}
	before := []ruleCase{
		{name: "a pending invitation removed", code: clockify.RuleInvitationPending, call: remove(clockifytest.DemoInvitedID)},
		{name: "the owner removed", code: clockify.RuleOwnerImmutable, call: remove(clockifytest.DemoOwnerID)},
		{name: "an active member removed", code: clockify.RuleMustDeactivateFirst, call: remove(clockifytest.DemoMemberID)},
		{name: "an admin deactivated by an admin, planned", code: clockify.RuleOwnerOnly,
			call: func(t *testing.T, srv *clockifytest.Server) error {
				secondAdmin(srv)
				c := srv.ClientAs(clockifytest.DemoAdminID, fastOpts...)
				return plannedBlock(t, c, demoWS, clockify.MemberSpec{Email: "second.admin@example.com", Status: clockify.MembershipInactive})
			}},
		{name: "an invitation on the Free plan, planned", code: clockify.RulePaidFeature,
			call: func(t *testing.T, srv *clockifytest.Server) error {
				return plannedBlock(t, srv.Client(fastOpts...), clockifytest.DemoFreeWorkspaceID, clockify.MemberSpec{Email: "new@example.com"})
			}},
	}
	after := []ruleCase{
		{"an invitation on the Free plan", clockify.RulePaidFeature, true, 403, clockify.ErrForbidden,
			func(_ *testing.T, srv *clockifytest.Server) error {
				_, _, err := srv.Client(fastOpts...).Members.Invite(bctx, clockifytest.DemoFreeWorkspaceID, "new@example.com", nil)
				return err
			}},
		{"a pending invitation deactivated", clockify.RuleInvitationPending, true, 400, nil, deactivate("", clockifytest.DemoInvitedID)},
		{"the owner deactivated", clockify.RuleOwnerImmutable, true, 400, nil, deactivate(clockifytest.DemoAdminID, clockifytest.DemoOwnerID)},
		{"an admin deactivated by an admin", clockify.RuleOwnerOnly, true, 403, clockify.ErrForbidden,
			func(_ *testing.T, srv *clockifytest.Server) error {
				id := secondAdmin(srv)
				_, _, err := srv.ClientAs(clockifytest.DemoAdminID, fastOpts...).Members.Deactivate(bctx, demoWS, id)
				return err
			}},
		{"the admin role removed by an admin", clockify.RuleOwnerOnly, true, 403, clockify.ErrForbidden,
			func(_ *testing.T, srv *clockifytest.Server) error {
				id := secondAdmin(srv)
				_, err := srv.ClientAs(clockifytest.DemoAdminID, fastOpts...).Roles.Remove(bctx, demoWS, id, clockify.WorkspaceAdmin(demoWS))
				return err
			}},
		{"an inactive member removed", clockify.RuleRemovedInCAKE, true, 400, nil, remove(clockifytest.DemoInactiveID)},
		{"a group name taken", clockify.RuleGroupExists, true, 400, nil,
			func(_ *testing.T, srv *clockifytest.Server) error {
				_, _, err := srv.Client(fastOpts...).Groups.Create(bctx, demoWS, "Design Team")
				return err
			}},
		{"no timer to stop", clockify.RuleNoRunningTimer, true, 404, clockify.ErrNotFound,
			func(_ *testing.T, srv *clockifytest.Server) error {
				_, _, err := srv.Client(fastOpts...).Members.StopTimer(bctx, demoWS, clockifytest.DemoAdminID, time.Now())
				return err
			}},
		{"a fourth webhook on the Free plan", clockify.RuleWebhookWorkspaceLimit, true, 400, nil,
			createWebhooks(clockifytest.DemoFreeWorkspaceID, 4)},
		{"an eleventh webhook of one user", clockify.RuleWebhookUserLimit, true, 400, nil,
			createWebhooks(demoWS, 11)},
		{"a timer stopped before it started", clockify.RuleEndBeforeStart, true, 400, nil,
			func(_ *testing.T, srv *clockifytest.Server) error {
				start := time.Now().Add(-time.Hour).UTC().Truncate(time.Second)
				srv.AddTimeEntry(demoWS, clockifytest.TimeEntrySeed{UserID: clockifytest.DemoAdminID, Start: start})
				_, _, err := srv.Client(fastOpts...).Members.StopTimer(bctx, demoWS, clockifytest.DemoAdminID, start.Add(-time.Minute))
				return err
			}},
	}
	return append(append(cases, before...), after...)
}

// createWebhooks creates n webhooks in ws as the owner and returns the error of the last.
func createWebhooks(ws string, n int) func(*testing.T, *clockifytest.Server) error {
	return func(t *testing.T, srv *clockifytest.Server) error {
		c := srv.Client(fastOpts...)
		for i := range n - 1 {
			_, _, err := c.Webhooks.Create(bctx, ws, clockify.WorkspaceWebhook(ws, fmt.Sprintf("hook %d", i),
				"https://hooks.example.com/clockify", clockify.WebhookUserJoinedWorkspace))
			require.NoError(t, err)
		}
		_, _, err := c.Webhooks.Create(bctx, ws, clockify.WorkspaceWebhook(ws, "one too many",
			"https://hooks.example.com/clockify", clockify.WebhookUserJoinedWorkspace))
		return err
	}
}

func remove(userID string) func(*testing.T, *clockifytest.Server) error {
	return func(_ *testing.T, srv *clockifytest.Server) error {
		_, err := srv.Client(fastOpts...).Members.Remove(bctx, demoWS, userID)
		return err
	}
}

// deactivate deactivates userID as the member as ("" = the owner).
func deactivate(as, userID string) func(*testing.T, *clockifytest.Server) error {
	return func(_ *testing.T, srv *clockifytest.Server) error {
		c := srv.Client(fastOpts...)
		if as != "" {
			c = srv.ClientAs(as, fastOpts...)
		}
		_, _, err := c.Members.Deactivate(bctx, demoWS, userID)
		return err
	}
}

// plannedBlock plans spec and returns the Blocked error of its only blocked action.
func plannedBlock(t *testing.T, c *clockify.Client, ws string, spec clockify.MemberSpec) error {
	t.Helper()
	plan, err := c.Members.PlanRoster(context.Background(), ws, []clockify.MemberSpec{spec}, nil)
	require.NoError(t, err)
	blocked := plan.Blocked()
	require.Len(t, blocked, 1, "%s", plan)
	return blocked[0].Blocked
}

// TestRuleRefusals_oneShape checks the error model for every rule, each way it is raised: a
// *RestrictionError whose Code is the rule's code, matching the rule's sentinel; before sending
// with no Err and no HTTP sentinel; after a refusal with the server's *APIError reachable and its
// HTTP sentinel matching, while that *APIError alone matches no rule sentinel.
func TestRuleRefusals_oneShape(t *testing.T) {
	t.Parallel()
	covered := map[clockify.RuleCode]bool{}
	for _, tc := range ruleCases() {
		covered[tc.code] = true
		when := "before sending"
		if tc.sent {
			when = "after a refusal"
		}
		t.Run(when+"/"+tc.name, func(t *testing.T) {
			t.Parallel()
			srv := demoServer(t)
			err := tc.call(t, srv)
			require.Error(t, err)

			var re *clockify.RestrictionError
			require.ErrorAs(t, err, &re, "got %T: %v", err, err)
			assert.Equal(t, tc.code, re.Code())
			assert.Equal(t, tc.code, clockify.RuleOf(err))
			assert.ErrorIs(t, err, tc.code.Err())
			for _, other := range clockify.RuleCodes() {
				if other != tc.code {
					assert.NotErrorIs(t, err, other.Err(), "only the rule's own sentinel")
				}
			}
			assert.Equal(t, 1, strings.Count(err.Error(), "clockify:"), "one prefix: %q", err.Error())

			var apiErr *clockify.APIError
			if !tc.sent {
				assert.Nil(t, re.Err, "nothing was sent")
				assert.Zero(t, re.StatusCode())
				assert.False(t, errors.As(err, &apiErr), "no server answer to reach")
				assert.NotErrorIs(t, err, clockify.ErrForbidden)
				return
			}
			require.ErrorAs(t, err, &apiErr, "the server's refusal is reachable")
			assert.Same(t, re.Err, apiErr)
			assert.Equal(t, tc.status, apiErr.StatusCode)
			assert.Equal(t, tc.status, re.StatusCode())
			if tc.httpErr != nil {
				assert.ErrorIs(t, err, tc.httpErr)
			}
			for _, code := range clockify.RuleCodes() {
				assert.NotErrorIs(t, apiErr, code.Err(), "a bare *APIError names no rule")
			}
		})
	}
	for _, code := range clockify.RuleCodes() {
		assert.True(t, covered[code], "no case raises %s", code)
	}
}

// TestRuleRefusals_sameRuleBeforeAndAfter: Check and the refused Update name the same rule with
// the same code and message; only the server's answer differs.
func TestRuleRefusals_sameRuleBeforeAndAfter(t *testing.T) {
	t.Parallel()
	srv := demoServer(t)
	c := srv.ClientAs(clockifytest.DemoTeamManagerID, fastOpts...)
	u := &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(6))}
	checked := c.Profiles.Check(bctx, demoWS, clockifytest.DemoMemberID, u)
	_, _, refused := c.Profiles.Update(bctx, demoWS, clockifytest.DemoMemberID, u)

	assert.Equal(t, clockify.RuleAdminOnly, clockify.RuleOf(checked))
	assert.Equal(t, clockify.RuleAdminOnly, clockify.RuleOf(refused))
	assert.Equal(t, checked.Error(), refused.Error())
	assert.NotErrorIs(t, checked, clockify.ErrForbidden, "Check sent nothing")
	assert.ErrorIs(t, refused, clockify.ErrForbidden)
	var re *clockify.RestrictionError
	require.ErrorAs(t, refused, &re)
	assert.Equal(t, http.StatusForbidden, re.StatusCode())
}
