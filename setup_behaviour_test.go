package clockify_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

// The behaviour tests run the SDK against clockifytest's demo team; this is their harness.

// demoWS is the demo team's workspace.
const demoWS = clockifytest.DemoWorkspaceID

// bctx is the context the behaviour tests call with.
var bctx = context.Background()

// fastOpts make the fake's clients fast: no pacing, short retry waits.
var fastOpts = []clockify.Option{clockify.WithoutRateLimit(),
	clockify.WithRetry(clockify.RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: 5 * time.Millisecond})}

// demoServer starts the demo team, closed when the test ends.
func demoServer(t testing.TB, opts ...clockifytest.ServerOption) *clockifytest.Server {
	t.Helper()
	srv := clockifytest.NewDemoServer(opts...)
	t.Cleanup(srv.Close)
	return srv
}

// demo starts the demo team and a client acting as its owner, unpaced, with fast retries.
func demo(t *testing.T) (*clockifytest.Server, *clockify.Client) {
	t.Helper()
	srv := demoServer(t)
	return srv, srv.Client(fastOpts...)
}

// keysClient is a client of srv that authenticates with the credential opt.
func keysClient(t testing.TB, srv *clockifytest.Server, opt clockify.Option) *clockify.Client {
	t.Helper()
	c, err := clockify.NewClient(clockify.WithBaseURL(srv.URL), opt, clockify.WithoutRateLimit())
	require.NoError(t, err)
	return c
}

// sentTo returns the requests srv received with this method and path.
func sentTo(srv *clockifytest.Server, method, path string) []clockifytest.RecordedRequest {
	var out []clockifytest.RecordedRequest
	for _, r := range srv.Requests() {
		if r.Method == method && r.Path == path {
			out = append(out, r)
		}
	}
	return out
}

// assertRestriction asserts that err is a *clockify.RestrictionError naming rule for userID.
var assertRestriction = clockify.AssertRestriction

// assertNoRestriction asserts that err names none of Clockify's rules.
var assertNoRestriction = clockify.AssertNoRestriction
