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
	"github.com/clockify-go/clockify/examples/internal/cli"
	"github.com/clockify-go/clockify/examples/internal/exampletest"
)

func rosterSync(args ...string) (code int, out, stderr string) {
	return exampletest.Run(realMain, args...)
}

func TestRosterSyncOffline(t *testing.T) {
	t.Setenv("CLOCKIFY_API_KEY", "")
	code, got, stderr := rosterSync("-apply")
	assert.Equal(t, 3, code, "the sample has changes Clockify's rules block, and nothing else fails")
	assert.Contains(t, stderr, "roster-sync: 10 change(s) blocked by Clockify's rules, 0 failed")
	for _, rule := range []clockify.RuleCode{clockify.RulePaidFeature, clockify.RuleMultipleWorkspaces, clockify.RuleMemberInactive,
		clockify.RuleInvitationPending, clockify.RuleOwnerProfile, clockify.RulePendingApprovals, clockify.RuleLimitedMemberOnly,
		clockify.RuleOwnerOnly, clockify.RuleOwnerImmutable} {
		assert.Contains(t, got, string(rule)+": ", "the sample exercises every rule")
	}
	assert.Contains(t, got, "With the team manager Priya Raman's key, 21 of the 21 changes are blocked by ErrAdminOnly")
	assert.Contains(t, got, "Applied 12 of 12 changes.")
	// The new hire's profile stays blocked until they accept (a pending member's profile is not read).
	assert.Contains(t, got, "Planning again: 0 to apply, 10 blocked.")
	assert.Contains(t, stderr, "[##############################] 22/22")
}

func TestRosterSyncOffline_planOnlyWithoutApply(t *testing.T) {
	t.Setenv("CLOCKIFY_API_KEY", "")
	code, got, stderr := rosterSync()
	assert.Equal(t, 3, code, "blocked changes in the plan")
	assert.Contains(t, got, "run with -apply")
	assert.NotContains(t, got, "Applied")
	assert.NotContains(t, stderr, "[")
}

func TestRosterSyncOffline_everythingAppliedExitsZero(t *testing.T) {
	t.Setenv("CLOCKIFY_API_KEY", "")
	path := filepath.Join(t.TempDir(), "team.csv")
	require.NoError(t, os.WriteFile(path, []byte("email,capacity\nemma.schultz@acme-studio.example,5\n"), 0o600))
	code, got, stderr := rosterSync("-csv", path, "-apply")
	assert.Equal(t, 0, code, stderr)
	assert.Contains(t, got, "Applied 1 of 1 changes.")
	assert.Contains(t, got, "Planning again: 0 to apply, 0 blocked.")
}

func TestRosterSync_missingFileIsBadUsage(t *testing.T) {
	t.Setenv("CLOCKIFY_API_KEY", "")
	code, got, stderr := rosterSync("-csv", filepath.Join(t.TempDir(), "nope.csv"))
	assert.Equal(t, 2, code, "as the doc says")
	assert.Contains(t, stderr, "the roster file has errors; nothing was sent: open ")
	assert.NotContains(t, got, "roster plan")
}

func TestRosterSync_badUsageSendsNothing(t *testing.T) {
	n := exampletest.NoRequests(t)
	bad := filepath.Join(t.TempDir(), "bad.csv")
	require.NoError(t, os.WriteFile(bad, []byte("email,status\nnot-an-email,gone\n"), 0o600))
	for _, args := range [][]string{
		{"-apply"}, {"-csv", filepath.Join(t.TempDir(), "nope.csv"), "-apply"}, {"-csv", bad, "-apply"},
		{"-bogus"}, {"-csv", bad, "extra"},
	} {
		code, _, stderr := rosterSync(args...)
		assert.Equal(t, 2, code, args)
		assert.Contains(t, stderr, "Run 'roster-sync -h' for help.", args)
	}
	assert.Zero(t, n.Load())
}

func TestRosterSyncHelp(t *testing.T) {
	code, help, _ := rosterSync("-h")
	assert.Equal(t, 0, code)
	for _, want := range []string{"Usage: roster-sync -csv FILE", "makes a workspace match a roster", "-deactivate-unlisted",
		"CLOCKIFY_API_KEY", "CLOCKIFY_WORKSPACE_ID", "Exit status:"} {
		assert.Contains(t, help, want)
	}
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
		"bad email":         {header + "ana.example.com\n", `line 2: email: "ana.example.com" is not a bare e-mail address`},
		"named email":       {header + "Ana <ana@example.com>\n", "line 2: email: "},
		"long email":        {header + strings.Repeat("a", 250) + "@example.com\n", "line 2: email: has 262 characters; an e-mail address has at most 254"},
		"control in name":   {header + ",Kiosk\x1b[2JKim\n", "line 2: name: "},
		"long name":         {header + "," + strings.Repeat("n", 101) + "\n", "line 2: name: has 101 characters"},
		"email twice":       {header + "a@example.com\nA@Example.com\n", "line 3: email: the member of line 2 again"},
		"name twice":        {header + ",Kim\n,Kim\n", "line 3: name: the member of line 2 again"},
		"group twice":       {header + "a@example.com,,,,,,,Design;Design\n", `line 2: groups: "Design" is listed twice`},
		"role twice":        {header + "a@example.com,,,,,,admin;admin\n", "line 2: role: "},
		"iso capacity":      {header + "a@example.com,,,PT25H\n", `line 2: capacity: "PT25H" is not a whole number of seconds from PT0S to PT24H`},
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

// Invalid e-mails are found with the file's other errors, not after they are fixed.
func TestReadRoster_everyProblemAtOnce(t *testing.T) {
	const csv = "email,name,status,capacity\n" +
		"a@example.com,,gone,\n" + // line 2: status
		"not-an-email,,,\n" + // line 3: email
		"b@example.com,,,99\n" + // line 4: capacity
		",Kim\x07,,\n" + // line 5: name
		"a@example.com,,,\n" // line 6: again
	_, err := readRoster(strings.NewReader(csv), "ws1")
	require.Error(t, err)
	for _, want := range []string{"line 2: status:", "line 3: email:", "line 4: capacity:", "line 5: name:", "line 6: email: the member of line 2 again"} {
		assert.Contains(t, err.Error(), want)
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
	require.NoError(t, os.WriteFile(path, []byte("email,status\na@example.com,gone\nnot-an-email,\n"), 0o600))
	var out, bar strings.Builder
	err := run(context.Background(), &out, &bar, options{csvPath: path, apply: true})
	require.ErrorIs(t, err, errBadRoster)
	assert.Equal(t, cli.ExitUsage, cli.Code(err))
	assert.Contains(t, err.Error(), "line 2: status:")
	assert.Contains(t, err.Error(), "line 3: email:", "with the other errors")
	assert.NotContains(t, out.String(), "roster plan")

	// A group the workspace lacks is found while planning, and named by its line too.
	require.NoError(t, os.WriteFile(path, []byte("email,groups\nemma.schultz@acme-studio.example,Nope\n"), 0o600))
	err = run(context.Background(), &out, &bar, options{csvPath: path, apply: true})
	require.ErrorIs(t, err, errBadRoster)
	assert.Equal(t, cli.ExitUsage, cli.Code(err))
	assert.Contains(t, err.Error(), "line 2.Groups[0]")
}
