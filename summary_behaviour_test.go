package clockify_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

// A bulk run against the demo team: one change goes through, two are refused by Clockify's rules,
// two fail otherwise; the summary counts them and joins the four errors.
func TestSummarizeBulk_updateMany(t *testing.T) {
	t.Parallel()
	_, c := demo(t)
	capacity := &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(6))}
	results := c.Profiles.UpdateMany(bctx, demoWS, []clockify.ProfileChange{
		{UserID: clockifytest.DemoMemberID, Update: capacity},
		{UserID: clockifytest.DemoPendingApprovalsID, Update: &clockify.ProfileUpdate{WeekStart: clockify.Ptr(clockify.Sunday)}},
		{UserID: clockifytest.DemoOwnerID, Update: capacity},
		{UserID: "64f0a1b2c3d4e5f6020000ff", Update: capacity},
		{UserID: clockifytest.DemoAdminID, Update: &clockify.ProfileUpdate{}},
	}, nil)

	s := clockify.SummarizeBulk(results)
	assert.Equal(t, "1 done, 2 blocked, 2 failed", s.String())
	assert.Equal(t, map[clockify.RuleCode]int{clockify.RulePendingApprovals: 1, clockify.RuleOwnerProfile: 1}, s.Rules)
	require.Error(t, s.Err)
	assert.ErrorIs(t, s.Err, clockify.ErrPendingApprovals)
	assert.ErrorIs(t, s.Err, clockify.ErrOwnerProfile)
	assert.ErrorIs(t, s.Err, clockify.ErrNotFound)
	assert.ErrorIs(t, s.Err, clockify.ErrInvalidInput)

	s = clockify.SummarizeBulk(c.Profiles.GetMany(bctx, demoWS, []string{clockifytest.DemoMemberID, clockifytest.DemoAdminID}, nil))
	assert.Equal(t, clockify.Summary{Done: 2}, s)
}

// An applied roster: the owner's deactivation is blocked by the plan and never sent, the other
// member's change is applied.
func TestSummarizeRoster_applyRoster(t *testing.T) {
	t.Parallel()
	_, c := demo(t)
	plan, err := c.Members.PlanRoster(bctx, demoWS, []clockify.MemberSpec{
		{Email: "maya.lindqvist@acme-studio.example", Status: clockify.MembershipInactive},
		{Email: "emma.schultz@acme-studio.example", Status: clockify.MembershipInactive},
	}, nil)
	require.NoError(t, err)

	s := clockify.SummarizeRoster(c.Members.ApplyRoster(bctx, plan, nil))
	assert.Equal(t, 1, s.Done)
	assert.Equal(t, 1, s.Blocked)
	assert.Equal(t, 0, s.Failed)
	assert.Equal(t, map[clockify.RuleCode]int{clockify.RuleOwnerImmutable: 1}, s.Rules)
	assert.ErrorIs(t, s.Err, clockify.ErrOwnerImmutable)
	assert.Equal(t, clockify.RuleOwnerImmutable, clockify.RuleOf(s.Err))
}
