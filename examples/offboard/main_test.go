package main

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify/clockifytest"
	"github.com/clockify-go/clockify/examples/internal/exampletest"
)

func runOffboard(args ...string) (code int, out, stderr string) {
	return exampletest.Run(realMain, args...)
}

func TestOffboardOffline(t *testing.T) {
	t.Setenv("CLOCKIFY_API_KEY", "")
	code, got, stderr := runOffboard()
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, got, "Offboarding Priya Raman <priya.raman@acme-studio.example>")
	assert.Contains(t, got, `stop the running timer: "Design review"`)
	assert.Contains(t, got, "    stopped after ")
	assert.Contains(t, got, "remove role: TEAM_MANAGER of group")
	assert.Contains(t, got, "done: roles now []")
	for _, rule := range []string{"ErrNoRunningTimer", "ErrOwnerImmutable", "ErrInvitationPending", "ErrOwnerOnly", "ErrMustDeactivateFirst", "ErrRemovedInCAKE", "ErrAdminOnly"} {
		assert.Contains(t, got, rule+": clockify: ")
	}
	assert.Contains(t, got, "run it with an Admin's or the Owner's API key", "the refusal says what to do")
}

func TestOffboardOffline_honoursTheEmail(t *testing.T) {
	t.Setenv("CLOCKIFY_API_KEY", "")
	code, got, stderr := runOffboard("emma.schultz@acme-studio.example")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, got, "Offboarding Emma Schultz <emma.schultz@acme-studio.example>")
	assert.Contains(t, got, `stop the running timer: "Homepage wireframes"`)
	assert.NotContains(t, got, "Priya", "nobody else is offboarded")
	assert.NotContains(t, got, "What Clockify refuses", "the tour is for the run without an e-mail")
}

func TestOffboardOffline_unknownEmailFailsAndChangesNobody(t *testing.T) {
	t.Setenv("CLOCKIFY_API_KEY", "")
	code, got, stderr := runOffboard("nobody@example.com")
	assert.Equal(t, 1, code)
	assert.NotContains(t, got, "Offboarding")
	assert.Contains(t, stderr, "offboard: no member of workspace "+clockifytest.DemoWorkspaceID+" has the e-mail nobody@example.com; nothing was changed")
}

func TestOffboardFindsByEmailAndDryRunChangesNothing(t *testing.T) {
	srv := exampletest.APIServer(t)
	code, got, stderr := runOffboard("priya.raman@acme-studio.example")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, got, "Dry run: nothing was changed")
	assert.Contains(t, got, "remove role: TEAM_MANAGER of group")
	var lists int
	for _, r := range srv.Requests() {
		assert.Equal(t, http.MethodGet, r.Method, r.Path)
		if r.Path == "/v1/workspaces/"+clockifytest.DemoWorkspaceID+"/users" {
			lists++
		}
	}
	assert.Equal(t, 1, lists, "one search by e-mail, no scan of the team")
}

func TestOffboardRefusedStepExitsThree(t *testing.T) {
	exampletest.APIServer(t)
	code, got, stderr := runOffboard("-apply", "maya.lindqvist@acme-studio.example")
	assert.Equal(t, 3, code, "refused by a Clockify rule")
	assert.Contains(t, got, "refused: ErrOwnerImmutable: clockify: ")
	assert.Contains(t, stderr, "offboard: 1 step(s) were not done")
}

func TestOffboardUnknownEmailAgainstTheAPIFails(t *testing.T) {
	srv := exampletest.APIServer(t)
	code, _, stderr := runOffboard("-apply", "nobody@example.com")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "has the e-mail nobody@example.com; nothing was changed")
	for _, r := range srv.Requests() {
		assert.Equal(t, http.MethodGet, r.Method, r.Path)
	}
}

func TestOffboardBadUsageExitsTwoAndSendsNothing(t *testing.T) {
	n := exampletest.NoRequests(t)
	for _, args := range [][]string{
		{"-apply"}, {"-apply", "priya"}, {"-apply", "Priya <priya@example.com>"},
		{"-apply", strings.Repeat("a", 250) + "@example.com"},
		{"-apply", "a@example.com", "b@example.com"}, {"a@example.com", "-apply"}, {"-bogus", "a@example.com"},
	} {
		code, _, stderr := runOffboard(args...)
		assert.Equal(t, 2, code, args)
		assert.Contains(t, stderr, "Run 'offboard -h' for help.", args)
	}
	assert.Zero(t, n.Load())

	t.Setenv("CLOCKIFY_API_KEY", "")
	code, _, _ := runOffboard("priya")
	assert.Equal(t, 2, code, "offline too")
}

func TestOffboardHelp(t *testing.T) {
	code, help, _ := runOffboard("-h")
	assert.Equal(t, 0, code)
	for _, want := range []string{"Usage: offboard [-apply] [EMAIL]", "stops their running timer", "-apply",
		"CLOCKIFY_API_KEY", "CLOCKIFY_WORKSPACE_ID", "Exit status:"} {
		assert.Contains(t, help, want)
	}
}
