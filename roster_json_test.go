package clockify_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify"
)

func TestRosterPlan_jsonRoundTripKeepsEveryActionAndRule(t *testing.T) {
	_, c := rosterDemo(t)
	plan := planRoster(t, c, rosterChanges(), &clockify.RosterOptions{DeactivateUnlisted: true})
	require.NotEmpty(t, plan.Blocked())

	b, err := json.Marshal(plan)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"rule":"ErrPendingApprovals"`)
	var back clockify.RosterPlan
	require.NoError(t, json.Unmarshal(b, &back))

	assert.Equal(t, plan.WorkspaceID, back.WorkspaceID)
	assert.True(t, plan.PlannedAt.Equal(back.PlannedAt))
	require.Len(t, back.Actions, len(plan.Actions))
	for i, a := range plan.Actions {
		got := back.Actions[i]
		if a.Blocked != nil {
			var want, have *clockify.RestrictionError
			require.ErrorAs(t, a.Blocked, &want)
			require.ErrorAs(t, got.Blocked, &have)
			assert.ErrorIs(t, got.Blocked, want.Rule, "errors.Is still names the rule")
			assert.Equal(t, a.Blocked.Error(), got.Blocked.Error())
		}
		a.Blocked, got.Blocked = nil, nil
		assert.Equal(t, jsonOf(t, a), jsonOf(t, got), "action %d", i)
		assert.Equal(t, a.Role, got.Role)
	}
	assert.Equal(t, plan.String(), back.String())

	// A decoded plan applies like the original.
	for _, r := range c.Members.ApplyRoster(context.Background(), &back, nil) {
		if r.Action.Blocked == nil {
			require.NoError(t, r.Err, "%s %s", r.Action.Kind, r.Action.Change)
		}
	}
	requireConverged(t, c, rosterChanges(), &clockify.RosterOptions{DeactivateUnlisted: true})
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

func TestRosterPlan_decodingRefusesWhatCannotBeApplied(t *testing.T) {
	for name, doc := range map[string]string{
		"unknown kind":            `{"workspaceId":"w1","actions":[{"kind":"delete-everyone","userId":"u1"}]}`,
		"no member":               `{"workspaceId":"w1","actions":[{"kind":"activate"}]}`,
		"role without role":       `{"workspaceId":"w1","actions":[{"kind":"assign-role","userId":"u1"}]}`,
		"rate below zero":         `{"workspaceId":"w1","actions":[{"kind":"set-cost-rate","userId":"u1","amount":-1}]}`,
		"profile setting nothing": `{"workspaceId":"w1","actions":[{"kind":"update-profile","userId":"u1","profile":{}}]}`,
		"not json":                `{"workspaceId":`,
	} {
		t.Run(name, func(t *testing.T) {
			var p clockify.RosterPlan
			require.Error(t, json.Unmarshal([]byte(doc), &p))
		})
	}
}

func TestRosterPlan_unknownRuleStaysBlocked(t *testing.T) {
	var p clockify.RosterPlan
	require.NoError(t, json.Unmarshal([]byte(`{"workspaceId":"w1","actions":[{"kind":"activate","userId":"u1","status":"INACTIVE",
		"blocked":{"rule":"ErrSomethingNew","message":"a rule from a newer SDK"}}]}`), &p))
	require.Len(t, p.Blocked(), 1)
	var re *clockify.RestrictionError
	require.True(t, errors.As(p.Actions[0].Blocked, &re))
	assert.Contains(t, p.String(), "ErrSomethingNew: a rule from a newer SDK")
	assert.Zero(t, p.Pending())
}

func TestRosterPlan_stringIsATableWithOneActionPerLine(t *testing.T) {
	_, c := rosterDemo(t)
	plan := planRoster(t, c, rosterChanges(), nil)
	lines := strings.Split(strings.TrimRight(plan.String(), "\n"), "\n")
	require.Len(t, lines, len(plan.Actions)+2)
	assert.Contains(t, lines[0], "to apply")
	assert.Regexp(t, `^#\s+MEMBER\s+ACTION\s+CHANGE\s+BLOCKED BY$`, lines[1])
	assert.Regexp(t, `sofia\.rossi@acme-studio\.example\s+update-profile\s+weekStart MONDAY → SUNDAY\s+ErrPendingApprovals: `, plan.String())
	assert.Regexp(t, `emma\.schultz@acme-studio\.example\s+set-hourly-rate\s+75\.00 → 80\.00`, plan.String())
}
