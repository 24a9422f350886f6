package clockify

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/go-querystring/query"
	"github.com/hashicorp/go-retryablehttp"
)

// Version is this SDK's version, sent in the User-Agent header.
const Version = "0.1.0"

const (
	defaultUserAgent = "clockify-go/" + Version
	maxErrorBody     = 64 << 10
)

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
	Webhooks   *WebhooksService

	common    service
	base      *url.URL      // the API root, ending in "/"
	baseURL   string        // base.String(), made once
	reqHost   string        // base.Host as requests carry it (see requestHost)
	timeout   time.Duration // each attempt's limit, applied by authTransport (0: none)
	deadlines sharedDeadlines
	cred      atomic.Pointer[credential]
	headerSet atomic.Pointer[sharedHeaderSet] // the usual request headers with cred (transport.go)
	rotateMu  sync.Mutex                      // one APIKeys.Rotate at a time; requests never take it
	admins    adminCache                      // the caller's admin rights per workspace (rules_admin.go)
	hc        *retryablehttp.Client
	userAgent string
	// userAgentValue is the User-Agent header's value, shared by every request (see newRequest).
	userAgentValue []string
	limiter        RateLimiter
	logger         *slog.Logger
	maxBody        int64 // bound of a success body, after decompression
}

// NewClient returns a client for the Clockify API. Exactly one of WithAPIKey and
// WithAddonToken is required.
func NewClient(opts ...Option) (*Client, error) {
	cfg, err := applyOptions(opts)
	if err != nil {
		return nil, err
	}
	return newClient(cfg)
}

// NewClientFromEnv is NewClient with settings read from the environment where opts do not set
// them: CLOCKIFY_API_KEY or CLOCKIFY_ADDON_TOKEN (exactly one), and optionally
// CLOCKIFY_REGION (global, euc1, use2, euw2, apse2) or CLOCKIFY_BASE_URL.
func NewClientFromEnv(opts ...Option) (*Client, error) {
	cfg, err := applyOptions(opts)
	if err != nil {
		return nil, err
	}
	if err := cfg.fromEnv(); err != nil {
		return nil, err
	}
	return newClient(cfg)
}

func newClient(cfg *config) (*Client, error) {
	cred, err := cfg.credential()
	if err != nil {
		return nil, err
	}
	if cfg.baseURL == "" {
		cfg.baseURL = DefaultBaseURL
	}
	base, err := url.Parse(cfg.baseURL + "/")
	if err != nil {
		return nil, &ValidationError{Field: "base URL", Reason: err.Error()}
	}
	c := &Client{base: base, baseURL: base.String(), userAgent: defaultUserAgent, limiter: cfg.limiter, logger: cfg.logger, maxBody: cfg.maxBody}
	c.reqHost = requestHost(base.Host)
	if cfg.userAgent != "" {
		c.userAgent = cfg.userAgent + " " + defaultUserAgent
	}
	c.userAgentValue = []string{c.userAgent}
	if c.limiter == nil {
		c.limiter = defaultLimiter()
	}
	if c.logger == nil {
		c.logger = slog.New(slog.DiscardHandler)
	}
	c.cred.Store(cred)
	c.hc = &retryablehttp.Client{
		HTTPClient:     c.httpClient(cfg.httpClient),
		RetryWaitMin:   cfg.retry.MinWait,
		RetryWaitMax:   cfg.retry.MaxWait,
		RetryMax:       cfg.retry.MaxRetries,
		RequestLogHook: c.beforeAttempt,
		CheckRetry:     checkRetry,
		Backoff:        backoff,
		// The first attempt is paced in call; every retry is paced here, after its backoff.
		PrepareRetry: func(req *http.Request) error { return c.wait(req.Context()) },
		ErrorHandler: retryablehttp.PassthroughErrorHandler,
	}

	c.common.client = c
	c.Members = (*MembersService)(&c.common)
	c.Profiles = (*ProfilesService)(&c.common)
	c.Roles = (*RolesService)(&c.common)
	c.APIKeys = (*APIKeysService)(&c.common)
	c.Groups = (*GroupsService)(&c.common)
	c.Workspaces = (*WorkspacesService)(&c.common)
	c.Webhooks = (*WebhooksService)(&c.common)
	return c, nil
}

// String describes the client without its credential.
func (c *Client) String() string {
	if c == nil || c.base == nil {
		return "clockify.Client{not created by NewClient}"
	}
	return fmt.Sprintf("clockify.Client{baseURL: %s, credential: %s}", c.base, c.cred.Load())
}

// GoString is String, so %#v does not dump the credential.
func (c *Client) GoString() string { return c.String() }

// Format keeps every fmt verb on the redacted String.
func (c *Client) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, c.String()) }

// BaseURL returns the API root the client sends to (ending in "/"); "" for a client not made
// by NewClient.
func (c *Client) BaseURL() string {
	if c == nil || c.base == nil {
		return ""
	}
	return c.baseURL
}

// Response is Clockify's answer to a call, with its body already read.
//
// For a page of a paged list (Members.List, Members.Filter, Members.Managers), Page is the page
// it holds and LastPage says whether it is the last: Clockify's Last-Page header when it sends
// one (the GET lists), otherwise whether the page held fewer items than the page size asked for
// (the member search, POST …/users/info, sends no header). A full last page therefore reads as
// not last, and the next, empty page ends a go-github-style loop. For other calls both are zero.
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

// do sends o and decodes a 2xx answer into a new T. Methods that return one object use it.
func do[T any](ctx context.Context, c *Client, o op) (*T, *Response, error) {
	out := new(T)
	o.out = out
	resp, err := c.call(ctx, o)
	if err != nil {
		return nil, resp, err
	}
	return out, resp, nil
}

// doList is do for methods that return a list. For a page of a paged list (o.page set) that
// came without a Last-Page header, it sets LastPage when the page is shorter than the page
// size asked for.
func doList[T any](ctx context.Context, c *Client, o op) ([]*T, *Response, error) {
	items, resp, err := do[[]*T](ctx, c, o)
	if err != nil {
		return nil, resp, err
	}
	if o.page > 0 && !resp.lastPageKnown {
		resp.LastPage = len(*items) < requestedPageSize(o)
	}
	return *items, resp, nil
}

// requestedPageSize is the page size o asks for, from the ListOptions in its query or body;
// Clockify's default when it names none.
func requestedPageSize(o op) int {
	for _, v := range []any{o.query, o.body} {
		if p, ok := v.(interface{ listOptions() *ListOptions }); ok && p.listOptions().PageSize > 0 {
			return p.listOptions().PageSize
		}
	}
	return defaultPageSize
}

// The life of a call. Every method describes its request as an op and hands it to call:
//
//  1. call encodes the op into one request (newRequest) and gives it an *attempt, the state
//     that the steps below share. The request's context carries it; attemptOf reaches it (attempt.go).
//  2. call waits for the rate limiter and gives the request to go-retryablehttp, which sends
//     it once per attempt:
//     a. beforeAttempt clears attempt.wrote and logs each retry;
//     b. authTransport.RoundTrip (transport.go) sets the credential, the op's own or else the
//     client's, on requests for the client's host only, and records it in attempt.sent;
//     c. an httptrace hook sets attempt.wrote once the headers are on the wire;
//     d. checkRetry (retry.go) decides whether to repeat, from the status or the error,
//     attempt.wrote and the op's retry safety; backoff picks the wait, and PrepareRetry waits
//     for the limiter again before going back to a.
//  3. call reads the last answer (readResponse): a non-2xx becomes an *APIError, with
//     attempt.sent redacted from its body; a 2xx is decoded into op.out.

// call sends o and decodes the answer. Every method goes through here.
func (c *Client) call(ctx context.Context, o op) (*Response, error) {
	if err := c.usable(ctx); err != nil {
		return nil, err
	}
	a, ctx := newAttempt(ctx, c, o)
	req, err := c.newRequest(ctx, o)
	if err != nil {
		return nil, err
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
	if c.logger.Enabled(ctx, slog.LevelDebug) {
		c.logger.LogAttrs(ctx, slog.LevelDebug, "clockify: request",
			slog.String("method", o.method), slog.String("path", a.urlPath()), slog.Int("status", hresp.StatusCode))
	}
	return c.readResponse(hresp, o, a)
}

// jsonValue is the value of the Accept and Content-Type headers.
var jsonValue = []string{"application/json"}

// usable checks that c was made by NewClient and ctx is not nil, before any work.
func (c *Client) usable(ctx context.Context) error {
	if c == nil || c.hc == nil {
		return ErrNoClient
	}
	if ctx == nil {
		return errNilContext()
	}
	return nil
}

// clientOf is the client behind a service (any of them: they are all service), or nil for the
// nil service of a zero Client.
func clientOf[S ~struct{ client *Client }](s *S) *Client {
	if s == nil {
		return nil
	}
	return service(*s).client
}

// errNilContext is what every method and iterator returns for a nil context.
func errNilContext() error {
	return &ValidationError{Field: "ctx", Reason: "must not be nil (use context.Background())"}
}

// newRequest encodes o's query and JSON body into a request below the client's base URL.
func (c *Client) newRequest(ctx context.Context, o op) (*retryablehttp.Request, error) {
	u, err := c.requestURL(o)
	if err != nil {
		return nil, err
	}
	var body any      // a nil []byte would still make a body
	contentType := "" // JSON, with the shared header value
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
			return nil, wrapf(err, "encode request body")
		}
		body = b
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, o.method, u, body)
	if err != nil {
		return nil, wrapf(err, "build request")
	}
	// Every request shares these value slices rather than allocating its own: nothing writes
	// into them (Header.Set and Add replace or grow a slice, and RoundTrippers must not
	// modify a request).
	req.Header["Accept"] = jsonValue
	req.Header["User-Agent"] = c.userAgentValue
	if body != nil {
		if contentType == "" {
			req.Header["Content-Type"] = jsonValue
		} else {
			req.Header.Set("Content-Type", contentType)
		}
	}
	return req, nil
}

// encodeQuery encodes a struct with url tags, or url.Values; nil is "".
func encodeQuery(q any) (string, error) {
	switch q := q.(type) {
	case nil:
		return "", nil
	case url.Values:
		return q.Encode(), nil
	}
	v, err := query.Values(q)
	if err != nil {
		return "", wrapf(err, "encode query")
	}
	return v.Encode(), nil
}

// readResponse turns the final answer into a *Response, and into an *APIError or o.out.
func (c *Client) readResponse(hresp *http.Response, o op, a *attempt) (*Response, error) {
	resp := &Response{Response: hresp, Page: o.page}
	if v := hresp.Header.Get("Last-Page"); v != "" {
		if last, err := strconv.ParseBool(v); err == nil {
			resp.LastPage, resp.lastPageKnown = last, true
		}
	}
	if hresp.StatusCode < 200 || hresp.StatusCode > 299 {
		data, _ := io.ReadAll(io.LimitReader(hresp.Body, maxErrorBody))
		sent, cur := a.sent.Load(), c.cred.Load()
		apiErr := parseErrorBody(hresp.StatusCode, c.redact(data, sent), secretOf(sent), secretOf(cur))
		apiErr.Method, apiErr.Path, apiErr.Attempts = o.method, a.urlPath(), max(int(a.tries.Load()), 1)
		if hresp.StatusCode == http.StatusTooManyRequests || hresp.StatusCode == http.StatusServiceUnavailable {
			apiErr.RetryAfter = parseRetryAfter(hresp.Header.Get("Retry-After"), time.Now())
		}
		return resp, apiErr
	}
	body := &a.body // the attempt's, so reading the body costs no allocation
	*body = bodyReader{r: hresp.Body, left: c.maxBody, limit: c.maxBody, att: a}
	if o.out != nil && hresp.StatusCode != http.StatusNoContent {
		err := decodeBody(body, o.out)
		switch {
		case errors.Is(err, ErrResponseTooLarge):
			return resp, wrapf(err, "%s %s", o.method, a.urlPath())
		case errors.Is(err, errNoValue):
			return resp, wrapf(ErrEmptyResponse, "%s %s: %d with no body or null", o.method, a.urlPath(), hresp.StatusCode)
		case err != nil:
			return resp, wrapf(err, "decode %s %s response", o.method, a.urlPath())
		}
	}
	// Read to the end, so the connection can be reused, but no further than an error body (a
	// decoded body was read whole already; this is for answers nothing is decoded from).
	body.left = min(body.left, maxErrorBody)
	_, _ = io.Copy(io.Discard, body)
	return resp, nil
}

// transportError words a failure with no HTTP answer, saying how many attempts were made
// when there were several; the cause (context errors included) stays matchable.
func (c *Client) transportError(ctx context.Context, o op, err error) error {
	call := o.method + " /" + o.path
	if a := attemptOf(ctx); a != nil && a.tries.Load() > 1 {
		call += fmt.Sprintf(": after %d attempts", a.tries.Load())
	}
	if ctxErr := ctx.Err(); ctxErr != nil && errors.Is(err, ctxErr) {
		return wrapf(ctxErr, "%s", call)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // its message repeats the URL, which may carry query data
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return wrapf(err, "%s: timeout", call)
	}
	return wrapf(err, "%s", call)
}
