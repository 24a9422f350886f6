package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

// syncBuilder is an output written by the program and the webhook handler's goroutine.
type syncBuilder struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuilder) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuilder) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func defaults(t *testing.T) config {
	t.Helper()
	cfg, err := parseFlags(nil, &strings.Builder{})
	require.NoError(t, err)
	cfg.wait = 30 * time.Second // a guard against a hang, not a measurement
	return cfg
}

func TestWebhookOnboardOffline_finishesThePendingMemberWhenTheyJoin(t *testing.T) {
	t.Setenv("CLOCKIFY_API_KEY", "")
	var srv *clockifytest.Server
	newServer := func() *clockifytest.Server { srv = clockifytest.NewDemoServer(); return srv }
	var out syncBuilder
	require.NoError(t, run(context.Background(), &out, defaults(t), newServer))
	got := out.String()
	assert.Contains(t, got, "waits: update-profile")
	assert.Contains(t, got, "Created webhook ")
	assert.Contains(t, got, "leo.dubois@example.com joined: applying the rest of their roster")
	assert.Contains(t, got, "Result: Leo Dubois <leo.dubois@example.com>, ACTIVE; capacity PT6H, working days MONDAY,TUESDAY,WEDNESDAY,THURSDAY")
	assert.Contains(t, got, "groups: Design Team")

	// The profile was changed once, after the join was delivered, and the delivery succeeded.
	var patches int
	for _, r := range srv.Requests() {
		if r.Method == http.MethodPatch && strings.Contains(r.Path, "/member-profile/"+clockifytest.DemoInvitedID) {
			patches++
		}
	}
	assert.Equal(t, 1, patches)
	deliveries := srv.WebhookDeliveries()
	require.NotEmpty(t, deliveries)
	assert.True(t, deliveries[0].Succeeded())
	assert.Equal(t, "USER_JOINED_WORKSPACE", deliveries[0].Event)
}

// joined is the delivery of USER_JOINED_WORKSPACE for userID, signed with the webhook's token.
func joined(t *testing.T, c *clockify.Client, userID string) *clockify.WebhookEvent {
	t.Helper()
	u, _, err := c.Members.Get(context.Background(), clockifytest.DemoWorkspaceID, userID)
	require.NoError(t, err)
	return &clockify.WebhookEvent{Type: clockify.WebhookUserJoinedWorkspace, Payload: mustJSON(t, u)}
}

// newOnboarder is the onboarder of cfg's member on a fresh demo server, writing to out.
func newOnboarder(t *testing.T, cfg config) (*clockifytest.Server, *onboarder, *syncBuilder) {
	t.Helper()
	srv := clockifytest.NewDemoServer()
	t.Cleanup(srv.Close)
	spec, err := cfg.spec()
	require.NoError(t, err)
	out := &syncBuilder{}
	return srv, &onboarder{c: srv.Client(), ws: clockifytest.DemoWorkspaceID, spec: spec, out: out, done: make(chan struct{})}, out
}

func mustJSON(t *testing.T, v any) json.RawMessage {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}

func TestWebhookOnboard_sameDeliveryTwiceIsAppliedOnce(t *testing.T) {
	ctx := context.Background()
	cfg := defaults(t)
	cfg.email = "leo.dubois@example.com"
	srv, o, out := newOnboarder(t, cfg)
	srv.AcceptInvitation(clockifytest.DemoWorkspaceID, clockifytest.DemoInvitedID)
	e := joined(t, o.c, clockifytest.DemoInvitedID)

	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			assert.NoError(t, o.handle(ctx, e))
		}()
	}
	wg.Wait()
	require.NoError(t, o.handle(ctx, e))
	assert.Equal(t, 1, strings.Count(out.String(), "applying the rest of their roster"))
	assert.Equal(t, 2, strings.Count(out.String(), "already onboarded"))
	p, _, err := o.c.Profiles.Get(ctx, clockifytest.DemoWorkspaceID, clockifytest.DemoInvitedID)
	require.NoError(t, err)
	assert.Equal(t, clockify.Hours(6), p.WorkCapacity)
}

func TestWebhookOnboard_otherMembersAreIgnored(t *testing.T) {
	cfg := defaults(t)
	cfg.email = "leo.dubois@example.com"
	srv, o, out := newOnboarder(t, cfg)
	e := joined(t, o.c, clockifytest.DemoMemberID)
	srv.ResetRequests()
	require.NoError(t, o.handle(context.Background(), e))
	assert.Contains(t, out.String(), "not the member being onboarded")
	assert.Empty(t, srv.Requests(), "nothing is planned or changed")
}

func TestWebhookOnboard_aRuleRefusalIsExitStatus3(t *testing.T) {
	cfg := defaults(t)
	cfg.email, cfg.weekStart = "sofia.rossi@acme-studio.example", "SUNDAY" // approvals pending: week start is refused
	_, o, out := newOnboarder(t, cfg)
	_, err := o.applyNow(context.Background())
	assert.ErrorIs(t, err, errRefused)
	assert.Equal(t, exitRefused, exitCode(err))
	assert.Contains(t, out.String(), "refused: update-profile")
	assert.Contains(t, out.String(), "ErrPendingApprovals")
}

func TestWebhookOnboard_exitCodes(t *testing.T) {
	for name, tc := range map[string]struct {
		args []string
		code int
	}{
		"help":         {[]string{"-h"}, exitDone},
		"unknown flag": {[]string{"-bogus"}, exitUsage},
		"argument":     {[]string{"extra"}, exitUsage},
		"bad wait":     {[]string{"-wait", "soon"}, exitUsage},
		"good flags":   {[]string{"-email", "a@example.com"}, exitDone},
	} {
		var stderr strings.Builder
		_, err := parseFlags(tc.args, &stderr)
		assert.Equal(t, tc.code, exitCode(err), name)
	}
	var stderr strings.Builder
	_, err := parseFlags([]string{"-h"}, &stderr)
	assert.ErrorIs(t, err, flag.ErrHelp)
	assert.Contains(t, stderr.String(), "CLOCKIFY_API_KEY")
	assert.Contains(t, stderr.String(), "CLOCKIFY_WORKSPACE_ID")
	assert.Equal(t, exitError, exitCode(errors.New("boom")))
}

func TestWebhookOnboard_badSpecsAreUsageErrors(t *testing.T) {
	for name, change := range map[string]func(*config){
		"capacity":   func(c *config) { c.capacity = "PT25H" },
		"days":       func(c *config) { c.days = "FUNDAY" },
		"week start": func(c *config) { c.weekStart = "someday" },
		"no email":   func(c *config) { c.email = "" },
	} {
		cfg := defaults(t)
		cfg.email = "a@example.com"
		change(&cfg)
		_, err := cfg.spec()
		assert.Equal(t, exitUsage, exitCode(err), name)
	}
}

func TestWebhookOnboard_realAPINeedsAPublicURL(t *testing.T) {
	srv := clockifytest.NewDemoServer()
	t.Cleanup(srv.Close)
	t.Setenv("CLOCKIFY_API_KEY", srv.OwnerKey())
	t.Setenv("CLOCKIFY_BASE_URL", srv.URL)
	t.Setenv("CLOCKIFY_WORKSPACE_ID", clockifytest.DemoWorkspaceID)
	cfg := defaults(t)
	cfg.email = "leo.dubois@example.com"
	err := run(context.Background(), &syncBuilder{}, cfg, nil)
	assert.Equal(t, exitUsage, exitCode(err))
	assert.Empty(t, srv.Requests(), "nothing is sent")
}
