package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify/clockifytest"
)

func TestOffboardOffline(t *testing.T) {
	t.Setenv("CLOCKIFY_API_KEY", "")
	var out strings.Builder
	require.NoError(t, run(context.Background(), &out, false, ""))
	got := out.String()
	assert.Contains(t, got, `stop the running timer: "Design review"`)
	assert.Contains(t, got, "    stopped after ")
	assert.Contains(t, got, "remove role: TEAM_MANAGER of group")
	assert.Contains(t, got, "done: roles now []")
	for _, rule := range []string{"ErrNoRunningTimer", "ErrOwnerImmutable", "ErrInvitationPending", "ErrOwnerOnly", "ErrMustDeactivateFirst", "ErrRemovedInCAKE", "ErrAdminOnly"} {
		assert.Contains(t, got, rule+": clockify: ")
	}
	assert.Contains(t, got, "run it with an Admin's or the Owner's API key", "the refusal says what to do")
}

// apiServer is a demo server standing in for the real API, reached through the environment.
func apiServer(t *testing.T) *clockifytest.Server {
	srv := clockifytest.NewDemoServer()
	t.Cleanup(srv.Close)
	t.Setenv("CLOCKIFY_API_KEY", srv.OwnerKey())
	t.Setenv("CLOCKIFY_BASE_URL", srv.URL)
	t.Setenv("CLOCKIFY_WORKSPACE_ID", clockifytest.DemoWorkspaceID)
	return srv
}

func TestOffboardFindsByEmailAndDryRunChangesNothing(t *testing.T) {
	srv := apiServer(t)
	var out strings.Builder
	require.NoError(t, run(context.Background(), &out, false, "priya.raman@acme-studio.example"))
	assert.Contains(t, out.String(), "Dry run: nothing was changed")
	assert.Contains(t, out.String(), "remove role: TEAM_MANAGER of group")
	var lists int
	for _, r := range srv.Requests() {
		assert.Equal(t, http.MethodGet, r.Method, r.Path)
		if r.Path == "/v1/workspaces/"+clockifytest.DemoWorkspaceID+"/users" {
			lists++
		}
	}
	assert.Equal(t, 1, lists, "one search by e-mail, no scan of the team")
}

func TestOffboardRefusedStepExitsNonZero(t *testing.T) {
	apiServer(t)
	var out strings.Builder
	err := run(context.Background(), &out, true, "maya.lindqvist@acme-studio.example")
	assert.ErrorIs(t, err, errRefused)
	assert.Contains(t, out.String(), "refused: ErrOwnerImmutable: clockify: ")
}

func TestOffboardBadEmailSendsNothing(t *testing.T) {
	var n atomic.Int32
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { n.Add(1) }))
	t.Cleanup(api.Close)
	t.Setenv("CLOCKIFY_API_KEY", "k")
	t.Setenv("CLOCKIFY_BASE_URL", api.URL)
	t.Setenv("CLOCKIFY_WORKSPACE_ID", "ws1")
	for _, email := range []string{"", "priya", "Priya <priya@example.com>"} {
		assert.Error(t, run(context.Background(), &strings.Builder{}, true, email), email)
	}
	assert.Zero(t, n.Load())
}
