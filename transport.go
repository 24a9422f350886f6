package clockify

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"time"
)

const (
	apiKeyHeader     = "X-Api-Key"
	addonTokenHeader = "X-Addon-Token"
)

// credential is the secret and the header it travels in. Its formatting methods redact it, so
// neither %v nor %#v nor a log record of a Client or credential can show the secret.
type credential struct {
	header string
	secret string
	owner  string // id of the user the secret belongs to, once APIKeys has checked it
	// value is []string{secret}, made once so requests share it (see headerValue).
	value []string
}

// newCredential is a credential with its header value made once.
func newCredential(header, secret, owner string) *credential {
	return &credential{header: header, secret: secret, owner: owner, value: []string{secret}}
}

// headerValue is the header's value; a credential made without newCredential makes it anew.
func (c *credential) headerValue() []string {
	if c.value != nil {
		return c.value
	}
	return []string{c.secret}
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

// setAPIKey swaps the credential atomically; requests already sent keep the old one. owner is
// the id of the key's user when known ("" if not), which a later Rotate compares against.
func (c *Client) setAPIKey(key, owner string) {
	c.cred.Store(newCredential(apiKeyHeader, key, owner))
}

// httpClient is a copy of the caller's http.Client (or a new one with a 60 s timeout and its
// own transport) whose transport adds the credential.
func (c *Client) httpClient(given *http.Client) *http.Client {
	var hc http.Client
	if given != nil {
		hc = *given
	} else {
		hc.Timeout = 60 * time.Second
	}
	// authTransport applies the timeout to each attempt itself: an http.Client.Timeout around a
	// RoundTripper other than *http.Transport costs net/http a goroutine, a timer and two
	// channels per request.
	c.timeout, hc.Timeout = hc.Timeout, 0
	inner, shared := hc.Transport, hc.Transport == nil
	if inner == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConnsPerHost = 32
		inner = t
	}
	hc.Transport = &authTransport{client: c, next: inner, shared: shared}
	hc.CheckRedirect = c.checkRedirect(hc.CheckRedirect)
	return &hc
}

// checkRedirect refuses redirects that leave the base URL's scheme and host, then applies the
// caller's own policy (or net/http's default of at most 10 redirects).
func (c *Client) checkRedirect(next func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if !c.sameHost(req.URL) {
			return fmt.Errorf("%w: %s://%s (only %s://%s is trusted)", ErrRedirectElsewhere, req.URL.Scheme, req.URL.Host, c.base.Scheme, c.base.Host)
		}
		if next != nil {
			return next(req, via)
		}
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		return nil
	}
}

// authTransport adds the credential only to requests for the configured scheme and host, so
// a redirect elsewhere never carries it.
type authTransport struct {
	client *Client
	next   http.RoundTripper
	shared bool // next is the SDK's own *http.Transport: request headers may be shared
}

func (t *authTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	a := attemptOf(req.Context())
	ctx, cancel := t.client.attemptContext(req.Context(), a)
	if a != nil {
		a.actx = nil
		if ctx != req.Context() {
			a.actx = ctx // for reading the body under the same deadline (bodyReader)
		}
	}
	// A shallow copy with a header map of its own: the credential goes on the copy only.
	r := req.WithContext(ctx)
	var cred *credential
	if t.client.sameHost(req.URL) {
		cred = t.client.cred.Load()
		if a != nil && a.cred != nil {
			cred = a.cred
		}
		if a != nil {
			a.sent.Store(cred)
		}
	}
	r.Header = t.headers(req.Header, cred)
	resp, err := t.next.RoundTrip(r)
	if ctx != req.Context() {
		resp, err = t.client.timed(req.Context(), ctx, cancel, resp, err)
	}
	if resp != nil {
		// The inner transport points resp.Request at r, which carries the secret; callers reach
		// it through Response.Request, so hand back the request without it.
		resp.Request = req
	}
	return resp, err
}

// headers is h with cred (if not nil) in place of any credential h carries. On the SDK's own
// transport, which never modifies a request, the usual headers of a request (see newRequest)
// with the client's own credential come as one map made once and shared by every request;
// otherwise as a copy.
func (t *authTransport) headers(h http.Header, cred *credential) http.Header {
	if t.shared && cred != nil && cred == t.client.cred.Load() {
		if kind := t.client.usualHeaders(h); kind >= 0 {
			return t.client.sharedHeaders(cred)[kind]
		}
	}
	out := make(http.Header, len(h)+1)
	for k, v := range h {
		if k != apiKeyHeader && k != addonTokenHeader && k != "Authorization" {
			out[k] = v
		}
	}
	if cred != nil {
		out[cred.header] = cred.headerValue()
	}
	return out
}

// usualHeaders tells the usual headers newRequest sets (the shared Accept and User-Agent
// values, and the shared JSON Content-Type for a body) from anything else: 0 without a body,
// 1 with one, -1 for any other header set.
func (c *Client) usualHeaders(h http.Header) int {
	same := func(key string, want []string) bool {
		v := h[key]
		return len(v) == 1 && &v[0] == &want[0]
	}
	if !same("Accept", jsonValue) || !same("User-Agent", c.userAgentValue) {
		return -1
	}
	switch {
	case len(h) == 2:
		return 0
	case len(h) == 3 && same("Content-Type", jsonValue):
		return 1
	}
	return -1
}

// sharedHeaderSet is the usual headers with one credential, without a body and with one.
type sharedHeaderSet struct {
	cred *credential
	maps [2]http.Header
}

// sharedHeaders is the usual header maps with cred, made once per credential. Nothing writes
// to them once made.
func (c *Client) sharedHeaders(cred *credential) [2]http.Header {
	if s := c.headerSet.Load(); s != nil && s.cred == cred {
		return s.maps
	}
	s := &sharedHeaderSet{cred: cred}
	for kind := range s.maps {
		h := http.Header{"Accept": jsonValue, "User-Agent": c.userAgentValue, cred.header: cred.headerValue()}
		if kind == 1 {
			h["Content-Type"] = jsonValue
		}
		s.maps[kind] = h
	}
	c.headerSet.Store(s)
	return s.maps
}

// sameHost reports whether u is for the configured scheme and host.
func (c *Client) sameHost(u *url.URL) bool {
	return u.Scheme == c.base.Scheme && requestHost(u.Host) == c.reqHost
}

// secretOf is cred's secret, or "" for nil.
func secretOf(cred *credential) string {
	if cred == nil {
		return ""
	}
	return cred.secret
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
