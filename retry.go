package clockify

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

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

// DefaultRetryPolicy is the policy of a client made without WithRetry: up to 4 retries, waiting
// between 500 ms and 30 s. It is a function, so the default is the same for every client
// whatever a program does with the value it returns; to change it, pass WithRetry.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{MaxRetries: 4, MinWait: 500 * time.Millisecond, MaxWait: 30 * time.Second}
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
	a := attemptOf(ctx)
	safe := a == nil || a.retrySafe
	if err != nil {
		if permanent(err) {
			return false, nil
		}
		if !safe && a.wrote.Load() {
			return false, nil
		}
		return true, nil
	}
	if a != nil && waitOutlivesDeadline(ctx, resp, a.maxWait) {
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

// permanent reports transport errors that a retry would only repeat: too many redirects or
// one to another host, a certificate the client does not trust, and a failing rate limiter.
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
	case errors.As(err, &ue) && strings.Contains(ue.Err.Error(), "stopped after"), errors.Is(err, ErrRedirectElsewhere):
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
		ceil = DefaultRetryPolicy().MinWait
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

// maxRetryAfter bounds what a Retry-After header can ask for; the backoff caps it further at
// the retry policy's MaxWait.
const maxRetryAfter = 24 * time.Hour

// parseRetryAfter reads a Retry-After header in seconds or as an HTTP date, as a wait in
// [0, maxRetryAfter]: 0 when absent, unreadable (NaN, "soon"), negative or in the past, and
// maxRetryAfter when larger (a huge number or a far date).
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseFloat(v, 64); err == nil || errors.Is(err, strconv.ErrRange) {
		switch {
		case !(secs > 0): // negative, zero or NaN
			return 0
		case secs >= maxRetryAfter.Seconds(): // +Inf too
			return maxRetryAfter
		}
		return time.Duration(secs * float64(time.Second))
	}
	if t, err := http.ParseTime(v); err == nil {
		return min(max(t.Sub(now), 0), maxRetryAfter)
	}
	return 0
}
