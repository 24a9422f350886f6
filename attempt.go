package clockify

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptrace"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// attempt is what the steps of one call share across its attempts. The request's context
// carries it as a value.
type attempt struct {
	caller    context.Context // the caller's context
	retrySafe bool
	method    string
	opPath    string                     // op.path, for logs and errors (see urlPath)
	cred      *credential                // op.cred: sent instead of the client's credential
	maxWait   time.Duration              // the retry policy's MaxWait
	deadline  time.Time                  // when the current attempt times out (zero: never)
	actx      context.Context            // the current attempt's context under that deadline (nil: none)
	timeout   time.Duration              // the client's timeout per attempt
	wrote     atomic.Bool                // the request reached the wire in this attempt
	tries     atomic.Int32               // attempts started so far
	body      bodyReader                 // the final answer's body, held here to save an allocation
	sent      atomic.Pointer[credential] // the credential the last attempt carried
}

type attemptKey struct{}

// urlPath is the request's path below the base URL, without the query, as logs and errors
// show it.
func (a *attempt) urlPath() string { return "/" + a.opPath }

// newAttempt makes the attempt state of o, as a context derived from ctx. Only calls that are
// not retry-safe need to know whether a failed attempt reached the wire, so only they get the
// httptrace hook that records it.
func newAttempt(ctx context.Context, c *Client, o op) (*attempt, context.Context) {
	a := &attempt{caller: ctx, retrySafe: o.retrySafe, method: o.method, opPath: o.path, cred: o.cred, maxWait: c.hc.RetryWaitMax, timeout: c.timeout}
	ctx = context.WithValue(ctx, attemptKey{}, a)
	if o.retrySafe {
		return a, ctx
	}
	return a, httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{WroteHeaders: func() { a.wrote.Store(true) }})
}

// attemptOf returns the call's attempt state, or nil for a request that call did not make.
func attemptOf(ctx context.Context) *attempt {
	a, _ := ctx.Value(attemptKey{}).(*attempt)
	return a
}

// beforeAttempt runs before every attempt (go-retryablehttp's RequestLogHook), after the
// limiter's wait, so the attempt's timeout does not count that wait.
func (c *Client) beforeAttempt(_ retryablehttp.Logger, req *http.Request, n int) {
	a := attemptOf(req.Context())
	if a == nil {
		return
	}
	a.wrote.Store(false)
	a.tries.Store(int32(n + 1))
	if c.timeout > 0 {
		a.deadline = time.Now().Add(c.timeout)
	}
	if n > 0 {
		c.logger.LogAttrs(req.Context(), slog.LevelWarn, "clockify: retrying request",
			slog.String("method", req.Method), slog.String("path", a.urlPath()), slog.Int("attempt", n+1))
	}
}
