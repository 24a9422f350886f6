package main

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify/examples/internal/exampletest"
)

func runOnboard(args ...string) (code int, out, stderr string) {
	return exampletest.Run(realMain, args...)
}

func TestOnboardOffline(t *testing.T) {
	t.Setenv("CLOCKIFY_API_KEY", "")
	code, got, stderr := runOnboard()
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, got, "invited: id ")
	assert.Contains(t, got, "before they accept, Profiles.Check says: ErrInvitationPending: clockify: ")
	assert.Contains(t, got, "profile set: capacity PT7H30M, working days MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY, week start MONDAY")
	assert.Contains(t, got, `now team manager of group "Design Team"`)
	assert.Contains(t, got, "Result: Nina Park <nina.park@acme-studio.example>, ACTIVE")
	for _, rule := range []string{"ErrPaidFeature", "ErrPendingApprovals", "ErrMultipleWorkspaces"} {
		assert.Contains(t, got, rule+": clockify: ")
	}
}

func TestOnboardDryRunChangesNothing(t *testing.T) {
	srv := exampletest.APIServer(t)
	code, got, stderr := runOnboard("-email", "nina.park@acme-studio.example", "-group", "Design Team")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, got, "Dry run: nothing was changed")
	for _, r := range srv.Requests() {
		assert.Equal(t, http.MethodGet, r.Method, r.Path)
	}
}

func TestOnboardPendingMemberIsRefusedAndExitsThree(t *testing.T) {
	srv := exampletest.APIServer(t)
	code, got, stderr := runOnboard("-email", "leo.dubois@example.com", "-apply")
	assert.Equal(t, 3, code, "refused by a Clockify rule")
	assert.Contains(t, got, "already a member (PENDING)")
	assert.Contains(t, got, "profile: refused: ErrInvitationPending: clockify: ")
	assert.Contains(t, stderr, "onboard: 1 step(s) were not done")
	for _, r := range srv.Requests() {
		assert.NotEqual(t, http.MethodPatch, r.Method, "the doomed profile change is not sent")
	}
}

func TestOnboardUnknownGroupIsAnError(t *testing.T) {
	exampletest.APIServer(t)
	code, _, stderr := runOnboard("-email", "nina.park@acme-studio.example", "-group", "No Such Team", "-apply")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "onboard: ")
}

func TestOnboardBadUsageExitsTwoAndSendsNothing(t *testing.T) {
	n := exampletest.NoRequests(t)
	for name, args := range map[string][]string{
		"email":         {"-email", "Nina <nina@example.com>"},
		"no email":      {},
		"capacity":      {"-capacity", "PT25H"},
		"duration":      {"-capacity", "7.5 hours"},
		"days":          {"-days", "MONDAY,FUNDAY"},
		"week start":    {"-week-start", "SOMEDAY"},
		"unknown flag":  {"-bogus"},
		"an argument":   {"nina@example.com"},
		"bad bool flag": {"-apply=perhaps"},
	} {
		if name != "email" && name != "no email" {
			args = append([]string{"-email", "nina@example.com", "-apply"}, args...)
		}
		code, _, stderr := runOnboard(args...)
		assert.Equal(t, 2, code, name)
		assert.Contains(t, stderr, "Run 'onboard -h' for help.", name)
	}
	assert.Zero(t, n.Load(), "no request for bad usage")
}

func TestOnboardHelp(t *testing.T) {
	code, help, _ := runOnboard("-h")
	assert.Equal(t, 0, code)
	for _, want := range []string{"Usage: onboard -email ADDRESS", "invites a person", "-week-start", "-group",
		"CLOCKIFY_API_KEY", "CLOCKIFY_WORKSPACE_ID", "Exit status:"} {
		assert.Contains(t, help, want)
	}
}
