// Package exampletest runs an example in-process, as its tests need: against the demo server
// standing in for the real API, or against a server that counts the requests that should never
// have been sent.
package exampletest

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/clockify-go/clockify/clockifytest"
)

// Main is an example's whole program: it parses args, runs, and returns the exit status.
type Main func(ctx context.Context, args []string, stdout, stderr io.Writer) int

// Run runs main with args and returns its exit status and what it wrote.
func Run(main Main, args ...string) (code int, stdout, stderr string) {
	var o, e strings.Builder
	code = main(context.Background(), args, &o, &e)
	return code, o.String(), e.String()
}

// APIServer starts a demo server and points the environment at it as if it were the real API,
// with the owner's key and the demo workspace.
func APIServer(t *testing.T) *clockifytest.Server {
	t.Helper()
	srv := clockifytest.NewDemoServer()
	t.Cleanup(srv.Close)
	t.Setenv("CLOCKIFY_API_KEY", srv.OwnerKey())
	t.Setenv("CLOCKIFY_BASE_URL", srv.URL)
	t.Setenv("CLOCKIFY_WORKSPACE_ID", clockifytest.DemoWorkspaceID)
	return srv
}

// NoRequests points the environment at a server standing in for the real API that only counts
// the requests it gets, for checking that bad usage sends none.
func NoRequests(t *testing.T) *atomic.Int32 {
	t.Helper()
	var n atomic.Int32
	api := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { n.Add(1) }))
	t.Cleanup(api.Close)
	t.Setenv("CLOCKIFY_API_KEY", "k")
	t.Setenv("CLOCKIFY_BASE_URL", api.URL)
	t.Setenv("CLOCKIFY_WORKSPACE_ID", "ws1")
	return &n
}
