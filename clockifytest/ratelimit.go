package clockifytest

import (
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// limiter is the server-wide token bucket; nil means unlimited.
type limiter struct {
	mu         sync.Mutex
	l          *rate.Limiter
	retryAfter bool // send Retry-After on 429 (WithRateLimitRetryAfter)
}

// SetRateLimit changes the rate limit of a running server: perSecond
// requests per second with the given burst (burst <= 0 means
// max(1, int(perSecond))). perSecond <= 0 removes the limit. Clockify allows
// 50 requests/second on paid plans and 30 per hour (≈0.0083/s) on new free
// workspaces.
func (s *Server) SetRateLimit(perSecond float64, burst int) {
	s.limiter.mu.Lock()
	defer s.limiter.mu.Unlock()
	if perSecond <= 0 {
		s.limiter.l = nil
		return
	}
	if burst <= 0 {
		burst = max(1, int(perSecond))
	}
	s.limiter.l = rate.NewLimiter(rate.Limit(perSecond), burst)
}

// allow takes a token or, when none is left, returns the 429 answer, with
// Retry-After (whole seconds until the next token, at least 1) if enabled.
func (l *limiter) allow(w http.ResponseWriter) *apiError {
	l.mu.Lock()
	lim, retryAfter := l.l, l.retryAfter
	l.mu.Unlock()
	if lim == nil {
		return nil
	}
	now := time.Now()
	r := lim.ReserveN(now, 1)
	secs := 1
	if r.OK() {
		d := r.DelayFrom(now)
		if d == 0 {
			return nil
		}
		r.CancelAt(now)
		secs = max(1, int(math.Ceil(d.Seconds())))
	}
	if retryAfter {
		w.Header().Set("Retry-After", strconv.Itoa(secs))
	}
	return errTooManyRequests
}
