package clockify

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"testing/iotest"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"
)

// fastRetry is setup's retry policy: two retries, waits of a few milliseconds.
var fastRetry = WithRetry(RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: 5 * time.Millisecond})

// userURL is where the default base URL puts GET /v1/user.
const userURL = DefaultBaseURL + "/v1/user"

// setupMock returns a client whose transport is an httpmock transport, for cases a real
// server cannot stage on demand (transport errors, exact headers). The default base URL is
// kept; nothing leaves the process.
func setupMock(t *testing.T, opts ...Option) (*Client, *httpmock.MockTransport) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	base := []Option{WithAPIKey(testKey), WithHTTPClient(&http.Client{Transport: mt}), WithoutRateLimit(), fastRetry}
	c, err := NewClient(overridden(base, opts)...)
	require.NoError(t, err)
	return c, mt
}

// getUser is the simplest retry-safe call.
var getUser = op{method: http.MethodGet, path: "v1/user", retrySafe: true}

// countingLimiter lets every request through and counts them.
type countingLimiter struct{ n atomic.Int32 }

func (l *countingLimiter) Wait(ctx context.Context) error {
	l.n.Add(1)
	return ctx.Err()
}

type limiterFunc func(context.Context) error

func (f limiterFunc) Wait(ctx context.Context) error { return f(ctx) }

// sentHeaders makes one call with a client built by newClient and returns the request's headers
// as they left the client.
func sentHeaders(t *testing.T, newClient func(...Option) (*Client, error), opts ...Option) http.Header {
	t.Helper()
	var got http.Header
	rt := httpmock.NewMockTransport()
	rt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		got = r.Header.Clone()
		return httpmock.NewStringResponse(200, `{}`), nil
	})
	c, err := newClient(overridden([]Option{WithHTTPClient(&http.Client{Transport: rt}), WithoutRateLimit()}, opts)...)
	require.NoError(t, err)
	_, err = c.call(ctx, getUser)
	require.NoError(t, err)
	return got
}

// --- Options ---

func TestNewClient_credentialHeader(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		opt        Option
		header     string
		notSent    string
		credential string
	}{
		{"api key", WithAPIKey(testKey), "X-Api-Key", "X-Addon-Token", testKey},
		{"addon token", WithAddonToken("addon-tok"), "X-Addon-Token", "X-Api-Key", "addon-tok"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := sentHeaders(t, NewClient, tt.opt)
			assert.Equal(t, tt.credential, h.Get(tt.header))
			assert.Empty(t, h.Values(tt.notSent))
			assert.Empty(t, h.Values("Authorization"))
		})
	}
}

func TestNewClient_refusesBadOptions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opts []Option
	}{
		{"no credential", nil},
		{"key and addon token", []Option{WithAPIKey(testKey), WithAddonToken("tok")}},
		{"empty key", []Option{WithAPIKey("")}},
		{"blank key", []Option{WithAPIKey("  \t")}},
		{"empty addon token", []Option{WithAddonToken("")}},
		{"base URL not a URL", []Option{WithAPIKey(testKey), WithBaseURL("http://[::1")}},
		{"base URL relative", []Option{WithAPIKey(testKey), WithBaseURL("/api")}},
		{"base URL without scheme", []Option{WithAPIKey(testKey), WithBaseURL("api.clockify.me/api")}},
		{"base URL ftp", []Option{WithAPIKey(testKey), WithBaseURL("ftp://api.clockify.me/api")}},
		{"base URL with query", []Option{WithAPIKey(testKey), WithBaseURL("https://api.clockify.me/api?x=1")}},
		{"base URL with fragment", []Option{WithAPIKey(testKey), WithBaseURL("https://api.clockify.me/api#x")}},
		{"base URL with user info", []Option{WithAPIKey(testKey), WithBaseURL("https://u:p@api.clockify.me/api")}},
		{"unknown region", []Option{WithAPIKey(testKey), WithRegion("mars1")}},
		{"empty subdomain", []Option{WithAPIKey(testKey), WithSubdomain("")}},
		{"subdomain with dot", []Option{WithAPIKey(testKey), WithSubdomain("acme.evil")}},
		{"subdomain with underscore", []Option{WithAPIKey(testKey), WithSubdomain("ac_me")}},
		{"subdomain leading hyphen", []Option{WithAPIKey(testKey), WithSubdomain("-acme")}},
		{"subdomain too long", []Option{WithAPIKey(testKey), WithSubdomain(strings.Repeat("a", 64))}},
		{"nil HTTP client", []Option{WithAPIKey(testKey), WithHTTPClient(nil)}},
		{"user agent with newline", []Option{WithAPIKey(testKey), WithUserAgent("a\r\nX-Api-Key: x")}},
		{"negative retries", []Option{WithAPIKey(testKey), WithRetry(RetryPolicy{MaxRetries: -1})}},
		{"negative min wait", []Option{WithAPIKey(testKey), WithRetry(RetryPolicy{MaxRetries: 1, MinWait: -1})}},
		{"max wait below min wait", []Option{WithAPIKey(testKey), WithRetry(RetryPolicy{MaxRetries: 1, MinWait: time.Second, MaxWait: time.Millisecond})}},
		{"zero rate", []Option{WithAPIKey(testKey), WithRateLimit(0, 1)}},
		{"negative rate", []Option{WithAPIKey(testKey), WithRateLimit(-5, 1)}},
		{"NaN rate", []Option{WithAPIKey(testKey), WithRateLimit(math.NaN(), 1)}},
		{"zero burst", []Option{WithAPIKey(testKey), WithRateLimit(10, 0)}},
		{"nil rate limiter", []Option{WithAPIKey(testKey), WithRateLimiter(nil)}},
		{"nil logger", []Option{WithAPIKey(testKey), WithLogger(nil)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := NewClient(tt.opts...)
			assert.Nil(t, c)
			assert.ErrorIs(t, err, ErrInvalidInput)
			var ve *ValidationError
			assert.ErrorAs(t, err, &ve)
			assert.NotContains(t, err.Error(), testKey)
		})
	}
}

func TestNewClient_defaultBaseURL(t *testing.T) {
	t.Parallel()
	c, err := NewClient(WithAPIKey(testKey))
	require.NoError(t, err)
	assert.Equal(t, "https://api.clockify.me/api/", c.BaseURL())
}

func TestWithRegion_sendsToRegionalHost(t *testing.T) {
	t.Parallel()
	tests := []struct {
		region Region
		url    string
	}{
		{RegionGlobal, "https://api.clockify.me/api/v1/user"},
		{RegionEU, "https://euc1.clockify.me/api/v1/user"},
		{RegionUS, "https://use2.clockify.me/api/v1/user"},
		{RegionUK, "https://euw2.clockify.me/api/v1/user"},
		{RegionAU, "https://apse2.clockify.me/api/v1/user"},
	}
	for _, tt := range tests {
		t.Run(string(tt.region), func(t *testing.T) {
			c, mt := setupMock(t, WithRegion(tt.region))
			mt.RegisterResponder(http.MethodGet, tt.url, httpmock.NewStringResponder(200, `{"id":"u1"}`))
			var u User
			_, err := c.call(ctx, op{method: http.MethodGet, path: "v1/user", out: &u, retrySafe: true})
			require.NoError(t, err)
			assert.Equal(t, "u1", u.ID)
		})
	}
}

func TestWithSubdomain_setsHost(t *testing.T) {
	t.Parallel()
	c, err := NewClient(WithAPIKey(testKey), WithSubdomain("Acme-Corp1"))
	require.NoError(t, err)
	assert.Equal(t, "https://acme-corp1.clockify.me/api/", c.BaseURL())
}

func TestWithBaseURL_trailingSlashIsOptional(t *testing.T) {
	t.Parallel()
	for _, raw := range []string{"http://127.0.0.1:8080/api", "http://127.0.0.1:8080/api/"} {
		c, err := NewClient(WithAPIKey(testKey), WithBaseURL(raw))
		require.NoError(t, err)
		assert.Equal(t, "http://127.0.0.1:8080/api/", c.BaseURL())
	}
}

func TestWithHTTPClient_usesTransportWithoutModifyingClient(t *testing.T) {
	t.Parallel()
	mt := httpmock.NewMockTransport()
	mt.RegisterResponder(http.MethodGet, userURL, httpmock.NewStringResponder(200, `{}`))
	hc := &http.Client{Transport: mt, Timeout: 7 * time.Second}
	c, err := NewClient(WithAPIKey(testKey), WithHTTPClient(hc))
	require.NoError(t, err)

	_, err = c.call(ctx, getUser)
	require.NoError(t, err)
	assert.Equal(t, 1, mt.GetTotalCallCount())
	assert.Same(t, mt, hc.Transport)
	assert.Equal(t, 7*time.Second, hc.Timeout)
}

func TestWithUserAgent_prefixesSDKUserAgent(t *testing.T) {
	t.Parallel()
	h := sentHeaders(t, NewClient, WithAPIKey(testKey), WithUserAgent("onboarder/1.2"))
	assert.Equal(t, "onboarder/1.2 clockify-go/"+Version, h.Get("User-Agent"))
}

func TestWithRetry_limitsAttempts(t *testing.T) {
	t.Parallel()
	var n atomic.Int32
	c, mt := setupMock(t, WithRetry(RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: time.Millisecond}))
	mt.RegisterResponder(http.MethodGet, userURL, func(*http.Request) (*http.Response, error) {
		n.Add(1)
		return httpmock.NewStringResponse(503, ``), nil
	})
	_, err := c.call(ctx, getUser)
	assert.ErrorIs(t, err, ErrServer)
	assert.EqualValues(t, 4, n.Load())
}

func TestWithoutRetry_makesOneAttempt(t *testing.T) {
	t.Parallel()
	c, mt := setupMock(t, WithoutRetry())
	mt.RegisterResponder(http.MethodGet, userURL, httpmock.NewStringResponder(429, `{"message":"Too many requests"}`))
	_, err := c.call(ctx, getUser)
	assert.ErrorIs(t, err, ErrRateLimited)
	assert.Equal(t, 1, mt.GetTotalCallCount())
}

func TestWithRateLimit_acceptsValidPace(t *testing.T) {
	t.Parallel()
	c, err := NewClient(WithAPIKey(testKey), WithRateLimit(10, 5))
	require.NoError(t, err)
	l, ok := c.limiter.(*rate.Limiter)
	require.True(t, ok)
	assert.Equal(t, rate.Limit(10), l.Limit())
	assert.Equal(t, 5, l.Burst())
}

func TestNewClient_defaultRateLimit(t *testing.T) {
	t.Parallel()
	c, err := NewClient(WithAPIKey(testKey))
	require.NoError(t, err)
	l, ok := c.limiter.(*rate.Limiter)
	require.True(t, ok)
	assert.InDelta(t, DefaultRateLimit, float64(l.Limit()), 1e-6)
	assert.Equal(t, DefaultRateBurst, l.Burst())
}

func TestWithFreePlanRateLimit_pacesThirtyPerHour(t *testing.T) {
	t.Parallel()
	c, err := NewClient(WithAPIKey(testKey), WithFreePlanRateLimit())
	require.NoError(t, err)
	l, ok := c.limiter.(*rate.Limiter)
	require.True(t, ok)
	assert.InDelta(t, 30.0/3600, float64(l.Limit()), 1e-12)
	assert.Equal(t, 1, l.Burst())
}

func TestWithRateLimiter_waitsOncePerAttempt(t *testing.T) {
	t.Parallel()
	lim := &countingLimiter{}
	c, mt := setupMock(t, WithRateLimiter(lim))
	mt.RegisterResponder(http.MethodGet, userURL,
		httpmock.NewStringResponder(503, ``).Then(httpmock.NewStringResponder(503, ``)).Then(httpmock.NewStringResponder(200, `{}`)))
	_, err := c.call(ctx, getUser)
	require.NoError(t, err)
	assert.Equal(t, 3, mt.GetTotalCallCount())
	assert.EqualValues(t, 3, lim.n.Load())
}

// The limiter's wait must not count against http.Client.Timeout: at the Free-plan pace of one
// request per two minutes, waiting inside the client's 60 s timeout failed every second call.
func TestWithRateLimiter_waitsOutsideHTTPClientTimeout(t *testing.T) {
	t.Parallel()
	var sawDeadline atomic.Bool
	lim := limiterFunc(func(ctx context.Context) error {
		_, ok := ctx.Deadline()
		sawDeadline.Store(ok)
		return nil
	})
	mt := httpmock.NewMockTransport()
	mt.RegisterResponder(http.MethodGet, userURL, httpmock.NewStringResponder(200, `{}`))
	c, err := NewClient(WithAPIKey(testKey), WithRateLimiter(lim), WithHTTPClient(&http.Client{Transport: mt, Timeout: time.Minute}))
	require.NoError(t, err)
	_, err = c.call(ctx, getUser)
	require.NoError(t, err)
	assert.False(t, sawDeadline.Load())
}

func TestWithoutRateLimit_usesNoLimiter(t *testing.T) {
	t.Parallel()
	c, err := NewClient(WithAPIKey(testKey), WithoutRateLimit())
	require.NoError(t, err)
	assert.Equal(t, unlimited{}, c.limiter)
}

func TestWithLogger_logsRetryWithoutCredential(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c, mux := setup(t, WithLogger(logger))
	var n atomic.Int32
	mux.HandleFunc("GET /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, `[]`)
	})
	q := url.Values{"email": {"someone@example.com"}}
	_, err := c.call(ctx, op{method: http.MethodGet, path: "v1/workspaces/ws1/users", query: q, retrySafe: true})
	require.NoError(t, err)

	var retry map[string]any
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var rec map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &rec))
		if rec["level"] == "WARN" {
			retry = rec
		}
	}
	require.NotNil(t, retry, "no Warn record for the retry in %s", buf.String())
	assert.Equal(t, "GET", retry["method"])
	assert.Equal(t, "/v1/workspaces/ws1/users", retry["path"])
	assert.EqualValues(t, 2, retry["attempt"])
	assert.NotContains(t, buf.String(), testKey)
	assert.NotContains(t, buf.String(), "someone@example.com")
}

func TestNewClientFromEnv(t *testing.T) {
	tests := []struct {
		name       string
		env        map[string]string
		opts       []Option
		header     string
		credential string
		baseURL    string
	}{
		{name: "api key", env: map[string]string{"CLOCKIFY_API_KEY": "env-key"},
			header: "X-Api-Key", credential: "env-key", baseURL: "https://api.clockify.me/api/"},
		{name: "addon token", env: map[string]string{"CLOCKIFY_ADDON_TOKEN": "env-tok"},
			header: "X-Addon-Token", credential: "env-tok", baseURL: "https://api.clockify.me/api/"},
		{name: "region", env: map[string]string{"CLOCKIFY_API_KEY": "env-key", "CLOCKIFY_REGION": "eu"},
			header: "X-Api-Key", credential: "env-key", baseURL: "https://euc1.clockify.me/api/"},
		{name: "base URL", env: map[string]string{"CLOCKIFY_API_KEY": "env-key", "CLOCKIFY_BASE_URL": "http://127.0.0.1:9/api"},
			header: "X-Api-Key", credential: "env-key", baseURL: "http://127.0.0.1:9/api/"},
		{name: "explicit key wins", env: map[string]string{"CLOCKIFY_API_KEY": "env-key"}, opts: []Option{WithAPIKey("opt-key")},
			header: "X-Api-Key", credential: "opt-key", baseURL: "https://api.clockify.me/api/"},
		{name: "explicit addon token wins over env key", env: map[string]string{"CLOCKIFY_API_KEY": "env-key"}, opts: []Option{WithAddonToken("opt-tok")},
			header: "X-Addon-Token", credential: "opt-tok", baseURL: "https://api.clockify.me/api/"},
		{name: "explicit region wins", env: map[string]string{"CLOCKIFY_API_KEY": "env-key", "CLOCKIFY_BASE_URL": "http://127.0.0.1:9/api"}, opts: []Option{WithRegion(RegionUK)},
			header: "X-Api-Key", credential: "env-key", baseURL: "https://euw2.clockify.me/api/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clearClockifyEnv(t)
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			c, err := NewClientFromEnv(tt.opts...)
			require.NoError(t, err)
			assert.Equal(t, tt.baseURL, c.BaseURL())
			h := sentHeaders(t, NewClientFromEnv, tt.opts...)
			assert.Equal(t, tt.credential, h.Get(tt.header))
			assert.Len(t, append(h.Values("X-Api-Key"), h.Values("X-Addon-Token")...), 1)
		})
	}
}

func TestNewClientFromEnv_refusesBadEnvironment(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
	}{
		{"nothing set", nil},
		{"key and addon token", map[string]string{"CLOCKIFY_API_KEY": "k", "CLOCKIFY_ADDON_TOKEN": "t"}},
		{"blank key", map[string]string{"CLOCKIFY_API_KEY": "   "}},
		{"region and base URL", map[string]string{"CLOCKIFY_API_KEY": "k", "CLOCKIFY_REGION": "eu", "CLOCKIFY_BASE_URL": "https://x.test/api"}},
		{"unknown region", map[string]string{"CLOCKIFY_API_KEY": "k", "CLOCKIFY_REGION": "mars"}},
		{"bad base URL", map[string]string{"CLOCKIFY_API_KEY": "k", "CLOCKIFY_BASE_URL": "x.test/api"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clearClockifyEnv(t)
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			c, err := NewClientFromEnv()
			assert.Nil(t, c)
			assert.ErrorIs(t, err, ErrInvalidInput)
		})
	}
}

func clearClockifyEnv(t *testing.T) {
	for _, k := range []string{"CLOCKIFY_API_KEY", "CLOCKIFY_ADDON_TOKEN", "CLOCKIFY_REGION", "CLOCKIFY_BASE_URL"} {
		t.Setenv(k, "")
	}
}

func TestParseRegion(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want Region
	}{
		{"global", RegionGlobal}, {"GLOBAL", RegionGlobal},
		{"euc1", RegionEU}, {"eu", RegionEU}, {" EU ", RegionEU},
		{"use2", RegionUS}, {"us", RegionUS}, {"usa", RegionUS},
		{"euw2", RegionUK}, {"uk", RegionUK}, {"gb", RegionUK},
		{"apse2", RegionAU}, {"au", RegionAU},
	}
	for _, tt := range tests {
		got, err := ParseRegion(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
}

func TestParseRegion_unknown(t *testing.T) {
	t.Parallel()
	_, err := ParseRegion("moon")
	assert.ErrorIs(t, err, ErrInvalidInput)
}

// --- Wire ---

func TestCall_joinsBaseURLAndPath(t *testing.T) {
	t.Parallel()
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	var hit atomic.Bool
	mux.HandleFunc("GET /api/v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		hit.Store(true)
		fmt.Fprint(w, `[]`)
	})
	c, err := NewClient(WithAPIKey(testKey), WithBaseURL(srv.URL+"/api"), WithoutRateLimit())
	require.NoError(t, err)
	_, err = c.call(ctx, op{method: http.MethodGet, path: "v1/workspaces/ws1/users", retrySafe: true})
	require.NoError(t, err)
	assert.True(t, hit.Load())
}

func TestCall_encodesQueryStruct(t *testing.T) {
	t.Parallel()
	type listQuery struct {
		Email        string          `url:"email,omitempty"`
		Name         string          `url:"name,omitempty"`
		IncludeRoles bool            `url:"include-roles"`
		Statuses     []AccountStatus `url:"account-statuses,comma,omitempty"`
		ListOptions
	}
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, url.Values{
			"email":            {"a+b@example.com"},
			"include-roles":    {"false"},
			"account-statuses": {"ACTIVE,LIMITED"},
			"page":             {"2"},
			"page-size":        {"100"},
		}, r.URL.Query())
		fmt.Fprint(w, `[]`)
	})
	q := &listQuery{Email: "a+b@example.com", Statuses: []AccountStatus{AccountActive, AccountLimited},
		ListOptions: ListOptions{Page: 2, PageSize: 100}}
	_, err := client.call(ctx, op{method: http.MethodGet, path: "v1/workspaces/ws1/users", query: q, retrySafe: true})
	require.NoError(t, err)
}

func TestCall_passesURLValues(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("POST /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "send-email=false", r.URL.RawQuery)
		fmt.Fprint(w, `{}`)
	})
	_, err := client.call(ctx, op{method: http.MethodPost, path: "v1/workspaces/ws1/users",
		query: url.Values{"send-email": {"false"}}, body: map[string]string{"email": "a@b.c"}})
	require.NoError(t, err)
}

func TestCall_sendsJSONBody(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("PATCH /v1/workspaces/ws1/member-profile/u1", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
		assert.JSONEq(t, `{"workCapacity":"PT7H30M","workingDays":["MONDAY","FRIDAY"]}`, readBody(t, r))
		fmt.Fprint(w, `{}`)
	})
	body := struct {
		WorkCapacity *Duration   `json:"workCapacity,omitempty"`
		WeekStart    *Weekday    `json:"weekStart,omitempty"`
		WorkingDays  *WeekdaySet `json:"workingDays,omitempty"`
	}{WorkCapacity: Ptr(Hours(7.5)), WorkingDays: Ptr(NewWeekdaySet(Friday, Monday))}
	_, err := client.call(ctx, op{method: http.MethodPatch, path: "v1/workspaces/ws1/member-profile/u1", body: body, retrySafe: true})
	require.NoError(t, err)
}

func TestCall_noBodyNoContentType(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
		assert.Empty(t, r.Header.Get("Content-Type"))
		assert.Empty(t, readBody(t, r))
		fmt.Fprint(w, `{}`)
	})
	_, err := client.call(ctx, getUser)
	require.NoError(t, err)
}

func TestCall_sendsAcceptAndUserAgent(t *testing.T) {
	t.Parallel()
	h := sentHeaders(t, NewClient, WithAPIKey(testKey))
	assert.Equal(t, "application/json", h.Get("Accept"))
	assert.Equal(t, "clockify-go/"+Version, h.Get("User-Agent"))
}

func TestCall_invalidBodyIsValidationErrorBeforeSending(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	var hit atomic.Bool
	mux.HandleFunc("/", func(http.ResponseWriter, *http.Request) { hit.Store(true) })
	body := struct {
		WorkingDays WeekdaySet `json:"workingDays"`
	}{NewWeekdaySet("FUNDAY")}
	_, err := client.call(ctx, op{method: http.MethodPatch, path: "v1/workspaces/ws1/member-profile/u1", body: body, retrySafe: true})
	assert.ErrorIs(t, err, ErrInvalidInput)
	var ve *ValidationError
	assert.ErrorAs(t, err, &ve)
	assert.False(t, hit.Load())
}

func TestCall_nilContextIsValidationError(t *testing.T) {
	t.Parallel()
	client, _ := setup(t)
	var nilCtx context.Context
	_, err := client.call(nilCtx, getUser)
	assert.ErrorIs(t, err, ErrInvalidInput)
}

func TestCall_readsLastPage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		header    string
		last      bool
		knownLast bool
	}{
		{"true", true, true},
		{"false", false, true},
		{"TRUE", true, true},
		{"", false, false},
		{"maybe", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			client, mux := setup(t)
			mux.HandleFunc("GET /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
				if tt.header != "" {
					w.Header().Set("Last-Page", tt.header)
				}
				fmt.Fprint(w, `[]`)
			})
			resp, err := client.call(ctx, op{method: http.MethodGet, path: "v1/workspaces/ws1/users", retrySafe: true, page: 3})
			require.NoError(t, err)
			assert.Equal(t, tt.last, resp.LastPage)
			assert.Equal(t, tt.knownLast, resp.lastPageKnown)
			assert.Equal(t, 3, resp.Page)
		})
	}
}

func TestCall_noContent(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("DELETE /v1/workspaces/ws1/users/u1/roles", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	out := []RoleGrant{{Role: RoleTeamManager}}
	resp, err := client.call(ctx, op{method: http.MethodDelete, path: "v1/workspaces/ws1/users/u1/roles",
		body: map[string]string{"role": "TEAM_MANAGER"}, out: &out, retrySafe: true})
	require.NoError(t, err)
	assert.Equal(t, http.StatusNoContent, resp.StatusCode)
	assert.Equal(t, []RoleGrant{{Role: RoleTeamManager}}, out, "a 204 leaves out untouched")
}

func TestCall_truncatedBodyIsDecodeError(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"id":"u1","email":"a@`)
	})
	var u User
	_, err := client.call(ctx, op{method: http.MethodGet, path: "v1/user", out: &u, retrySafe: true})
	require.Error(t, err)
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	var apiErr *APIError
	assert.False(t, errors.As(err, &apiErr))
}

func TestCall_bodyCutShortOfContentLengthIsError(t *testing.T) {
	t.Parallel()
	c, mt := setupMock(t)
	mt.RegisterResponder(http.MethodGet, userURL, func(*http.Request) (*http.Response, error) {
		r := httpmock.NewStringResponse(200, `{"id":"u1","email":"a@b.c"}`)
		r.Body = io.NopCloser(io.MultiReader(strings.NewReader(`{"id":"u1",`), iotest.ErrReader(io.ErrUnexpectedEOF)))
		return r, nil
	})
	var u User
	_, err := c.call(ctx, op{method: http.MethodGet, path: "v1/user", out: &u, retrySafe: true})
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
}

func TestCall_ignoresUnknownFields(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"id":"u1","brandNewField":{"x":[1,2]},"status":"SOMETHING_NEW","settings":{"weekStart":"MONDAY","newSetting":true}}`)
	})
	var u User
	_, err := client.call(ctx, op{method: http.MethodGet, path: "v1/user", out: &u, retrySafe: true})
	require.NoError(t, err)
	assert.Equal(t, "u1", u.ID)
	assert.Equal(t, AccountStatus("SOMETHING_NEW"), u.Status)
	assert.Equal(t, Monday, u.Settings.WeekStart)
}

func TestCall_errorBodyIsAPIError(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(400)
		fmt.Fprint(w, `{"message":"User doesn't belong to Workspace","code":501}`)
	})
	_, err := client.call(ctx, op{method: http.MethodGet, path: "v1/workspaces/ws1/users", retrySafe: true})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)
	assert.Equal(t, 501, apiErr.Code)
	assert.Equal(t, "GET", apiErr.Method)
	assert.Equal(t, "/v1/workspaces/ws1/users", apiErr.Path)
	assert.ErrorIs(t, err, ErrNotFound)
}

// --- Retries ---

func TestCall_retries429ThenSucceeds(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	var n atomic.Int32
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		fmt.Fprint(w, `{"id":"u1"}`)
	})
	var u User
	_, err := client.call(ctx, op{method: http.MethodGet, path: "v1/user", out: &u, retrySafe: true})
	require.NoError(t, err)
	assert.Equal(t, "u1", u.ID)
	assert.EqualValues(t, 2, n.Load())
}

func TestCall_retries429EvenWhenNotRetrySafe(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	var n atomic.Int32
	mux.HandleFunc("POST /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		assert.JSONEq(t, `{"email":"a@b.c"}`, readBody(t, r), "the body is sent again on the retry")
		if n.Add(1) == 1 {
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		fmt.Fprint(w, `{}`)
	})
	_, err := client.call(ctx, op{method: http.MethodPost, path: "v1/workspaces/ws1/users", body: map[string]string{"email": "a@b.c"}})
	require.NoError(t, err)
	assert.EqualValues(t, 2, n.Load())
}

func TestCall_retriesGatewayErrorsOnlyWhenSafe(t *testing.T) {
	t.Parallel()
	for _, status := range []int{http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout} {
		for _, safe := range []bool{true, false} {
			t.Run(fmt.Sprintf("%d safe=%v", status, safe), func(t *testing.T) {
				client, mux := setup(t)
				var n atomic.Int32
				mux.HandleFunc("POST /v1/x", func(w http.ResponseWriter, r *http.Request) {
					n.Add(1)
					w.WriteHeader(status)
				})
				_, err := client.call(ctx, op{method: http.MethodPost, path: "v1/x", body: map[string]int{"a": 1}, retrySafe: safe})
				var apiErr *APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, status, apiErr.StatusCode)
				assert.ErrorIs(t, err, ErrServer)
				want := int32(1)
				if safe {
					want = 3 // setup allows two retries
				}
				assert.Equal(t, want, n.Load())
			})
		}
	}
}

func TestCall_neverRetriesClientErrors(t *testing.T) {
	t.Parallel()
	for _, status := range []int{400, 401, 403, 404, 405, 409, 422} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			client, mux := setup(t)
			var n atomic.Int32
			mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
				n.Add(1)
				w.WriteHeader(status)
				fmt.Fprint(w, `{"message":"no","code":3000}`)
			})
			_, err := client.call(ctx, getUser)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, status, apiErr.StatusCode)
			assert.EqualValues(t, 1, n.Load())
		})
	}
}

func TestCall_retriesExhaustedOn429(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	var n atomic.Int32
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusTooManyRequests)
		fmt.Fprint(w, `{"message":"Too many requests","code":429}`)
	})
	resp, err := client.call(ctx, getUser)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusTooManyRequests, apiErr.StatusCode)
	assert.Equal(t, time.Second, apiErr.RetryAfter)
	assert.Equal(t, "Too many requests", apiErr.Message)
	assert.ErrorIs(t, err, ErrRateLimited)
	assert.EqualValues(t, 3, n.Load())
	require.NotNil(t, resp)
	assert.Equal(t, http.StatusTooManyRequests, resp.StatusCode)
}

func TestCall_retriesTransportErrorBeforeSendingEvenWhenNotSafe(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.NotFoundHandler())
	srv.Close() // nothing listens there now: every dial is refused
	rt := httpmock.NewMockTransport()
	rt.RegisterNoResponder(http.DefaultTransport.RoundTrip) // counts the attempts
	client, err := NewClient(WithAPIKey(testKey), WithBaseURL(srv.URL), WithHTTPClient(&http.Client{Transport: rt}),
		WithoutRateLimit(), fastRetry)
	require.NoError(t, err)
	_, err = client.call(ctx, op{method: http.MethodPost, path: "v1/workspaces/ws1/users", body: map[string]string{"email": "a@b.c"}})
	require.Error(t, err)
	assert.ErrorIs(t, err, syscall.ECONNREFUSED)
	assert.Equal(t, 3, rt.GetTotalCallCount())
}

// resetAfterRead is a server that reads each request and then drops the connection without
// answering: the request reached the server, which may have acted on it.
func resetAfterRead(t *testing.T, n *atomic.Int32) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		_, _ = io.Copy(io.Discard, r.Body)
		conn, _, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		if tc, ok := conn.(*net.TCPConn); ok {
			_ = tc.SetLinger(0) // RST rather than FIN
		}
		conn.Close()
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestCall_connectionResetAfterWrite(t *testing.T) {
	t.Parallel()
	for _, safe := range []bool{true, false} {
		t.Run(fmt.Sprintf("safe=%v", safe), func(t *testing.T) {
			var n atomic.Int32
			srv := resetAfterRead(t, &n)
			client, err := NewClient(WithAPIKey(testKey), WithBaseURL(srv.URL), WithoutRateLimit(), fastRetry)
			require.NoError(t, err)
			_, err = client.call(ctx, op{method: http.MethodPost, path: "v1/workspaces/ws1/users",
				body: map[string]string{"email": "a@b.c"}, retrySafe: safe})
			require.Error(t, err)
			var apiErr *APIError
			assert.False(t, errors.As(err, &apiErr))
			want := int32(1)
			if safe {
				want = 3
			}
			assert.Equal(t, want, n.Load())
		})
	}
}

// The same decision with the transport mocked: a transport error after the request's headers
// were written (as the trace reports) is retried only for retry-safe calls; one before is
// always retried.
func TestCall_transportErrorRetryDependsOnWrite(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		wrote bool
		safe  bool
		calls int
	}{
		{"before write, not safe", false, false, 3},
		{"before write, safe", false, true, 3},
		{"after write, not safe", true, false, 1},
		{"after write, safe", true, true, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt := setupMock(t)
			mt.RegisterResponder(http.MethodPost, DefaultBaseURL+"/v1/workspaces/ws1/users", func(r *http.Request) (*http.Response, error) {
				// net/http reports the write to the trace hook, which only calls that are not
				// retry-safe carry (for the others, it does not matter).
				if tr := httptrace.ContextClientTrace(r.Context()); tt.wrote && tr != nil {
					tr.WroteHeaders()
				}
				return nil, &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
			})
			_, err := c.call(ctx, op{method: http.MethodPost, path: "v1/workspaces/ws1/users",
				body: map[string]string{"email": "a@b.c"}, retrySafe: tt.safe})
			assert.ErrorIs(t, err, syscall.ECONNRESET)
			assert.Equal(t, tt.calls, mt.GetTotalCallCount())
		})
	}
}

func TestCall_doesNotRetryTooManyRedirects(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	var n atomic.Int32
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		http.Redirect(w, r, apiPrefix+"/v1/user", http.StatusFound)
	})
	_, err := client.call(ctx, getUser)
	require.Error(t, err)
	assert.EqualValues(t, 10, n.Load(), "one attempt of ten redirects, not three")
}

func TestCall_doesNotRetryUntrustedCertificate(t *testing.T) {
	t.Parallel()
	srv := httptest.NewTLSServer(http.NotFoundHandler())
	t.Cleanup(srv.Close)
	rt := httpmock.NewMockTransport()
	rt.RegisterNoResponder(http.DefaultTransport.RoundTrip) // does not trust the test server's certificate
	client, err := NewClient(WithAPIKey(testKey), WithBaseURL(srv.URL), WithHTTPClient(&http.Client{Transport: rt}),
		WithoutRateLimit(), fastRetry)
	require.NoError(t, err)
	_, err = client.call(ctx, getUser)
	var certErr *tls.CertificateVerificationError
	assert.ErrorAs(t, err, &certErr)
	assert.Equal(t, 1, rt.GetTotalCallCount())
}

func TestCall_cancelDuringBackoffReturnsCanceled(t *testing.T) {
	t.Parallel()
	client, mux := setup(t, WithRetry(RetryPolicy{MaxRetries: 3, MinWait: time.Hour, MaxWait: time.Hour}))
	var n atomic.Int32
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	client.hc.Backoff = func(min, max time.Duration, attempt int, resp *http.Response) time.Duration {
		cancel() // the wait that follows is an hour long; only the cancellation can end it
		return backoff(min, max, attempt, resp)
	}
	_, err := client.call(cctx, getUser)
	assert.ErrorIs(t, err, context.Canceled)
	assert.EqualValues(t, 1, n.Load())
}

func TestCall_deadlineDuringBackoffReturnsDeadlineExceeded(t *testing.T) {
	t.Parallel()
	client, mux := setup(t, WithRetry(RetryPolicy{MaxRetries: 3, MinWait: time.Hour, MaxWait: time.Hour}))
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusTooManyRequests) // no Retry-After: the backoff itself is an hour
	})
	dctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	_, err := client.call(dctx, getUser)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}

func TestCall_canceledContextSendsNothing(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	var hit atomic.Bool
	mux.HandleFunc("/", func(http.ResponseWriter, *http.Request) { hit.Store(true) })
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	_, err := client.call(cctx, getUser)
	assert.ErrorIs(t, err, context.Canceled)
	assert.False(t, hit.Load())
}

func TestBackoff_honoursRetryAfterSecondsUpToMax(t *testing.T) {
	t.Parallel()
	tests := []struct {
		status int
		max    time.Duration
		want   time.Duration
	}{
		{http.StatusTooManyRequests, 30 * time.Second, time.Second},
		{http.StatusTooManyRequests, 300 * time.Millisecond, 300 * time.Millisecond},
		{http.StatusServiceUnavailable, 30 * time.Second, time.Second},
	}
	for _, tt := range tests {
		resp := &http.Response{StatusCode: tt.status, Header: http.Header{"Retry-After": {"1"}}}
		assert.Equal(t, tt.want, backoff(100*time.Millisecond, tt.max, 0, resp))
	}
}

// The date arithmetic itself is TestParseRetryAfter's, with a fixed now; backoff reads the
// clock, so here the bounds are minutes wide and only show that the date is honoured and capped.
func TestBackoff_honoursRetryAfterDateUpToMax(t *testing.T) {
	t.Parallel()
	at := time.Now().Add(10 * time.Minute).UTC().Format(http.TimeFormat)
	resp := &http.Response{StatusCode: http.StatusTooManyRequests, Header: http.Header{"Retry-After": {at}}}

	got := backoff(100*time.Millisecond, time.Hour, 0, resp)
	assert.Greater(t, got, 5*time.Minute, "the date is honoured, not the exponential backoff")
	assert.LessOrEqual(t, got, 10*time.Minute)

	assert.Equal(t, 2*time.Second, backoff(100*time.Millisecond, 2*time.Second, 0, resp), "capped at max")
}

func TestBackoff_ignoresRetryAfterOnOtherStatuses(t *testing.T) {
	t.Parallel()
	resp := &http.Response{StatusCode: http.StatusBadGateway, Header: http.Header{"Retry-After": {"20"}}}
	assert.Equal(t, 100*time.Millisecond, backoff(100*time.Millisecond, time.Minute, 0, resp))
}

func TestBackoff_unreadableOrPastRetryAfterFallsBackToExponential(t *testing.T) {
	t.Parallel()
	for _, v := range []string{"soon", "-5", "0", time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat)} {
		resp := &http.Response{StatusCode: http.StatusTooManyRequests, Header: http.Header{"Retry-After": {v}}}
		assert.Equal(t, 100*time.Millisecond, backoff(100*time.Millisecond, time.Minute, 0, resp), v)
	}
}

func TestBackoff_exponentialWithJitterWithinBounds(t *testing.T) {
	t.Parallel()
	min, max := 100*time.Millisecond, 2*time.Second
	tests := []struct {
		attempt int
		ceil    time.Duration
	}{
		{0, 100 * time.Millisecond},
		{1, 200 * time.Millisecond},
		{2, 400 * time.Millisecond},
		{3, 800 * time.Millisecond},
		{4, 1600 * time.Millisecond},
		{5, 2 * time.Second},
		{60, 2 * time.Second},
	}
	for _, tt := range tests {
		for range 200 {
			got := backoff(min, max, tt.attempt, nil)
			require.GreaterOrEqual(t, got, min, "attempt %d", tt.attempt)
			require.LessOrEqual(t, got, tt.ceil, "attempt %d", tt.attempt)
		}
	}
}

func TestBackoff_zeroMinWaitStillWaits(t *testing.T) {
	t.Parallel()
	var waited bool
	for range 100 {
		got := backoff(0, 10*time.Second, 3, nil)
		require.GreaterOrEqual(t, got, time.Duration(0))
		require.LessOrEqual(t, got, 10*time.Second)
		waited = waited || got > 0
	}
	assert.True(t, waited, "MinWait 0 must not mean every retry is immediate")
}

// Doubling the ceiling towards a huge MaxWait used to overflow to zero, collapsing every wait
// to MinWait.
func TestBackoff_hugeMaxDoesNotOverflow(t *testing.T) {
	t.Parallel()
	for _, attempt := range []int{40, 63, 64, 1000} {
		var long bool
		for range 20 {
			got := backoff(time.Second, time.Duration(math.MaxInt64), attempt, nil)
			require.GreaterOrEqual(t, got, time.Second, "attempt %d", attempt)
			long = long || got > time.Hour
		}
		assert.True(t, long, "attempt %d never waited longer than MinWait's neighbourhood", attempt)
	}
}

func TestBackoff_zeroPolicyIsZero(t *testing.T) {
	t.Parallel()
	assert.Equal(t, time.Duration(0), backoff(0, 0, 3, nil))
}

// --- Rate limiter ---

func TestRateLimiter_sharedByConcurrentCalls(t *testing.T) {
	t.Parallel()
	lim := &countingLimiter{}
	client, mux := setup(t, WithRateLimiter(lim))
	var served atomic.Int32
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
		served.Add(1)
		fmt.Fprint(w, `{}`)
	})
	const calls = 20
	var wg sync.WaitGroup
	for range calls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := client.call(ctx, getUser)
			assert.NoError(t, err)
		}()
	}
	wg.Wait()
	assert.EqualValues(t, calls, served.Load())
	assert.EqualValues(t, calls, lim.n.Load())
}

func TestRateLimiter_canceledWaitSendsNothing(t *testing.T) {
	t.Parallel()
	cctx, cancel := context.WithCancel(ctx)
	blocking := limiterFunc(func(ctx context.Context) error {
		cancel() // the caller gives up while the limiter holds the call back
		<-ctx.Done()
		return ctx.Err()
	})
	client, mux := setup(t, WithRateLimiter(blocking))
	var hit atomic.Bool
	mux.HandleFunc("/", func(http.ResponseWriter, *http.Request) { hit.Store(true) })
	_, err := client.call(cctx, getUser)
	assert.ErrorIs(t, err, context.Canceled)
	assert.False(t, hit.Load())
}

func TestRateLimiter_errorIsNotRetried(t *testing.T) {
	t.Parallel()
	limErr := errors.New("limiter broke")
	var waits atomic.Int32
	lim := limiterFunc(func(ctx context.Context) error {
		if waits.Add(1) > 1 {
			return limErr
		}
		return nil
	})
	client, mux := setup(t, WithRateLimiter(lim))
	var n atomic.Int32
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	_, err := client.call(ctx, getUser)
	assert.ErrorIs(t, err, limErr)
	assert.EqualValues(t, 1, n.Load(), "the retry is refused by the limiter before sending")
	assert.EqualValues(t, 2, waits.Load(), "and the limiter is not asked again")
}

func TestRateLimiter_wouldExceedDeadlineSendsNothing(t *testing.T) {
	t.Parallel()
	lim := rate.NewLimiter(rate.Every(time.Hour), 1)
	require.True(t, lim.Allow()) // the only token is gone; the next comes in an hour
	client, mux := setup(t, WithRateLimiter(lim))
	var hit atomic.Bool
	mux.HandleFunc("/", func(http.ResponseWriter, *http.Request) { hit.Store(true) })
	dctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	_, err := client.call(dctx, getUser)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "rate limiter")
	assert.False(t, hit.Load())
}

// --- Credential safety ---

func TestClient_formattingHidesCredential(t *testing.T) {
	t.Parallel()
	for _, opt := range []Option{WithAPIKey(testKey), WithAddonToken(testKey)} {
		c, err := NewClient(opt, WithLogger(slog.New(slog.DiscardHandler)))
		require.NoError(t, err)
		cred := c.cred.Load()
		out := fmt.Sprintf("%v %+v %#v %s %q %x %X %d", c, c, c, c, c, c, c, c) +
			fmt.Sprintf("%v %+v %#v %s %q %x", cred, cred, cred, cred, cred, cred) +
			fmt.Sprintf("%v %+v %#v", c.hc, c.hc.HTTPClient, c.hc.HTTPClient.Transport) +
			fmt.Sprint(c.Members, c.Profiles, c.Roles, c.APIKeys)
		assert.NotContains(t, out, testKey)
		assert.NotContains(t, out, hex.EncodeToString([]byte(testKey)))
		assert.NotContains(t, strings.ToLower(out), strings.ToLower(hex.EncodeToString([]byte(testKey))))
		assert.Contains(t, fmt.Sprint(c), Fingerprint(testKey))

		var buf bytes.Buffer
		slog.New(slog.NewJSONHandler(&buf, nil)).Info("client", "client", c, "credential", cred)
		assert.NotContains(t, buf.String(), testKey)
	}
}

func TestCall_errorsHideCredential(t *testing.T) {
	t.Parallel()
	t.Run("401 echoing the key", func(t *testing.T) {
		client, mux := setup(t)
		mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprintf(w, `{"message":"Api key %s does not exist","code":4003}`, r.Header.Get("X-Api-Key"))
		})
		_, err := client.call(ctx, getUser)
		assert.ErrorIs(t, err, ErrInvalidAPIKey)
		assert.NotContains(t, err.Error(), testKey)
		assert.NotContains(t, fmt.Sprintf("%+v %#v", err, err), testKey)
	})
	t.Run("non-JSON body echoing the key", func(t *testing.T) {
		client, mux := setup(t)
		mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprintf(w, "<html>bad header X-Api-Key: %s</html>", r.Header.Get("X-Api-Key"))
		})
		_, err := client.call(ctx, getUser)
		require.Error(t, err)
		assert.NotContains(t, err.Error(), testKey)
	})
	t.Run("transport error", func(t *testing.T) {
		srv := httptest.NewServer(http.NotFoundHandler())
		srv.Close()
		client, err := NewClient(WithAPIKey(testKey), WithBaseURL(srv.URL), WithoutRetry(), WithoutRateLimit())
		require.NoError(t, err)
		_, err = client.call(ctx, getUser)
		require.Error(t, err)
		assert.NotContains(t, err.Error(), testKey)
	})
	t.Run("validation", func(t *testing.T) {
		_, err := NewClient(WithAPIKey(testKey), WithAddonToken(testKey))
		require.Error(t, err)
		assert.NotContains(t, err.Error(), testKey)
	})
	t.Run("decode", func(t *testing.T) {
		client, mux := setup(t)
		mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, `{"id": %s`, r.Header.Get("X-Api-Key"))
		})
		var u User
		_, err := client.call(ctx, op{method: http.MethodGet, path: "v1/user", out: &u, retrySafe: true})
		require.Error(t, err)
		assert.NotContains(t, err.Error(), testKey)
	})
}

func TestCall_responseRequestHidesCredential(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, `{}`) })
	resp, err := client.call(ctx, getUser)
	require.NoError(t, err)
	require.NotNil(t, resp.Request)
	assert.Empty(t, resp.Request.Header.Get("X-Api-Key"))
	assert.NotContains(t, fmt.Sprintf("%+v %#v", resp.Request, resp.Request), testKey)
}

func TestRedirect_toAnotherHostIsRefused(t *testing.T) {
	t.Parallel()
	creds := map[string]Option{"api key": WithAPIKey(testKey), "addon token": WithAddonToken(testKey)}
	for name, opt := range creds {
		for _, status := range []int{http.StatusFound, http.StatusTemporaryRedirect} {
			t.Run(fmt.Sprint(name, " ", status), func(t *testing.T) {
				var hits atomic.Int32
				other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					hits.Add(1)
					fmt.Fprint(w, `{}`)
				}))
				t.Cleanup(other.Close)
				first := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					http.Redirect(w, r, other.URL+"/elsewhere", status)
				}))
				t.Cleanup(first.Close)
				client, err := NewClient(opt, WithBaseURL(first.URL), WithoutRateLimit())
				require.NoError(t, err)
				_, err = client.call(ctx, getUser)
				require.ErrorIs(t, err, ErrRedirectElsewhere)
				assert.NotContains(t, err.Error(), testKey)
				assert.Zero(t, hits.Load(), "the other host received nothing")
			})
		}
	}
}

func TestRedirect_sameHostKeepsCredentialAndBody(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("POST /v1/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, apiPrefix+"/v1/new", http.StatusTemporaryRedirect)
	})
	var hit atomic.Bool
	mux.HandleFunc("POST /v1/new", func(w http.ResponseWriter, r *http.Request) {
		hit.Store(true)
		assert.Equal(t, testKey, r.Header.Get("X-Api-Key"))
		assert.JSONEq(t, `{"a":1}`, readBody(t, r))
		fmt.Fprint(w, `{}`)
	})
	_, err := client.call(ctx, op{method: http.MethodPost, path: "v1/old", body: map[string]int{"a": 1}})
	require.NoError(t, err)
	assert.True(t, hit.Load())
}

func TestSetAPIKey_nextRequestsCarryNewKey(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	var got []string
	var mu sync.Mutex
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = append(got, r.Header.Get("X-Api-Key"))
		mu.Unlock()
		fmt.Fprint(w, `{}`)
	})
	_, err := client.call(ctx, getUser)
	require.NoError(t, err)
	client.setAPIKey("rotated-key", "")
	_, err = client.call(ctx, getUser)
	require.NoError(t, err)
	assert.Equal(t, []string{testKey, "rotated-key"}, got)
	assert.Contains(t, client.String(), Fingerprint("rotated-key"))
}

// Requests racing a swap carry the old or the new key, whole, and exactly one of them.
func TestSetAPIKey_concurrentWithCalls(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
		if k := r.Header.Values("X-Api-Key"); len(k) != 1 || (k[0] != testKey && k[0] != "rotated-key") {
			t.Errorf("X-Api-Key %q", k)
		}
		fmt.Fprint(w, `{}`)
	})
	var wg sync.WaitGroup
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				_, err := client.call(ctx, getUser)
				assert.NoError(t, err)
			}
		}()
	}
	client.setAPIKey("rotated-key", "")
	wg.Wait()
}

func TestFingerprint(t *testing.T) {
	t.Parallel()
	fp := Fingerprint(testKey)
	assert.Equal(t, fp, Fingerprint(testKey), "stable")
	assert.LessOrEqual(t, len(fp), 16, "short")
	assert.NotEqual(t, fp, Fingerprint(testKey+"x"), "differs by key")
	assert.NotEqual(t, Fingerprint("a"), Fingerprint("b"))
	assert.NotContains(t, fp, testKey)
	digest := strings.TrimPrefix(fp, "fp:")
	assert.NotContains(t, testKey, digest)
	assert.False(t, strings.HasPrefix(testKey, digest))
	// A short key must not show through either.
	assert.NotContains(t, Fingerprint("abc"), "abc")
}

// --- Pagination ---

type item struct{ ID string }

func itemID(it *item) string { return it.ID }

func items(ids ...string) []*item {
	out := make([]*item, len(ids))
	for i, id := range ids {
		out[i] = &item{ID: id}
	}
	return out
}

// pageSource serves fixed pages; lastPage nil means no Last-Page header.
type pageSource struct {
	pages    [][]*item
	lastPage []*bool
	fetches  int
	err      error
	errPage  int
}

func (p *pageSource) fetch(_ context.Context, page int) ([]*item, *Response, error) {
	p.fetches++
	if page == p.errPage {
		return nil, nil, p.err
	}
	if page > len(p.pages) {
		return nil, &Response{Page: page}, nil
	}
	resp := &Response{Page: page}
	if page <= len(p.lastPage) && p.lastPage[page-1] != nil {
		resp.LastPage, resp.lastPageKnown = *p.lastPage[page-1], true
	}
	return p.pages[page-1], resp, nil
}

func collect(t *testing.T, seq func(func(*item, error) bool)) ([]string, error) {
	t.Helper()
	var ids []string
	for it, err := range seq {
		if err != nil {
			return ids, err
		}
		ids = append(ids, it.ID)
	}
	return ids, nil
}

func TestPages_stopsOnLastPageHeader(t *testing.T) {
	t.Parallel()
	src := &pageSource{
		pages:    [][]*item{items("a", "b"), items("c", "d"), items("e", "f")},
		lastPage: []*bool{Ptr(false), Ptr(true)},
	}
	ids, err := collect(t, pages(ctx, 2, itemID, src.fetch))
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b", "c", "d"}, ids)
	assert.Equal(t, 2, src.fetches)
}

func TestPages_headerSaysMoreAfterShortPage(t *testing.T) {
	t.Parallel()
	src := &pageSource{
		pages:    [][]*item{items("a"), items("b")},
		lastPage: []*bool{Ptr(false), Ptr(true)},
	}
	ids, err := collect(t, pages(ctx, 2, itemID, src.fetch))
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b"}, ids)
}

func TestPages_withoutHeaderStopsOnShortPage(t *testing.T) {
	t.Parallel()
	src := &pageSource{pages: [][]*item{items("a", "b"), items("c")}}
	ids, err := collect(t, pages(ctx, 2, itemID, src.fetch))
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b", "c"}, ids)
	assert.Equal(t, 2, src.fetches)
}

func TestPages_stopsOnEmptyPage(t *testing.T) {
	t.Parallel()
	src := &pageSource{pages: [][]*item{items("a", "b"), {}}, lastPage: []*bool{Ptr(false), Ptr(false)}}
	ids, err := collect(t, pages(ctx, 2, itemID, src.fetch))
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b"}, ids)
	assert.Equal(t, 2, src.fetches)
}

func TestPages_zeroPageSizeMeansClockifyDefault(t *testing.T) {
	t.Parallel()
	src := &pageSource{pages: [][]*item{items("a", "b", "c")}}
	ids, err := collect(t, pages(ctx, 0, itemID, src.fetch))
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b", "c"}, ids)
	assert.Equal(t, 1, src.fetches, "3 items is a short page of Clockify's default 50")
}

func TestPages_detectsRepeatedPage(t *testing.T) {
	t.Parallel()
	src := &pageSource{pages: [][]*item{items("a", "b"), items("a", "b"), items("a", "b")}}
	ids, err := collect(t, pages(ctx, 2, itemID, src.fetch))
	assert.ErrorIs(t, err, ErrPageRepeated)
	assert.Equal(t, []string{"a", "b"}, ids)
	assert.Equal(t, 2, src.fetches)
}

func TestPages_stopsFetchingWhenLoopBreaks(t *testing.T) {
	t.Parallel()
	src := &pageSource{pages: [][]*item{items("a", "b"), items("c", "d")}}
	for it, err := range pages(ctx, 2, itemID, src.fetch) {
		require.NoError(t, err)
		if it.ID == "a" {
			break
		}
	}
	assert.Equal(t, 1, src.fetches)
}

func TestPages_propagatesFetchError(t *testing.T) {
	t.Parallel()
	boom := errors.New("boom")
	src := &pageSource{pages: [][]*item{items("a", "b"), items("c", "d")}, err: boom, errPage: 2}
	ids, err := collect(t, pages(ctx, 2, itemID, src.fetch))
	assert.ErrorIs(t, err, boom)
	assert.Equal(t, []string{"a", "b"}, ids)
}

func TestPages_respectsCanceledContext(t *testing.T) {
	t.Parallel()
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	src := &pageSource{pages: [][]*item{items("a", "b")}}
	_, err := collect(t, pages(cctx, 2, itemID, src.fetch))
	assert.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, 0, src.fetches)
}

func TestPages_stopsWhenContextCanceledBetweenPages(t *testing.T) {
	t.Parallel()
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	src := &pageSource{pages: [][]*item{items("a", "b"), items("c", "d")}}
	var ids []string
	var gotErr error
	for it, err := range pages(cctx, 2, itemID, src.fetch) {
		if err != nil {
			gotErr = err
			break
		}
		ids = append(ids, it.ID)
		cancel()
	}
	assert.ErrorIs(t, gotErr, context.Canceled)
	assert.Equal(t, []string{"a", "b"}, ids)
	assert.Equal(t, 1, src.fetches)
}

// pages over a real server: Last-Page comes from the header through call.
func TestPages_overCallReadsLastPageHeader(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	var n atomic.Int32
	mux.HandleFunc("GET /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		assert.Equal(t, "2", r.URL.Query().Get("page-size"))
		switch r.URL.Query().Get("page") {
		case "1":
			w.Header().Set("Last-Page", "false")
			fmt.Fprint(w, `[{"id":"u1"},{"id":"u2"}]`)
		case "2":
			w.Header().Set("Last-Page", "true")
			fmt.Fprint(w, `[{"id":"u3"},{"id":"u4"}]`)
		default:
			t.Errorf("page %s fetched after Last-Page: true", r.URL.Query().Get("page"))
		}
	})
	fetch := func(ctx context.Context, page int) ([]*User, *Response, error) {
		var us []*User
		resp, err := client.call(ctx, op{method: http.MethodGet, path: "v1/workspaces/ws1/users",
			query: &ListOptions{Page: page, PageSize: 2}, out: &us, retrySafe: true, page: page})
		return us, resp, err
	}
	var ids []string
	for u, err := range pages(ctx, 2, func(u *User) string { return u.ID }, fetch) {
		require.NoError(t, err)
		ids = append(ids, u.ID)
	}
	assert.Equal(t, []string{"u1", "u2", "u3", "u4"}, ids)
	assert.EqualValues(t, 2, n.Load())
}

func TestListOptions_validate(t *testing.T) {
	t.Parallel()
	assert.NoError(t, (*ListOptions)(nil).validate())
	assert.NoError(t, (&ListOptions{}).validate())
	assert.NoError(t, (&ListOptions{Page: 3, PageSize: MaxPageSize}).validate())
	assert.ErrorIs(t, (&ListOptions{Page: -1}).validate(), ErrInvalidInput)
	assert.ErrorIs(t, (&ListOptions{PageSize: MaxPageSize + 1}).validate(), ErrInvalidInput)
	assert.ErrorIs(t, (&ListOptions{PageSize: -1}).validate(), ErrInvalidInput)
}

// --- Benchmarks ---

// BenchmarkCall measures the client's per-call overhead over loopback; compare with
// BenchmarkCall_plainNetHTTP, the same call written by hand.
func BenchmarkCall(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"id":"u1","email":"a@b.c","name":"A","settings":null}`)
	}))
	defer srv.Close()
	c, err := NewClient(WithAPIKey(testKey), WithBaseURL(srv.URL), WithoutRateLimit())
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		var u User
		if _, err := c.call(ctx, op{method: http.MethodGet, path: "v1/user", out: &u, retrySafe: true}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCall_plainNetHTTP(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"id":"u1","email":"a@b.c","name":"A","settings":null}`)
	}))
	defer srv.Close()
	hc := &http.Client{}
	b.ReportAllocs()
	for b.Loop() {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/v1/user", nil)
		req.Header.Set("X-Api-Key", testKey)
		resp, err := hc.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		var u User
		if err := json.NewDecoder(resp.Body).Decode(&u); err != nil {
			b.Fatal(err)
		}
		resp.Body.Close()
	}
}

// BenchmarkPages_10000 iterates 10,000 items in pages of 500; allocations per op stay those
// of one page at a time.
func BenchmarkPages_10000(b *testing.B) {
	page := make([]*item, 500)
	fetch := func(_ context.Context, n int) ([]*item, *Response, error) {
		for i := range page {
			page[i] = &item{ID: fmt.Sprint(n, "-", i)}
		}
		return page, &Response{Page: n, LastPage: n == 20, lastPageKnown: true}, nil
	}
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range pages(ctx, 500, itemID, fetch) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 10000 {
			b.Fatalf("got %d items", n)
		}
	}
}

func TestCheckRetry_finalAnswerStandsAfterCancel(t *testing.T) {
	t.Parallel()
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	for _, code := range []int{200, 201, 204, 400, 403} {
		retry, err := checkRetry(cctx, &http.Response{StatusCode: code}, nil)
		assert.False(t, retry, "status %d", code)
		assert.NoError(t, err, "status %d: the server answered, so the answer is the result", code)
	}
	retry, err := checkRetry(cctx, &http.Response{StatusCode: 503}, nil)
	assert.False(t, retry)
	assert.ErrorIs(t, err, context.Canceled)
}

func TestRetry_retryAfterBeyondDeadlineReturnsAtOnce(t *testing.T) {
	t.Parallel()
	client, mux := setup(t, WithRetry(RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: time.Hour}))
	var calls atomic.Int32
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusTooManyRequests)
		fmt.Fprint(w, `{"message":"Too many requests","code":429}`)
	})
	dctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	_, err := client.call(dctx, op{method: http.MethodGet, path: "v1/user", retrySafe: true})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr, "the 429 comes back instead of a wait past the deadline")
	assert.ErrorIs(t, err, ErrRateLimited)
	assert.Equal(t, time.Hour, apiErr.RetryAfter)
	assert.NoError(t, dctx.Err(), "returned before the deadline")
	assert.Equal(t, int32(1), calls.Load())
}

func TestWithAPIKey_refusesKeysThatCannotBeHeaders(t *testing.T) {
	for _, key := range []string{"abc\n", "abc\r", " abc", "ab c", "abc\x00"} {
		_, err := NewClient(WithAPIKey(key))
		assert.ErrorIs(t, err, ErrInvalidInput, "%q", key)
		_, err = NewClient(WithAddonToken(key))
		assert.ErrorIs(t, err, ErrInvalidInput, "%q", key)
	}
	t.Setenv("CLOCKIFY_API_KEY", "abc\n")
	_, err := NewClientFromEnv()
	assert.ErrorIs(t, err, ErrInvalidInput, "a key read with its trailing newline")
}

func TestCall_errorBodyEchoingAnOverrideCredentialIsRedacted(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	const other = "other-key-0a1b2c3d4e5f"
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprintf(w, `{"message":"bad header X-Api-Key=%s","code":3000}`, r.Header.Get("X-Api-Key"))
	})
	_, err := client.call(ctx, op{method: http.MethodGet, path: "v1/user", retrySafe: true,
		cred: &credential{header: apiKeyHeader, secret: other}})
	require.Error(t, err)
	assert.NotContains(t, err.Error(), other)
	assert.Contains(t, err.Error(), Fingerprint(other))
}

func TestCall_limiterWaitBeyondDeadlineIsDeadlineExceeded(t *testing.T) {
	t.Parallel()
	client, mux := setup(t, WithRateLimit(1.0/3600, 1))
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, `{}`) })
	_, err := client.call(ctx, op{method: http.MethodGet, path: "v1/user", retrySafe: true}) // takes the one token
	require.NoError(t, err)
	dctx, cancel := context.WithTimeout(ctx, 30*time.Minute) // the next token comes in an hour
	defer cancel()
	_, err = client.call(dctx, op{method: http.MethodGet, path: "v1/user", retrySafe: true})
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.NoError(t, dctx.Err(), "refused at once, not after waiting")
}
