package clockifytest

import "time"

// ServerOption configures a Server at start.
type ServerOption func(*serverConfig)

type serverConfig struct {
	ratePerSecond float64
	burst         int
	latency       time.Duration
	generated     int
}

// WithRateLimit makes the fake answer 429 {"message":"Too many requests","code":429}
// with a Retry-After header (whole seconds) once more than perSecond requests
// per second arrive, like Clockify's 50 requests/second limit. It is a token
// bucket over all requests; its burst is max(1, int(perSecond)) unless
// WithRateLimitBurst says otherwise. The default is no limit.
func WithRateLimit(perSecond float64) ServerOption {
	return func(c *serverConfig) { c.ratePerSecond = perSecond }
}

// WithRateLimitBurst sets the token bucket's burst for WithRateLimit.
func WithRateLimitBurst(n int) ServerOption {
	return func(c *serverConfig) { c.burst = n }
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
