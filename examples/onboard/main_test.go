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

var defaults = flags{capacity: "PT7H30M", days: "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY", weekStart: "MONDAY", sendEmail: true}

func TestOnboardOffline(t *testing.T) {
	t.Setenv("CLOCKIFY_API_KEY", "")
	var out strings.Builder
	require.NoError(t, run(context.Background(), &out, defaults))
	got := out.String()
	assert.Contains(t, got, "invited: id ")
	assert.Contains(t, got, "before they accept, Profiles.Check says: ErrInvitationPending: clockify: ")
	assert.Contains(t, got, "profile set: capacity PT7H30M, working days MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY, week start MONDAY")
	assert.Contains(t, got, `now team manager of group "Design Team"`)
	assert.Contains(t, got, "Result: Nina Park <nina.park@acme-studio.example>, ACTIVE")
	for _, rule := range []string{"ErrPaidFeature", "ErrPendingApprovals", "ErrMultipleWorkspaces"} {
		assert.Contains(t, got, rule+": clockify: ")
	}
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

func TestOnboardDryRunChangesNothing(t *testing.T) {
	srv := apiServer(t)
	f := defaults
	f.email, f.group = "nina.park@acme-studio.example", "Design Team"
	var out strings.Builder
	require.NoError(t, run(context.Background(), &out, f))
	assert.Contains(t, out.String(), "Dry run: nothing was changed")
	for _, r := range srv.Requests() {
		assert.Equal(t, http.MethodGet, r.Method, r.Path)
	}
}

func TestOnboardPendingMemberIsRefusedAndExitsNonZero(t *testing.T) {
	srv := apiServer(t)
	f := defaults
	f.email, f.apply = "leo.dubois@example.com", true
	var out strings.Builder
	err := run(context.Background(), &out, f)
	assert.ErrorIs(t, err, errRefused)
	assert.Contains(t, out.String(), "already a member (PENDING)")
	assert.Contains(t, out.String(), "profile: refused: ErrInvitationPending: clockify: ")
	for _, r := range srv.Requests() {
		assert.NotEqual(t, http.MethodPatch, r.Method, "the doomed profile change is not sent")
	}
}

func TestOnboardBadFlagsSendNothing(t *testing.T) {
	var n atomic.Int32
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { n.Add(1) }))
	t.Cleanup(api.Close)
	t.Setenv("CLOCKIFY_API_KEY", "k")
	t.Setenv("CLOCKIFY_BASE_URL", api.URL)
	t.Setenv("CLOCKIFY_WORKSPACE_ID", "ws1")
	for name, change := range map[string]func(*flags){
		"email":      func(f *flags) { f.email = "Nina <nina@example.com>" },
		"no email":   func(f *flags) { f.email = "" },
		"capacity":   func(f *flags) { f.capacity = "PT25H" },
		"duration":   func(f *flags) { f.capacity = "7.5 hours" },
		"days":       func(f *flags) { f.days = "MONDAY,FUNDAY" },
		"week start": func(f *flags) { f.weekStart = "SOMEDAY" },
	} {
		f := defaults
		f.email, f.apply = "nina@example.com", true
		change(&f)
		assert.Error(t, run(context.Background(), &strings.Builder{}, f), name)
	}
	assert.Zero(t, n.Load(), "no request for invalid flags")
}
