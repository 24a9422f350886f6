package clockifytest

import "time"

// ServerOption configures a Server at start.
type ServerOption func(*serverConfig)

type serverConfig struct {
	ratePerSecond float64
	burst         int
	retryAfter    bool
	latency       time.Duration
	generated     int
	realWaits     bool
}

// WithRateLimit makes the fake answer 429 {"message":"Too many requests","code":429}
// once more than perSecond requests per second arrive, like Clockify's 50
// requests/second limit. Clockify documents neither the 429 body nor any
// header (https://clockify.me/help/getting-started/webhook-and-api-limitations):
// the message follows the spec's "Too many requests", the code is a guess,
// and no Retry-After is sent unless WithRateLimitRetryAfter(true) asks for
// one. It is one token bucket over all
// requests; its burst is max(1, int(perSecond)) unless WithRateLimitBurst
// says otherwise. The default is no limit.
func WithRateLimit(perSecond float64) ServerOption {
	return func(c *serverConfig) { c.ratePerSecond = perSecond }
}

// WithRateLimitBurst sets the token bucket's burst for WithRateLimit.
func WithRateLimitBurst(n int) ServerOption {
	return func(c *serverConfig) { c.burst = n }
}

// WithRateLimitRetryAfter(true) adds a Retry-After header (whole seconds
// until the limiter's next token, at least 1) to the rate limiter's 429s.
// Clockify documents no such header, so the default is false: a client must
// cope without it. Faults (Fault.RetryAfter) set the header independently.
func WithRateLimitRetryAfter(on bool) ServerOption {
	return func(c *serverConfig) { c.retryAfter = on }
}

// WithLatency delays every response by d; see also SetLatency.
func WithLatency(d time.Duration) ServerOption {
	return func(c *serverConfig) { c.latency = d }
}

// WithGeneratedMembers adds n ordinary active members with realistic,
// deterministic names and e-mail addresses to the primary workspace
// (DefaultWorkspaceID, or DemoWorkspaceID for NewDemoServer). Seeding is
// linear, so tens of thousands of members are cheap. See GenerateMembers.
func WithGeneratedMembers(n int) ServerOption {
	return func(c *serverConfig) { c.generated = n }
}

// WithRealRetryWaits makes Client, ClientE and ClientAs keep
// clockify.DefaultRetryPolicy() (waits of 500 ms to 30 s, honouring
// Retry-After) instead of FastRetryPolicy, e.g. to watch a client's real
// pacing against WithRateLimit.
func WithRealRetryWaits() ServerOption {
	return func(c *serverConfig) { c.realWaits = true }
}
