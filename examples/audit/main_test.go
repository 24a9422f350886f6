package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify/clockifytest"
)

func TestAuditOfflineTable(t *testing.T) {
	t.Setenv("CLOCKIFY_API_KEY", "")
	var out, progress strings.Builder
	require.NoError(t, run(context.Background(), &out, &progress, false))
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 8, "a header and the seven active demo members")
	assert.Regexp(t, `^NAME +EMAIL +ROLES +CAPACITY +WORKING DAYS +RUNNING TIMER$`, lines[0])
	table := out.String()
	assert.Regexp(t, `Maya Lindqvist +maya\.lindqvist@acme-studio\.example +OWNER `, table)
	assert.Regexp(t, `Daniel Okafor .+ WORKSPACE_ADMIN `, table)
	assert.Regexp(t, `Priya Raman .+ TEAM_MANAGER×2 +PT7H30M `, table)
	assert.Regexp(t, `Lucas Ferreira .+ PROJECT_MANAGER×1 +PT10H +MONDAY,TUESDAY,WEDNESDAY,THURSDAY +-`, table)
	assert.Regexp(t, `Emma Schultz .+ "Homepage wireframes" for 1h3[56]m0s`, table)
	assert.NotContains(t, table, "Oliver Grant", "inactive members are not audited")
	assert.Contains(t, progress.String(), "profiles [####################] 7/7")
	assert.Contains(t, progress.String(), "7 members in 11 requests")
}

func TestAuditOfflineCSV(t *testing.T) {
	t.Setenv("CLOCKIFY_API_KEY", "")
	var out, progress strings.Builder
	require.NoError(t, run(context.Background(), &out, &progress, true))
	records, err := csv.NewReader(strings.NewReader(out.String())).ReadAll()
	require.NoError(t, err)
	require.Len(t, records, 8)
	assert.Equal(t, []string{"NAME", "EMAIL", "ROLES", "CAPACITY", "WORKING DAYS", "RUNNING TIMER"}, records[0])
	assert.Contains(t, records, []string{"Noah Bennett", "noah.bennett@acme-studio.example", "-", "PT6H",
		"MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY", "-"})
}

func TestAuditRequestsGrowWithMembersNotPagesTimesMembers(t *testing.T) {
	t.Setenv("CLOCKIFY_API_KEY", "")
	const generated = 250
	defer func(f func() *clockifytest.Server) { newDemo = f }(newDemo)
	newDemo = func() *clockifytest.Server {
		return clockifytest.NewDemoServer(clockifytest.WithGeneratedMembers(generated))
	}
	var out, progress strings.Builder
	require.NoError(t, run(context.Background(), &out, &progress, true))
	members := 7 + generated
	pages := (members + 199) / 200
	// owners + admins + member pages + running timers + one profile each
	assert.Contains(t, progress.String(), fmt.Sprintf("%d members in %d requests", members, 2+pages+1+members))
}

func TestAuditUnreadableProfileExitsNonZero(t *testing.T) {
	t.Setenv("CLOCKIFY_API_KEY", "")
	defer func(f func() *clockifytest.Server) { newDemo = f }(newDemo)
	newDemo = func() *clockifytest.Server {
		srv := clockifytest.NewDemoServer()
		srv.InjectFault(clockifytest.Fault{Method: http.MethodGet, Status: http.StatusForbidden,
			PathPrefix: "/v1/workspaces/" + clockifytest.DemoWorkspaceID + "/member-profile/" + clockifytest.DemoMemberID})
		return srv
	}
	var out, progress strings.Builder
	err := run(context.Background(), &out, &progress, false)
	assert.ErrorIs(t, err, errUnreadable)
	assert.Regexp(t, `Emma Schultz .+ error: clockify: GET .+ 403 Forbidden`, out.String(), "the table is still written")
}
