package clockify

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/go-querystring/query"
	"github.com/hashicorp/go-retryablehttp"
	"golang.org/x/time/rate"
)

// Version is this SDK's version, sent in the User-Agent header.
const Version = "0.1.0"

const (
	// DefaultBaseURL is the global API root; paths such as /v1/user follow it.
	DefaultBaseURL = "https://api.clockify.me/api"
	// DefaultRateLimit is Clockify's documented limit for paid workspaces, in requests per
	// second per client.
	DefaultRateLimit = 50
	// DefaultRateBurst is the default limiter's burst. Requests are spaced evenly (one every
	// 20 ms) rather than sent in bursts: Clockify's own accounting of "50 per second" is not
	// documented, and a full burst on top of the steady rate lets a bulk job overrun it and
	// collect 429s it never needed.
	DefaultRateBurst = 1
	// MaxPageSize is the largest page Clockify support has stated it serves.
	MaxPageSize = 5000

	defaultPageSize = 50 // Clockify's page-size when a request names none

	defaultUserAgent = "clockify-go/" + Version
	apiKeyHeader     = "X-Api-Key"
	addonTokenHeader = "X-Addon-Token"
	maxErrorBody     = 64 << 10
)

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

// RetryPolicy says how the client retries. Only failures where the server did not act, or
// where acting twice is harmless, are retried: 429, 502, 503, 504 and transport errors. Invites
// and new limited members are retried only on 429 and on failures before the request was sent.
// Waits grow exponentially from MinWait, capped at MaxWait, with full jitter; a Retry-After
// header is honoured up to MaxWait. The context's deadline and cancellation always win.
type RetryPolicy struct {
	// MaxRetries is how many times a call is retried after its first attempt (0: never).
	MaxRetries int
	MinWait    time.Duration
	MaxWait    time.Duration
}

// DefaultRetryPolicy retries up to 4 times, waiting between 500 ms and 30 s.
var DefaultRetryPolicy = RetryPolicy{MaxRetries: 4, MinWait: 500 * time.Millisecond, MaxWait: 30 * time.Second}

// RateLimiter paces outgoing requests; *rate.Limiter from golang.org/x/time/rate is one. Wait
// blocks until a request may be sent or ctx ends.
type RateLimiter interface {
	Wait(ctx context.Context) error
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

// checkSecret refuses a credential that could never travel in a header: empty, or with spaces,
// line breaks or control characters (a key read from a file with its trailing newline).
// Refusing it here beats a transport error on every request.
func checkSecret(field, secret string) error {
	if strings.TrimSpace(secret) == "" {
		return &ValidationError{Field: field, Reason: "must not be empty"}
	}
	for i := 0; i < len(secret); i++ {
		if b := secret[i]; b <= ' ' || b == 0x7f {
			return &ValidationError{Field: field, Reason: "must not contain spaces, line breaks or control characters (trim what you read from a file)"}
		}
	}
	return nil
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

// WithRateLimit paces the client to perSecond requests per second with bursts of up to burst.
// The default is DefaultRateLimit (50/s) with DefaultRateBurst (1). Every call and every retry on the client
// counts, bulk helpers included.
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
// Clockify limits to 30 requests per hour: one request every two minutes.
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

type unlimited struct{}

func (unlimited) Wait(ctx context.Context) error { return ctx.Err() }

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

type service struct{ client *Client }

// Client talks to the Clockify API. Create it with NewClient; it is safe for concurrent use,
// and its credential can be swapped while in use (APIKeys.Rotate).
type Client struct {
	Members  *MembersService
	Profiles *ProfilesService
	Roles    *RolesService
	APIKeys  *APIKeysService
	// Groups manages user groups; Workspaces reads workspaces.
	Groups     *GroupsService
	Workspaces *WorkspacesService

	common    service
	baseURL   string // ends with "/"
	base      *url.URL
	cred      atomic.Pointer[credential]
	rotateMu  sync.Mutex // one APIKeys.Rotate at a time; requests never take it
	hc        *retryablehttp.Client
	userAgent string
	limiter   RateLimiter
	logger    *slog.Logger
}

// credential is the secret and the header it travels in. Its formatting methods redact it, so
// neither %v nor %#v nor a log record of a Client or credential can show the secret.
type credential struct {
	header string
	secret string
	owner  string // id of the user the secret belongs to, once APIKeys has checked it
}

func (c *credential) String() string {
	if c == nil {
		return "<none>"
	}
	return c.header + ":" + Fingerprint(c.secret)
}

func (c *credential) GoString() string { return c.String() }

func (c *credential) LogValue() slog.Value { return slog.StringValue(c.String()) }

// Format keeps every fmt verb, %x and %q included, away from the secret.
func (c *credential) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, c.String()) }

// NewClient returns a client for the Clockify API. Exactly one of WithAPIKey and
// WithAddonToken is required.
func NewClient(opts ...Option) (*Client, error) {
	cfg := config{retry: DefaultRetryPolicy}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(&cfg); err != nil {
			return nil, err
		}
	}
	return newClient(&cfg)
}

// NewClientFromEnv is NewClient with settings read from the environment where opts do not set
// them: CLOCKIFY_API_KEY or CLOCKIFY_ADDON_TOKEN (exactly one), and optionally
// CLOCKIFY_REGION (global, euc1, use2, euw2, apse2) or CLOCKIFY_BASE_URL.
func NewClientFromEnv(opts ...Option) (*Client, error) {
	cfg := config{retry: DefaultRetryPolicy}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(&cfg); err != nil {
			return nil, err
		}
	}
	if cfg.apiKey == nil && cfg.addonToken == nil {
		key, token := os.Getenv("CLOCKIFY_API_KEY"), os.Getenv("CLOCKIFY_ADDON_TOKEN")
		if key == "" && token == "" {
			return nil, &ValidationError{Field: "credential", Reason: "set CLOCKIFY_API_KEY or CLOCKIFY_ADDON_TOKEN"}
		}
		// Through the options, so a blank variable is refused like a blank argument.
		if key != "" {
			if err := WithAPIKey(key)(&cfg); err != nil {
				return nil, err
			}
		}
		if token != "" {
			if err := WithAddonToken(token)(&cfg); err != nil {
				return nil, err
			}
		}
	}
	if cfg.endpoint == "" {
		region, base := os.Getenv("CLOCKIFY_REGION"), os.Getenv("CLOCKIFY_BASE_URL")
		switch {
		case region != "" && base != "":
			return nil, &ValidationError{Field: "environment", Reason: "set CLOCKIFY_REGION or CLOCKIFY_BASE_URL, not both"}
		case base != "":
			if err := WithBaseURL(base)(&cfg); err != nil {
				return nil, err
			}
		case region != "":
			r, err := ParseRegion(region)
			if err != nil {
				return nil, err
			}
			if err := WithRegion(r)(&cfg); err != nil {
				return nil, err
			}
		}
	}
	return newClient(&cfg)
}

func newClient(cfg *config) (*Client, error) {
	var cred *credential
	switch {
	case cfg.apiKey != nil && cfg.addonToken != nil:
		return nil, &ValidationError{Field: "credential", Reason: "use an API key or an addon token, not both (Clockify refuses requests with two)"}
	case cfg.apiKey != nil:
		cred = &credential{header: apiKeyHeader, secret: *cfg.apiKey}
	case cfg.addonToken != nil:
		cred = &credential{header: addonTokenHeader, secret: *cfg.addonToken}
	default:
		return nil, &ValidationError{Field: "credential", Reason: "WithAPIKey or WithAddonToken is required"}
	}
	if cfg.baseURL == "" {
		cfg.baseURL = DefaultBaseURL
	}
	base, err := url.Parse(cfg.baseURL + "/")
	if err != nil {
		return nil, &ValidationError{Field: "base URL", Reason: err.Error()}
	}
	c := &Client{
		baseURL:   base.String(),
		base:      base,
		userAgent: defaultUserAgent,
		limiter:   cfg.limiter,
		logger:    cfg.logger,
	}
	if cfg.userAgent != "" {
		c.userAgent = cfg.userAgent + " " + defaultUserAgent
	}
	if c.limiter == nil {
		c.limiter = rate.NewLimiter(DefaultRateLimit, DefaultRateBurst)
	}
	if c.logger == nil {
		c.logger = slog.New(slog.DiscardHandler)
	}
	c.cred.Store(cred)

	var hc http.Client
	if cfg.httpClient != nil {
		hc = *cfg.httpClient
	} else {
		hc.Timeout = 60 * time.Second
	}
	inner := hc.Transport
	if inner == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConnsPerHost = 32
		inner = t
	}
	hc.Transport = &authTransport{client: c, next: inner}

	c.hc = &retryablehttp.Client{
		HTTPClient:     &hc,
		RetryWaitMin:   cfg.retry.MinWait,
		RetryWaitMax:   cfg.retry.MaxWait,
		RetryMax:       cfg.retry.MaxRetries,
		CheckRetry:     checkRetry,
		Backoff:        backoff,
		ErrorHandler:   retryablehttp.PassthroughErrorHandler,
		RequestLogHook: c.beforeAttempt,
		// The first attempt is paced in call; every retry is paced here, after its backoff.
		PrepareRetry: func(req *http.Request) error { return c.wait(req.Context()) },
	}

	c.common.client = c
	c.Members = (*MembersService)(&c.common)
	c.Profiles = (*ProfilesService)(&c.common)
	c.Roles = (*RolesService)(&c.common)
	c.APIKeys = (*APIKeysService)(&c.common)
	c.Groups = (*GroupsService)(&c.common)
	c.Workspaces = (*WorkspacesService)(&c.common)
	return c, nil
}

// String describes the client without its credential.
func (c *Client) String() string {
	return fmt.Sprintf("clockify.Client{baseURL: %s, credential: %s}", c.baseURL, c.cred.Load())
}

// GoString is String, so %#v does not dump the credential.
func (c *Client) GoString() string { return c.String() }

// Format keeps every fmt verb on the redacted String.
func (c *Client) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, c.String()) }

// BaseURL returns the API root the client sends to (ending in "/").
func (c *Client) BaseURL() string { return c.baseURL }

// setAPIKey swaps the credential atomically; requests already sent keep the old one. owner is
// the id of the key's user when known ("" if not), which a later Rotate compares against.
func (c *Client) setAPIKey(key, owner string) {
	c.cred.Store(&credential{header: apiKeyHeader, secret: key, owner: owner})
}

// Fingerprint returns a short identifier of a key or token that is safe to log: the first 12
// hex digits of its SHA-256, prefixed "fp:". It is stable, and reveals nothing of the secret.
func Fingerprint(key string) string {
	sum := sha256.Sum256([]byte(key))
	return "fp:" + hex.EncodeToString(sum[:6])
}

// authTransport adds the credential only to requests for the configured scheme and host, so
// a redirect elsewhere never carries it.
type authTransport struct {
	client *Client
	next   http.RoundTripper
}

func (t *authTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	r := req.Clone(req.Context())
	r.Header.Del(apiKeyHeader)
	r.Header.Del(addonTokenHeader)
	r.Header.Del("Authorization")
	if req.URL.Scheme == t.client.base.Scheme && req.URL.Host == t.client.base.Host {
		cred := t.client.cred.Load()
		if st, _ := req.Context().Value(opKey{}).(*attemptState); st != nil && st.cred != nil {
			cred = st.cred
		}
		r.Header.Set(cred.header, cred.secret)
		if st, _ := req.Context().Value(opKey{}).(*attemptState); st != nil {
			st.sent.Store(cred)
		}
	}
	resp, err := t.next.RoundTrip(r)
	if resp != nil {
		// The inner transport points resp.Request at r, which carries the secret; callers reach
		// it through Response.Request, so hand back the request without it.
		resp.Request = req
	}
	return resp, err
}

// limiterError is a failure of the client's RateLimiter: the request was not sent, and
// retrying would only fail the same way.
type limiterError struct{ err error }

func (e *limiterError) Error() string { return "rate limiter: " + e.err.Error() }
func (e *limiterError) Unwrap() error { return e.err }

// wait paces one attempt. It runs outside the http.Client, so its Timeout does not count the
// time spent waiting for the limiter (a Free-plan pace of one request per two minutes would
// otherwise always exceed the default 60 s timeout).
func (c *Client) wait(ctx context.Context) error {
	if err := c.limiter.Wait(ctx); err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if _, ok := ctx.Deadline(); ok {
			// rate.Limiter refuses early a wait that would outlast the deadline; to the
			// caller that is the deadline being exceeded.
			return &limiterError{fmt.Errorf("%w: %w", context.DeadlineExceeded, err)}
		}
		return &limiterError{err}
	}
	return nil
}

// opKey carries an attempt's retry facts from call to checkRetry through the context.
type opKey struct{}

type attemptState struct {
	retrySafe bool
	path      string
	cred      *credential // op.cred: sent instead of the client's credential
	maxWait   time.Duration
	wrote     atomic.Bool                // the request reached the wire in this attempt
	sent      atomic.Pointer[credential] // the credential the last attempt carried
}

func (c *Client) beforeAttempt(_ retryablehttp.Logger, req *http.Request, attempt int) {
	st, _ := req.Context().Value(opKey{}).(*attemptState)
	if st != nil {
		st.wrote.Store(false)
	}
	if attempt > 0 && st != nil {
		c.logger.LogAttrs(req.Context(), slog.LevelWarn, "clockify: retrying request",
			slog.String("method", req.Method), slog.String("path", st.path), slog.Int("attempt", attempt+1))
	}
}

// checkRetry decides whether an attempt is repeated: never once ctx is done; on 429 always
// (the server did not act); on 502/503/504 and transport errors only for retry-safe calls, or
// for any call when the request never reached the wire.
func checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	// An answer that is final stands even if ctx ended meanwhile: the server has acted, and
	// reporting a cancellation would make a caller redo an invite that went through.
	if err == nil && resp != nil && !retryableStatus(resp.StatusCode) {
		return false, nil
	}
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	st, _ := ctx.Value(opKey{}).(*attemptState)
	safe := st == nil || st.retrySafe
	if err != nil {
		if permanent(err) {
			return false, nil
		}
		if !safe && st.wrote.Load() {
			return false, nil
		}
		return true, nil
	}
	if st != nil && waitOutlivesDeadline(ctx, resp, st.maxWait) {
		// Sleeping until the deadline only to fail then helps no one: return the answer, with
		// its RetryAfter, while the caller can still act on it.
		return false, nil
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		return true, nil
	}
	return safe, nil // 502, 503, 504
}

// waitOutlivesDeadline reports whether the server's Retry-After (as backoff would honour it,
// capped at maxWait) ends after ctx's deadline.
func waitOutlivesDeadline(ctx context.Context, resp *http.Response, maxWait time.Duration) bool {
	deadline, ok := ctx.Deadline()
	if !ok {
		return false
	}
	ra := parseRetryAfter(resp.Header.Get("Retry-After"), time.Now())
	if ra <= 0 {
		return false
	}
	return time.Now().Add(min(ra, maxWait)).After(deadline)
}

func retryableStatus(code int) bool {
	switch code {
	case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// permanent reports transport errors that a retry would only repeat: too many redirects, a
// certificate the client does not trust, and a failing rate limiter.
func permanent(err error) bool {
	var (
		ue  *url.Error
		le  *limiterError
		uae x509.UnknownAuthorityError
		he  x509.HostnameError
		cie x509.CertificateInvalidError
		cve *tls.CertificateVerificationError
	)
	switch {
	case errors.As(err, &ue) && strings.Contains(ue.Err.Error(), "stopped after"):
		return true
	case strings.Contains(err.Error(), "invalid header field"):
		return true // the request can never be sent as it is
	case errors.As(err, &le), errors.As(err, &uae), errors.As(err, &he), errors.As(err, &cie), errors.As(err, &cve):
		return true
	}
	return false
}

// backoff is capped exponential backoff with full jitter between min and the cap; a
// Retry-After header on 429/503 is used instead, but never beyond max.
func backoff(min, max time.Duration, attempt int, resp *http.Response) time.Duration {
	if resp != nil && (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable) {
		if ra := parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()); ra > 0 {
			if ra > max {
				return max
			}
			return ra
		}
	}
	// With MinWait 0 the ceiling still has to grow from something.
	ceil := min
	if ceil <= 0 {
		ceil = DefaultRetryPolicy.MinWait
	}
	for i := 0; i < attempt && ceil < max; i++ {
		if ceil > max/2 {
			ceil = max // doubling would overflow
			break
		}
		ceil *= 2
	}
	if ceil > max {
		ceil = max
	}
	if ceil <= min {
		return min
	}
	return min + rand.N(ceil-min+1)
}

// Response is Clockify's answer to a call, with its body already read. For list calls, Page is
// the page it holds and LastPage is Clockify's Last-Page header.
type Response struct {
	*http.Response
	Page     int
	LastPage bool
	// lastPageKnown is whether the Last-Page header was present at all.
	lastPageKnown bool
}

// op is one API operation: its verb, path, query, body, where to decode the answer, and
// whether repeating it is harmless.
type op struct {
	method    string
	path      string // below the base URL, e.g. "v1/user"
	query     any    // a struct with url tags, or url.Values
	body      any    // JSON-encoded; nil means no body
	out       any    // decoded from a 2xx body; nil means ignore it
	retrySafe bool
	page      int
	// cred, when set, is sent instead of the client's credential (and only it), so APIKeys.Rotate
	// can try a key before the client adopts it. The same-host rule applies to it.
	cred *credential
}

// call sends o and decodes the answer. Every method goes through here.
func (c *Client) call(ctx context.Context, o op) (*Response, error) {
	if ctx == nil {
		return nil, &ValidationError{Field: "ctx", Reason: "must not be nil"}
	}
	u := c.baseURL + o.path
	if o.query != nil {
		var vals url.Values
		switch q := o.query.(type) {
		case url.Values:
			vals = q
		default:
			v, err := query.Values(o.query)
			if err != nil {
				return nil, fmt.Errorf("clockify: encode query: %w", err)
			}
			vals = v
		}
		if enc := vals.Encode(); enc != "" {
			u += "?" + enc
		}
	}
	var body []byte
	contentType := "application/json"
	if raw, ok := o.body.(rawBody); ok {
		body, contentType, o.body = raw.data, raw.contentType, nil // sent as it is (a file upload)
	}
	if o.body != nil {
		b, err := json.Marshal(o.body)
		if err != nil {
			var ve *ValidationError
			if errors.As(err, &ve) {
				return nil, ve
			}
			return nil, fmt.Errorf("clockify: encode request body: %w", err)
		}
		body = b
	}
	st := &attemptState{retrySafe: o.retrySafe, path: "/" + o.path, cred: o.cred, maxWait: c.hc.RetryWaitMax}
	ctx = context.WithValue(ctx, opKey{}, st)
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		WroteHeaders: func() { st.wrote.Store(true) },
	})
	var rbody any
	if body != nil {
		rbody = body
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, o.method, u, rbody)
	if err != nil {
		return nil, fmt.Errorf("clockify: build request: %w", err)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if body != nil {
		req.Header.Set("Content-Type", contentType)
	}

	if err := c.wait(ctx); err != nil {
		return nil, c.transportError(ctx, o, err)
	}
	hresp, err := c.hc.Do(req)
	if err != nil {
		if hresp != nil {
			hresp.Body.Close()
		}
		return nil, c.transportError(ctx, o, err)
	}
	defer hresp.Body.Close()
	resp := &Response{Response: hresp, Page: o.page}
	if last, err := strconv.ParseBool(hresp.Header.Get("Last-Page")); err == nil {
		resp.LastPage, resp.lastPageKnown = last, true
	}
	c.logger.LogAttrs(ctx, slog.LevelDebug, "clockify: request",
		slog.String("method", o.method), slog.String("path", st.path), slog.Int("status", hresp.StatusCode))

	if hresp.StatusCode < 200 || hresp.StatusCode > 299 {
		data, _ := io.ReadAll(io.LimitReader(hresp.Body, maxErrorBody))
		apiErr := parseErrorBody(hresp.StatusCode, c.redact(data, st.sent.Load()))
		apiErr.Method, apiErr.Path = o.method, st.path
		if hresp.StatusCode == http.StatusTooManyRequests || hresp.StatusCode == http.StatusServiceUnavailable {
			apiErr.RetryAfter = parseRetryAfter(hresp.Header.Get("Retry-After"), time.Now())
		}
		return resp, apiErr
	}
	if o.out != nil && hresp.StatusCode != http.StatusNoContent {
		dec := json.NewDecoder(hresp.Body)
		if err := dec.Decode(o.out); err != nil && !errors.Is(err, io.EOF) {
			return resp, fmt.Errorf("clockify: decode %s %s response: %w", o.method, st.path, err)
		}
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(hresp.Body, maxErrorBody))
	return resp, nil
}

// redact replaces the credential in an error body with its fingerprint: Clockify's messages
// echo request data, and a proxy's error page may echo headers. It runs before the body is
// parsed and truncated, so no part of the secret survives a cut.
func (c *Client) redact(body []byte, sent *credential) []byte {
	for _, cred := range []*credential{sent, c.cred.Load()} {
		if cred != nil && cred.secret != "" {
			body = bytes.ReplaceAll(body, []byte(cred.secret), []byte(Fingerprint(cred.secret)))
		}
	}
	return body
}

// transportError words a failure with no HTTP answer; context errors stay matchable.
func (c *Client) transportError(ctx context.Context, o op, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil && errors.Is(err, ctxErr) {
		return fmt.Errorf("clockify: %s /%s: %w", o.method, o.path, ctxErr)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // its message repeats the URL, which may carry query data
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("clockify: %s /%s: timeout: %w", o.method, o.path, err)
	}
	return fmt.Errorf("clockify: %s /%s: %w", o.method, o.path, err)
}

// ListOptions selects a page of a list. Page is 1-based; PageSize is at most MaxPageSize
// (Clockify's default is 50).
type ListOptions struct {
	Page     int `url:"page,omitempty" json:"page,omitempty"`
	PageSize int `url:"page-size,omitempty" json:"pageSize,omitempty"`
}

func (o *ListOptions) validate() error {
	if o == nil {
		return nil
	}
	if o.Page < 0 {
		return &ValidationError{Field: "Page", Reason: "must be 1 or more (pages are 1-based)"}
	}
	if o.PageSize < 0 || o.PageSize > MaxPageSize {
		return &ValidationError{Field: "PageSize", Reason: fmt.Sprintf("must be between 1 and %d", MaxPageSize)}
	}
	return nil
}

// ErrPageRepeated is returned by an iterator when Clockify answers a page with the same items
// as the page before it (a server ignoring the page parameter); iterating stops there rather
// than looping forever.
var ErrPageRepeated = errors.New("clockify: a page repeated the previous one")

// pages iterates a paged list lazily: it fetches page 1, 2, ... only as the loop consumes
// them, stops on Last-Page: true (or, without the header, on a short or empty page), and stops
// fetching as soon as the loop body breaks. Only one page is held at a time.
func pages[T any](ctx context.Context, pageSize int, id func(*T) string,
	fetch func(ctx context.Context, page int) ([]*T, *Response, error)) iter.Seq2[*T, error] {
	if pageSize <= 0 {
		pageSize = defaultPageSize // what Clockify serves when the request names no size
	}
	return func(yield func(*T, error) bool) {
		var prev [sha256.Size]byte
		for page := 1; ; page++ {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			items, resp, err := fetch(ctx, page)
			if err != nil {
				yield(nil, err)
				return
			}
			if len(items) > 0 {
				h := sha256.New()
				for _, it := range items {
					io.WriteString(h, id(it))
					h.Write([]byte{0})
				}
				var sum [sha256.Size]byte
				h.Sum(sum[:0])
				if page > 1 && bytes.Equal(sum[:], prev[:]) {
					yield(nil, fmt.Errorf("%w (page %d)", ErrPageRepeated, page))
					return
				}
				prev = sum
			}
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			if len(items) == 0 {
				return
			}
			if resp != nil && resp.lastPageKnown {
				if resp.LastPage {
					return
				}
			} else if len(items) < pageSize {
				return
			}
		}
	}
}
