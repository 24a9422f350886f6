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
// "global"), in any case and with surrounding spaces; WithRegion and CLOCKIFY_REGION accept
// the same. An empty name is refused: no region means no WithRegion.
func ParseRegion(s string) (Region, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return "", &ValidationError{Field: "region", Reason: "is empty (use RegionGlobal for api.clockify.me, or leave the region out)"}
	case "global":
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

// baseURL is the API root of the region, given by any name ParseRegion accepts.
func (r Region) baseURL() (string, error) {
	r, err := ParseRegion(string(r))
	if err != nil {
		return "", err
	}
	if r == RegionGlobal {
		return DefaultBaseURL, nil
	}
	return "https://" + string(r) + ".clockify.me/api", nil
}

// Option configures a Client. Options check their input and make NewClient fail rather than
// silently using a default. When options give the same setting more than once, the last one
// wins: the address (WithBaseURL, WithRegion or WithSubdomain), the pace (WithRateLimit,
// WithFreePlanRateLimit, WithRateLimiter or WithoutRateLimit), the retries (WithRetry or
// WithoutRetry) and each other option, so code that builds clients for others (such as
// clockifytest's Server.Client) can put its defaults first and let its callers' options replace
// them. The one exception is the credential: an API key and an addon token together are a
// *ValidationError, since Clockify refuses a request that carries both. nil options are skipped.
type Option func(*config) error

type config struct {
	apiKey, addonToken *string
	set                map[string]string // setting → the option that gave it last
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
	cfg := &config{retry: DefaultRetryPolicy(), maxBody: DefaultMaxResponseBytes, set: map[string]string{}}
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

// claim records that option gives setting, replacing an earlier option for it. An API key and
// an addon token together are refused.
func (c *config) claim(setting, option string) error {
	if prev, ok := c.set[setting]; ok && setting == settingCredential && prev != option {
		return &ValidationError{Field: setting, Reason: option + " conflicts with " + prev + "; give one of them"}
	}
	if setting == settingCredential {
		c.apiKey, c.addonToken = nil, nil
	}
	c.set[setting] = option
	return nil
}

// Settings that options claim.
const (
	settingCredential = "credential"
	settingAddress    = "address"
	settingPace       = "rate limit"
	settingRetry      = "retry policy"
)

// fromEnv fills in the credential and the address from the environment where no option set
// them. Values go through the options, so a blank variable is refused like a blank argument,
// and an empty variable counts as unset.
func (c *config) fromEnv() error {
	if _, ok := c.set[settingCredential]; !ok {
		key, token := os.Getenv("CLOCKIFY_API_KEY"), os.Getenv("CLOCKIFY_ADDON_TOKEN")
		if key == "" && token == "" {
			return &ValidationError{Field: "credential", Reason: "set CLOCKIFY_API_KEY or CLOCKIFY_ADDON_TOKEN"}
		}
		if key != "" && token != "" {
			return &ValidationError{Field: "environment", Reason: "set CLOCKIFY_API_KEY or CLOCKIFY_ADDON_TOKEN, not both (Clockify refuses requests with two)"}
		}
		opt := WithAPIKey(key)
		if token != "" {
			opt = WithAddonToken(token)
		}
		if err := opt(c); err != nil {
			return err
		}
	}
	if _, ok := c.set[settingAddress]; ok {
		return nil
	}
	region, base := os.Getenv("CLOCKIFY_REGION"), os.Getenv("CLOCKIFY_BASE_URL")
	switch {
	case region != "" && base != "":
		return &ValidationError{Field: "environment", Reason: "set CLOCKIFY_REGION or CLOCKIFY_BASE_URL, not both"}
	case base != "":
		return WithBaseURL(base)(c)
	case region != "":
		return WithRegion(Region(region))(c)
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
	if err := c.claim(settingAddress, option); err != nil {
		return err
	}
	c.baseURL = base
	return nil
}

// WithAPIKey authenticates with a personal API key (header X-Api-Key). The key acts with its
// owner's permissions; admin operations need an Admin's or Owner's key.
func WithAPIKey(key string) Option {
	return func(c *config) error {
		if err := checkSecret("API key", key); err != nil {
			return err
		}
		if err := c.claim(settingCredential, "WithAPIKey"); err != nil {
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
		if err := c.claim(settingCredential, "WithAddonToken"); err != nil {
			return err
		}
		c.addonToken = &token
		return nil
	}
}

// WithBaseURL sets the API root that precedes /v1, e.g. "https://api.clockify.me/api" or a
// clockifytest server's URL. A URL ending in /v1, as Clockify's reference writes its server
// ("https://api.clockify.me/api/v1"), is refused rather than trimmed: every path the client
// sends starts with /v1 itself.
func WithBaseURL(rawURL string) Option {
	return func(c *config) error {
		u, err := url.Parse(rawURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return &ValidationError{Field: "base URL", Reason: fmt.Sprintf("%q is not an absolute http(s) URL", rawURL)}
		}
		if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
			return &ValidationError{Field: "base URL", Reason: "must not have a query, fragment or user info"}
		}
		root := strings.TrimRight(u.String(), "/")
		if before, ok := strings.CutSuffix(root, "/v1"); ok {
			return &ValidationError{Field: "base URL", Reason: fmt.Sprintf("%q ends in /v1; give the root before it (%q): the client adds /v1 to every path", rawURL, before)}
		}
		return c.setEndpoint("WithBaseURL", root)
	}
}

// WithRegion selects the regional API host (RegionEU is https://euc1.clockify.me/api). It
// takes any name ParseRegion accepts, so WithRegion("eu") is RegionEU; an empty or unknown
// name is refused.
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
// on a copy, so hc itself is not modified. hc.Timeout limits each attempt of a call, not the
// call with its retries (see the package documentation for how closely); zero means none.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) error {
		if hc == nil {
			return &ValidationError{Field: "HTTP client", Reason: "must not be nil"}
		}
		if err := c.claim("HTTP client", "WithHTTPClient"); err != nil {
			return err
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
		if err := c.claim("user agent", "WithUserAgent"); err != nil {
			return err
		}
		c.userAgent = strings.TrimSpace(ua)
		return nil
	}
}

// WithRetry replaces DefaultRetryPolicy().
func WithRetry(p RetryPolicy) Option {
	return func(c *config) error {
		if p.MaxRetries < 0 || p.MinWait < 0 || p.MaxWait < p.MinWait {
			return &ValidationError{Field: "retry policy", Reason: "needs MaxRetries >= 0 and 0 <= MinWait <= MaxWait"}
		}
		if err := c.claim(settingRetry, "WithRetry"); err != nil {
			return err
		}
		c.retry = p
		return nil
	}
}

// WithoutRetry makes every call a single attempt.
func WithoutRetry() Option {
	return func(c *config) error {
		if err := c.claim(settingRetry, "WithoutRetry"); err != nil {
			return err
		}
		c.retry = RetryPolicy{}
		return nil
	}
}

// WithRateLimit paces the client with a token bucket of perSecond requests per second and
// bursts of up to burst. A bucket at exactly Clockify's 50/s admits 51 requests in some
// one-second windows; the default (see the package doc) stays below 50 in every window. Every
// call and every retry on the client counts, bulk helpers included.
func WithRateLimit(perSecond float64, burst int) Option {
	return rateLimit("WithRateLimit", perSecond, burst)
}

func rateLimit(option string, perSecond float64, burst int) Option {
	return func(c *config) error {
		if !(perSecond > 0) || burst < 1 {
			return &ValidationError{Field: "rate limit", Reason: "needs perSecond > 0 and burst >= 1"}
		}
		if err := c.claim(settingPace, option); err != nil {
			return err
		}
		c.limiter = rate.NewLimiter(rate.Limit(perSecond), burst)
		return nil
	}
}

// WithFreePlanRateLimit paces the client for a newly created Free-plan workspace, which
// Clockify limits to 30 requests per hour: one request every two minutes
// (https://clockify.me/help/getting-started/webhook-and-api-limitations).
func WithFreePlanRateLimit() Option { return rateLimit("WithFreePlanRateLimit", 30.0/3600, 1) }

// WithRateLimiter paces the client with l, e.g. one limiter shared by several clients of the
// same workspace.
func WithRateLimiter(l RateLimiter) Option {
	return func(c *config) error {
		if l == nil {
			return &ValidationError{Field: "rate limiter", Reason: "must not be nil"}
		}
		if err := c.claim(settingPace, "WithRateLimiter"); err != nil {
			return err
		}
		c.limiter = l
		return nil
	}
}

// WithoutRateLimit sends requests as fast as the caller makes them.
func WithoutRateLimit() Option {
	return func(c *config) error {
		if err := c.claim(settingPace, "WithoutRateLimit"); err != nil {
			return err
		}
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
		if err := c.claim("logger", "WithLogger"); err != nil {
			return err
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
		if err := c.claim("max response bytes", "WithMaxResponseBytes"); err != nil {
			return err
		}
		c.maxBody = n
		return nil
	}
}
