package clockify

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSummarizeBulk_countsAndJoins(t *testing.T) {
	blocked := &RestrictionError{Rule: ErrPendingApprovals, UserID: "u2", Detail: "member u2 has pending approval requests",
		Err: &APIError{StatusCode: 400}}
	refused := &APIError{StatusCode: 500, Method: "PATCH", Path: "/v1/workspaces/ws1/member-profile/u3"}
	invalid := &ValidationError{Field: "update", Reason: "sets nothing"}
	cancelled := notStarted("u5", context.Canceled)
	s := SummarizeBulk([]BulkResult{
		{UserID: "u1", Profile: &Profile{}},
		{UserID: "u2", Err: blocked},
		{UserID: "u3", Err: refused},
		{UserID: "u4", Err: invalid},
		{UserID: "u5", Err: cancelled},
		{UserID: "u6", Err: fmt.Errorf("clockify: wrapped: %w", &RestrictionError{Rule: ErrOwnerProfile})},
	})

	assert.Equal(t, 1, s.Done)
	assert.Equal(t, 2, s.Blocked)
	assert.Equal(t, 3, s.Failed)
	assert.Equal(t, 6, s.Total())
	assert.Equal(t, map[RuleCode]int{RulePendingApprovals: 1, RuleOwnerProfile: 1}, s.Rules)
	assert.Equal(t, "1 done, 2 blocked, 3 failed", s.String())

	require.Error(t, s.Err)
	for _, want := range []error{ErrPendingApprovals, ErrOwnerProfile, ErrServer, ErrInvalidInput, context.Canceled} {
		assert.ErrorIs(t, s.Err, want)
	}
	var re *RestrictionError
	require.ErrorAs(t, s.Err, &re)
	assert.Same(t, blocked, re, "the first blocked result's error")
	lines := strings.Split(s.Err.Error(), "\n")
	assert.Len(t, lines, 5, "one line per error, in the order of the results")
	assert.Equal(t, blocked.Error(), lines[0])
	assert.Equal(t, cancelled.Error(), lines[3])
}

func TestSummarizeBulk_allDoneHasNoError(t *testing.T) {
	s := SummarizeBulk([]BulkResult{{UserID: "u1"}, {UserID: "u2"}})
	assert.Equal(t, Summary{Done: 2}, s)
	assert.NoError(t, s.Err)
	assert.Nil(t, s.Rules)

	assert.Equal(t, Summary{}, SummarizeBulk(nil))
	assert.Equal(t, Summary{}, SummarizeRoster(nil))
}

func TestSummarizeRoster_blockedActionsAndFailures(t *testing.T) {
	blocked := &RestrictionError{Rule: ErrOwnerImmutable, UserID: "owner"}
	refused := &RestrictionError{Rule: ErrOwnerOnly, UserID: "a2", Err: &APIError{StatusCode: 403}}
	stale := fmt.Errorf("%w: deactivate not applied: member a3 is inactive now", ErrStalePlan)
	earlier := fmt.Errorf("%w (%s)", ErrEarlierActionFailed, stale)
	s := SummarizeRoster([]RosterResult{
		{Action: RosterAction{Kind: RosterDeactivate, UserID: "owner", Blocked: blocked}, Err: blocked},
		{Action: RosterAction{Kind: RosterDeactivate, UserID: "a2"}, Err: refused},
		{Action: RosterAction{Kind: RosterDeactivate, UserID: "a3"}, Err: stale},
		{Action: RosterAction{Kind: RosterRemoveRole, UserID: "a3"}, Err: earlier},
		{Action: RosterAction{Kind: RosterActivate, UserID: "u4"}},
	})
	assert.Equal(t, 1, s.Done)
	assert.Equal(t, 2, s.Blocked, "before sending and after a refusal alike")
	assert.Equal(t, 2, s.Failed)
	assert.Equal(t, map[RuleCode]int{RuleOwnerImmutable: 1, RuleOwnerOnly: 1}, s.Rules)
	assert.ErrorIs(t, s.Err, ErrStalePlan)
	assert.ErrorIs(t, s.Err, ErrEarlierActionFailed)
	assert.ErrorIs(t, s.Err, ErrForbidden)
	assert.True(t, errors.Is(s.Err, ErrOwnerImmutable) && errors.Is(s.Err, ErrOwnerOnly))
}
