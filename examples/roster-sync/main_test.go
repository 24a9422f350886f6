package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify"
)

func TestRosterSyncOffline(t *testing.T) {
	t.Setenv("CLOCKIFY_API_KEY", "")
	var out, bar strings.Builder
	err := run(context.Background(), &out, &bar, options{apply: true})
	require.Error(t, err, "the sample has blocked changes, so the run fails")
	assert.Contains(t, err.Error(), "10 change(s) blocked by Clockify's rules, 0 failed")
	got := out.String()
	for _, rule := range []error{clockify.ErrPaidFeature, clockify.ErrMultipleWorkspaces, clockify.ErrMemberInactive, clockify.ErrInvitationPending,
		clockify.ErrOwnerProfile, clockify.ErrPendingApprovals, clockify.ErrLimitedMemberOnly, clockify.ErrOwnerOnly, clockify.ErrOwnerImmutable} {
		assert.Contains(t, got, string(clockify.RuleOf(&clockify.RestrictionError{Rule: rule}))+": ", "the sample exercises every rule")
	}
	assert.Contains(t, got, "With the team manager Priya Raman's key, 21 of the 21 changes are blocked by ErrAdminOnly")
	assert.Contains(t, got, "Applied 12 of 12 changes.")
	// The new hire's profile stays blocked until they accept (a pending member's profile is not read).
	assert.Contains(t, got, "Planning again: 0 to apply, 10 blocked.")
	assert.Contains(t, bar.String(), "[##############################] 22/22")
}

func TestRosterSyncOffline_planOnlyWithoutApply(t *testing.T) {
	t.Setenv("CLOCKIFY_API_KEY", "")
	var out, bar strings.Builder
	err := run(context.Background(), &out, &bar, options{})
	require.Error(t, err)
	assert.Contains(t, out.String(), "run with -apply")
	assert.NotContains(t, out.String(), "Applied")
	assert.Empty(t, bar.String())
}

func TestReadRoster_badRowsAreReportedWithTheirLineAndNothingIsReturned(t *testing.T) {
	const header = "email,name,status,capacity,working days,week start,role,groups,hourly rate,cost rate\n"
	cases := map[string]struct{ csv, want string }{
		"no key":            {header + "a@example.com\n,,active\n", "line 3: give an email"},
		"both keys":         {header + "a@example.com,Ann\n", "line 2: name: only for limited members"},
		"bad status":        {header + "a@example.com,,gone\n", `line 2: status: "gone" is not active or inactive`},
		"bad capacity":      {header + "a@example.com,,,25\n", "line 2: capacity:"},
		"bad days":          {header + "a@example.com,,,,MON-FUN\n", "line 2: working days:"},
		"bad week start":    {header + "a@example.com,,,,,SOMEDAY\n", "line 2: week start:"},
		"bad role":          {header + "a@example.com,,,,,,boss\n", "line 2: role:"},
		"role without id":   {header + "a@example.com,,,,,,project-manager:\n", "line 2: role:"},
		"bad rate":          {header + "a@example.com,,,,,,,,7.505\n", "line 2: hourly rate:"},
		"negative rate":     {header + "a@example.com,,,,,,,,,-1\n", "line 2: cost rate:"},
		"unknown column":    {"email,nickname\n", "line 1: nickname: unknown column"},
		"no key column":     {"status\n", "line 1: the header needs an email or a name column"},
		"column twice":      {"email,email\n", "line 1: email: column given twice"},
		"several bad lines": {header + "a@example.com,,gone\nb@example.com\nc@example.com,,,abc\n", "line 4: capacity:"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			rows, err := readRoster(strings.NewReader(tc.csv), "ws1")
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.Nil(t, rows, "nothing to apply")
		})
	}
}

func TestReadRoster_readsEveryColumn(t *testing.T) {
	rows, err := readRoster(strings.NewReader("Email,Status,Capacity,Working Days,Week Start,Role,Groups,Hourly Rate,Cost Rate\n"+
		"a@example.com,Active,7.5,FRI-MON,sun,admin;team-manager-group:g1,Design Team;g2,75.5,40\n"+
		"\n"+
		"b@example.com,,PT6H,MON;WED,,none,none,,\n"), "ws1")
	require.NoError(t, err)
	require.Len(t, rows, 2)
	a := rows[0].spec
	assert.Equal(t, 2, rows[0].line)
	assert.Equal(t, clockify.MemberSpec{Email: "a@example.com", Status: clockify.MembershipActive,
		Profile: &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(7.5)),
			WorkingDays: clockify.Ptr(clockify.NewWeekdaySet(clockify.Friday, clockify.Saturday, clockify.Sunday, clockify.Monday)),
			WeekStart:   clockify.Ptr(clockify.Sunday)},
		Roles:      []clockify.RoleAssignment{clockify.WorkspaceAdmin("ws1"), clockify.TeamManagerOfGroup("g1")},
		Groups:     []string{"Design Team", "g2"},
		HourlyRate: clockify.Ptr[int64](7550), CostRate: clockify.Ptr[int64](4000)}, a)
	b := rows[1].spec
	assert.Equal(t, 4, rows[1].line)
	assert.Equal(t, []clockify.RoleAssignment{}, b.Roles, "none means no roles")
	assert.Equal(t, []string{}, b.Groups)
	assert.Equal(t, clockify.NewWeekdaySet(clockify.Monday, clockify.Wednesday), *b.Profile.WorkingDays)
}

func TestRosterSync_badFileSendsNothing(t *testing.T) {
	t.Setenv("CLOCKIFY_API_KEY", "")
	path := filepath.Join(t.TempDir(), "team.csv")
	require.NoError(t, os.WriteFile(path, []byte("email,status\na@example.com,gone\n"), 0o600))
	var out, bar strings.Builder
	err := run(context.Background(), &out, &bar, options{csvPath: path, apply: true})
	require.ErrorIs(t, err, errBadRoster)
	assert.Contains(t, err.Error(), "line 2: status:")
	assert.NotContains(t, out.String(), "roster plan")

	// A group the workspace lacks is found while planning, and named by its line too.
	require.NoError(t, os.WriteFile(path, []byte("email,groups\nemma.schultz@acme-studio.example,Nope\n"), 0o600))
	err = run(context.Background(), &out, &bar, options{csvPath: path, apply: true})
	require.ErrorIs(t, err, errBadRoster)
	assert.Contains(t, err.Error(), "line 2.Groups[0]")
}
