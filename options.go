package clockify

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"strings"

	"golang.org/x/time/rate"
)

// DefaultBaseURL is the global API root; paths such as /v1/user follow it.
const DefaultBaseURL = "https://api.clockify.me/api"

// Region is a Clockify data region. Workspaces in a region are served by its own host, and an
// API key made there works only there.
type Region string

// Clockify's regions. RegionGlobal is api.clockify.me.
const (
	RegionGlobal Region = "global"
	RegionEU     Region = "euc1"  // Germany
	RegionUS     Region = "use2"  // USA
	RegionUK     Region = "euw2"  // United Kingdom
	RegionAU     Region = "apse2" // Australia
)

// ParseRegion accepts a region's prefix ("euc1") or a short name ("eu", "us", "uk", "au",
// "global"), in any case.
func ParseRegion(s string) (Region, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "global":
		return RegionGlobal, nil
	case "euc1", "eu":
		return RegionEU, nil
	case "use2", "us", "usa":
		return RegionUS, nil
	case "euw2", "uk", "gb":
		return RegionUK, nil
	case "apse2", "au":
		return RegionAU, nil
	}
	return "", &ValidationError{Field: "region", Reason: fmt.Sprintf("unknown region %q (want global, euc1, use2, euw2 or apse2)", s)}
}

// baseURL is the API root of the region.
func (r Region) baseURL() (string, error) {
	switch r {
	case RegionGlobal, "":
		return DefaultBaseURL, nil
	case RegionEU, RegionUS, RegionUK, RegionAU:
		return "https://" + string(r) + ".clockify.me/api", nil
	}
	return "", &ValidationError{Field: "region", Reason: fmt.Sprintf("unknown region %q", string(r))}
}

// Option configures a Client. Options check their input and make NewClient fail rather than
// silently using a default.
type Option func(*config) error

type config struct {
	apiKey, addonToken *string
	endpoint           string // which option set the address, to refuse two of them
	baseURL            string
	httpClient         *http.Client
	userAgent          string
	retry              RetryPolicy
	limiter            RateLimiter
	logger             *slog.Logger
	maxBody            int64
}

// applyOptions builds the configuration opts describe; nil options are skipped.
func applyOptions(opts []Option) (*config, error) {
	cfg := &config{retry: DefaultRetryPolicy, maxBody: DefaultMaxResponseBytes}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(cfg); err != nil {
			return nil, err
		}
	}
	return cfg, nil
}

// fromEnv fills in the credential and the address from the environment where no option set
// them. Values go through the options, so a blank variable is refused like a blank argument.
func (c *config) fromEnv() error {
	if c.apiKey == nil && c.addonToken == nil {
		key, token := os.Getenv("CLOCKIFY_API_KEY"), os.Getenv("CLOCKIFY_ADDON_TOKEN")
		if key == "" && token == "" {
			return &ValidationError{Field: "credential", Reason: "set CLOCKIFY_API_KEY or CLOCKIFY_ADDON_TOKEN"}
		}
		if key != "" {
			if err := WithAPIKey(key)(c); err != nil {
				return err
			}
		}
		if token != "" {
			if err := WithAddonToken(token)(c); err != nil {
				return err
			}
		}
	}
	if c.endpoint != "" {
		return nil
	}
	region, base := os.Getenv("CLOCKIFY_REGION"), os.Getenv("CLOCKIFY_BASE_URL")
	switch {
	case region != "" && base != "":
		return &ValidationError{Field: "environment", Reason: "set CLOCKIFY_REGION or CLOCKIFY_BASE_URL, not both"}
	case base != "":
		return WithBaseURL(base)(c)
	case region != "":
		r, err := ParseRegion(region)
		if err != nil {
			return err
		}
		return WithRegion(r)(c)
	}
	return nil
}

// credential is the one credential the options set.
func (c *config) credential() (*credential, error) {
	switch {
	case c.apiKey != nil && c.addonToken != nil:
		return nil, &ValidationError{Field: "credential", Reason: "use an API key or an addon token, not both (Clockify refuses requests with two)"}
	case c.apiKey != nil:
		return newCredential(apiKeyHeader, *c.apiKey, ""), nil
	case c.addonToken != nil:
		return newCredential(addonTokenHeader, *c.addonToken, ""), nil
	}
	return nil, &ValidationError{Field: "credential", Reason: "WithAPIKey or WithAddonToken is required"}
}

func (c *config) setEndpoint(option, base string) error {
	if c.endpoint != "" && c.endpoint != option {
		return &ValidationError{Field: option, Reason: "conflicts with " + c.endpoint + "; use one of WithBaseURL, WithRegion, WithSubdomain"}
	}
	c.endpoint, c.baseURL = option, base
	return nil
}

// WithAPIKey authenticates with a personal API key (header X-Api-Key). The key acts with its
// owner's permissions; admin operations need an Admin's or Owner's key.
func WithAPIKey(key string) Option {
	return func(c *config) error {
		if err := checkSecret("API key", key); err != nil {
			return err
		}
		c.apiKey = &key
		return nil
	}
}

// WithAddonToken authenticates as a Marketplace add-on (header X-Addon-Token).
func WithAddonToken(token string) Option {
	return func(c *config) error {
		if err := checkSecret("addon token", token); err != nil {
			return err
		}
		c.addonToken = &token
		return nil
	}
}

// WithBaseURL sets the API root that precedes /v1, e.g. "https://api.clockify.me/api" or a
// clockifytest server's URL.
func WithBaseURL(rawURL string) Option {
	return func(c *config) error {
		u, err := url.Parse(rawURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return &ValidationError{Field: "base URL", Reason: fmt.Sprintf("%q is not an absolute http(s) URL", rawURL)}
		}
		if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
			return &ValidationError{Field: "base URL", Reason: "must not have a query, fragment or user info"}
		}
		return c.setEndpoint("WithBaseURL", strings.TrimRight(u.String(), "/"))
	}
}

// WithRegion selects the regional API host (RegionEU is https://euc1.clockify.me/api).
func WithRegion(r Region) Option {
	return func(c *config) error {
		base, err := r.baseURL()
		if err != nil {
			return err
		}
		return c.setEndpoint("WithRegion", base)
	}
}

// WithSubdomain selects a workspace on its own subdomain (https://NAME.clockify.me/api).
// Subdomain workspaces need a key generated inside that subdomain.
func WithSubdomain(name string) Option {
	return func(c *config) error {
		if !validSubdomain(name) {
			return &ValidationError{Field: "subdomain", Reason: fmt.Sprintf("%q is not a DNS label", name)}
		}
		return c.setEndpoint("WithSubdomain", "https://"+strings.ToLower(name)+".clockify.me/api")
	}
}

func validSubdomain(s string) bool {
	if s == "" || len(s) > 63 || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// WithHTTPClient sends requests through hc (its Transport, Timeout and Jar). The client works
// on a copy, so hc itself is not modified.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) error {
		if hc == nil {
			return &ValidationError{Field: "HTTP client", Reason: "must not be nil"}
		}
		c.httpClient = hc
		return nil
	}
}

// WithUserAgent puts ua in front of the SDK's own User-Agent, e.g. "onboarder/1.2".
func WithUserAgent(ua string) Option {
	return func(c *config) error {
		if strings.ContainsAny(ua, "\r\n") {
			return &ValidationError{Field: "user agent", Reason: "must not contain line breaks"}
		}
		c.userAgent = strings.TrimSpace(ua)
		return nil
	}
}

// WithRetry replaces DefaultRetryPolicy.
func WithRetry(p RetryPolicy) Option {
	return func(c *config) error {
		if p.MaxRetries < 0 || p.MinWait < 0 || p.MaxWait < p.MinWait {
			return &ValidationError{Field: "retry policy", Reason: "needs MaxRetries >= 0 and 0 <= MinWait <= MaxWait"}
		}
		c.retry = p
		return nil
	}
}

// WithoutRetry makes every call a single attempt.
func WithoutRetry() Option {
	return func(c *config) error {
		c.retry = RetryPolicy{}
		return nil
	}
}

// WithRateLimit paces the client with a token bucket of perSecond requests per second and
// bursts of up to burst. A bucket at exactly Clockify's 50/s admits 51 requests in some
// one-second windows; the default (see the package doc) stays below 50 in every window. Every
// call and every retry on the client counts, bulk helpers included.
func WithRateLimit(perSecond float64, burst int) Option {
	return func(c *config) error {
		if !(perSecond > 0) || burst < 1 {
			return &ValidationError{Field: "rate limit", Reason: "needs perSecond > 0 and burst >= 1"}
		}
		c.limiter = rate.NewLimiter(rate.Limit(perSecond), burst)
		return nil
	}
}

// WithFreePlanRateLimit paces the client for a newly created Free-plan workspace, which
// Clockify limits to 30 requests per hour: one request every two minutes
// (https://clockify.me/help/fr/getting-started/webhook-and-api-limitations).
func WithFreePlanRateLimit() Option { return WithRateLimit(30.0/3600, 1) }

// WithRateLimiter paces the client with l, e.g. one limiter shared by several clients of the
// same workspace.
func WithRateLimiter(l RateLimiter) Option {
	return func(c *config) error {
		if l == nil {
			return &ValidationError{Field: "rate limiter", Reason: "must not be nil"}
		}
		c.limiter = l
		return nil
	}
}

// WithoutRateLimit sends requests as fast as the caller makes them.
func WithoutRateLimit() Option {
	return func(c *config) error {
		c.limiter = unlimited{}
		return nil
	}
}

// WithLogger logs retries (Warn) and requests (Debug) to l. Log records carry the method, the
// path without its query, the status and the attempt, never credentials or bodies.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		if l == nil {
			return &ValidationError{Field: "logger", Reason: "must not be nil"}
		}
		c.logger = l
		return nil
	}
}

// WithMaxResponseBytes bounds a success body, counted after decompression, at n bytes
// (default DefaultMaxResponseBytes). A larger body fails the call with ErrResponseTooLarge as
// soon as the limit is passed; raise it for pages of members with very many memberships.
func WithMaxResponseBytes(n int64) Option {
	return func(c *config) error {
		if n < 1 {
			return &ValidationError{Field: "max response bytes", Reason: "must be at least 1"}
		}
		c.maxBody = n
		return nil
	}
}
