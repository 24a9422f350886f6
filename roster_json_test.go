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
	"github.com/clockify-go/clockify/clockifytest"
)

func TestRosterPlan_jsonRoundTripKeepsEveryActionAndRule(t *testing.T) {
	_, c := rosterDemo(t)
	plan := planRoster(t, c, rosterChanges(), &clockify.RosterOptions{DeactivateUnlisted: true})
	require.NotEmpty(t, plan.Blocked())

	b, err := json.Marshal(plan)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"rule":"pending_approvals"`)
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
	u := `"userId":"` + clockifytest.DemoMemberID + `","status":"ACTIVE"`
	for name, doc := range map[string]string{
		"unknown kind":            planJSON(`{"kind":"delete-everyone",` + u + `}`),
		"no member":               planJSON(`{"kind":"activate"}`),
		"role without role":       planJSON(`{"kind":"assign-role",` + u + `}`),
		"rate below zero":         planJSON(`{"kind":"set-cost-rate",` + u + `,"amount":-1}`),
		"profile setting nothing": planJSON(`{"kind":"update-profile",` + u + `,"profile":{}}`),
		"not a plan":              `["formatVersion",1]`,
	} {
		t.Run(name, func(t *testing.T) {
			var p clockify.RosterPlan
			require.ErrorIs(t, json.Unmarshal([]byte(doc), &p), clockify.ErrInvalidInput)
		})
	}
}

func TestRosterPlan_unknownRuleStaysBlocked(t *testing.T) {
	var p clockify.RosterPlan
	require.NoError(t, json.Unmarshal([]byte(planJSON(`{"kind":"activate","userId":"`+clockifytest.DemoInactiveID+`","status":"INACTIVE",
		"blocked":{"rule":"something_new","message":"a rule from a newer SDK"}}`)), &p))
	require.Len(t, p.Blocked(), 1)
	var re *clockify.RestrictionError
	require.True(t, errors.As(p.Actions[0].Blocked, &re))
	assert.Contains(t, p.String(), "something_new: a rule from a newer SDK")
	assert.Empty(t, clockify.RuleOf(p.Actions[0].Blocked), "no code this SDK knows")
	assert.Zero(t, p.Pending())
}

func TestRosterPlan_stringIsATableWithOneActionPerLine(t *testing.T) {
	_, c := rosterDemo(t)
	plan := planRoster(t, c, rosterChanges(), nil)
	lines := strings.Split(strings.TrimRight(plan.String(), "\n"), "\n")
	require.Len(t, lines, len(plan.Actions)+2)
	assert.Contains(t, lines[0], "to apply")
	assert.Regexp(t, `^#\s+MEMBER\s+ACTION\s+CHANGE\s+BLOCKED BY$`, lines[1])
	assert.Regexp(t, `sofia\.rossi@acme-studio\.example\s+update-profile\s+weekStart MONDAY → SUNDAY\s+pending_approvals: `, plan.String())
	assert.Regexp(t, `emma\.schultz@acme-studio\.example\s+set-hourly-rate\s+75\.00 → 80\.00`, plan.String())
}
