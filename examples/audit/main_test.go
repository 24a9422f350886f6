package main

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify/clockifytest"
	"github.com/clockify-go/clockify/examples/internal/exampletest"
)

// runAudit runs the program in-process on a demo server (newServer, or the demo team when nil).
func runAudit(t *testing.T, newServer func() *clockifytest.Server, args ...string) (code int, out, stderr string) {
	t.Helper()
	t.Setenv("CLOCKIFY_API_KEY", "")
	if newServer != nil {
		defer func(f func() *clockifytest.Server) { newDemo = f }(newDemo)
		newDemo = newServer
	}
	return exampletest.Run(realMain, args...)
}

func TestAuditOfflineTable(t *testing.T) {
	code, table, progress := runAudit(t, nil)
	require.Equal(t, 0, code, progress)
	lines := strings.Split(strings.TrimSpace(table), "\n")
	require.Len(t, lines, 9, "a header and the eight active demo members, the limited one included")
	assert.Regexp(t, `^NAME +EMAIL +ROLES +CAPACITY +WORKING DAYS +RUNNING TIMER$`, lines[0])
	assert.Regexp(t, `Maya Lindqvist +maya\.lindqvist@acme-studio\.example +OWNER `, table)
	assert.Regexp(t, `Daniel Okafor .+ WORKSPACE_ADMIN `, table)
	assert.Regexp(t, `Priya Raman .+ TEAM_MANAGER×2 +PT7H30M `, table)
	assert.Regexp(t, `Lucas Ferreira .+ PROJECT_MANAGER×1 +PT10H +MONDAY,TUESDAY,WEDNESDAY,THURSDAY +-`, table)
	assert.Regexp(t, `Emma Schultz .+ "Homepage wireframes" for 1h3[56]m0s`, table)
	assert.Regexp(t, `Tomás Vega +- +- +PT6H +TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY +-`, table,
		"the limited member is part of the active team")
	assert.NotContains(t, table, "Oliver Grant", "inactive members are not audited")
	assert.NotContains(t, table, "leo.dubois", "nor pending invitations")
	assert.Contains(t, progress, "profiles [####################] 8/8")
	assert.Contains(t, progress, "8 members in 12 requests")
}

func TestAuditOfflineCSV(t *testing.T) {
	code, out, progress := runAudit(t, nil, "-csv")
	require.Equal(t, 0, code, progress)
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	require.Len(t, records, 9)
	assert.Equal(t, []string{"NAME", "EMAIL", "ROLES", "CAPACITY", "WORKING DAYS", "RUNNING TIMER"}, records[0])
	assert.Contains(t, records, []string{"Noah Bennett", "noah.bennett@acme-studio.example", "", "PT6H",
		"MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY", ""}, "an empty cell is none")
	assert.Contains(t, records, []string{"Tomás Vega", "", "", "PT6H", "TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY", ""})
}

// hostile is the demo team with members whose names a spreadsheet or a terminal would act on.
func hostile() *clockifytest.Server {
	srv := clockifytest.NewDemoServer()
	for i, name := range []string{`=HYPERLINK("http://x","y")`, `+cmd|' /C calc'!A0`, `-2+3`, `@SUM(1+1)`,
		"\tTab", "\rReturn", "Esc\x1b[2J\x1b]0;pwned\x07ape", "Bidi \u202eevil\u202c \u2066x\u2069", "C1 \u009b31mred", "Del\x7f"} {
		srv.AddMember(clockifytest.DemoWorkspaceID, clockifytest.MemberSeed{Name: name,
			Email: fmt.Sprintf("u%d@example.com", i)})
	}
	return srv
}

func TestAuditCSVNeutralisesFormulas(t *testing.T) {
	code, out, progress := runAudit(t, hostile, "-csv")
	require.Equal(t, 0, code, progress)
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	names := map[string]bool{}
	for _, r := range records[1:] {
		names[r[0]] = true
	}
	for _, want := range []string{`'=HYPERLINK("http://x","y")`, `'+cmd|' /C calc'!A0`, `'-2+3`, `'@SUM(1+1)`,
		"'\tTab", "'\rReturn", "Esc\x1b[2J\x1b]0;pwned\x07ape"} {
		assert.True(t, names[want], "%q in %q", want, names)
	}
	for name := range names {
		if name != "" {
			assert.NotContains(t, "=+-@\t\r", name[:1], "%q starts a formula", name)
		}
	}
}

func TestAuditTableStripsControlCharacters(t *testing.T) {
	code, table, progress := runAudit(t, hostile)
	require.Equal(t, 0, code, progress)
	for _, want := range []string{"Tab ", "Return ", "Esc[2J]0;pwnedape ", "Bidi evil x ", "C1 31mred ", "Del "} {
		assert.Contains(t, table, "\n"+want)
	}
	for _, r := range table {
		ok := r == '\n' || (r >= 0x20 && r != 0x7f && !(r >= 0x80 && r <= 0x9f) &&
			!(r >= 0x202a && r <= 0x202e) && !(r >= 0x2066 && r <= 0x2069))
		assert.True(t, ok, "%U in the table", r)
	}
}

func TestAuditRequestsGrowWithMembersNotPagesTimesMembers(t *testing.T) {
	const generated = 250
	code, _, progress := runAudit(t, func() *clockifytest.Server {
		return clockifytest.NewDemoServer(clockifytest.WithGeneratedMembers(generated))
	}, "-csv")
	require.Equal(t, 0, code, progress)
	members := 8 + generated
	pages := (members + 199) / 200
	// member pages + running timers + owners + admins + one profile each
	assert.Contains(t, progress, fmt.Sprintf("%d members in %d requests", members, pages+1+2+members))
}

func TestAuditUnreadableProfileExitsNonZero(t *testing.T) {
	code, table, stderr := runAudit(t, func() *clockifytest.Server {
		srv := clockifytest.NewDemoServer()
		srv.InjectFault(clockifytest.Fault{Method: http.MethodGet, Status: http.StatusForbidden,
			PathPrefix: "/v1/workspaces/" + clockifytest.DemoWorkspaceID + "/member-profile/" + clockifytest.DemoMemberID})
		return srv
	})
	assert.Equal(t, 1, code, "an error, not a rule")
	assert.Regexp(t, `Emma Schultz .+ error: clockify: GET .+ 403 Forbidden`, table, "the table is still written")
	assert.Contains(t, stderr, "audit: 1 of 8 profiles could not be read")
}

func TestAuditUsage(t *testing.T) {
	for _, args := range [][]string{{"-bogus"}, {"team.csv"}, {"-csv=maybe"}} {
		code, out, stderr := runAudit(t, nil, args...)
		assert.Equal(t, 2, code, args)
		assert.Empty(t, out, args)
		assert.Contains(t, stderr, "Run 'audit -h' for help.", args)
	}
	code, help, _ := runAudit(t, nil, "-h")
	assert.Equal(t, 0, code)
	for _, want := range []string{"Usage: audit [-csv]", "limited (kiosk) members included", "-csv",
		"CLOCKIFY_API_KEY", "CLOCKIFY_WORKSPACE_ID", "Exit status:"} {
		assert.Contains(t, help, want)
	}
}
