package clockifytest

import (
	"bytes"
	"encoding/json"
	"maps"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Fault describes a misbehaviour to inject into the next matching requests,
// to test a client's retries, timeouts and error handling.
//
// Faults are checked after the rate limiter and before authentication and
// routing, in the order they were injected; the first matching fault with
// requests left handles the request and consumes one count.
//
// What happens to a matching request, in this order:
//   - Delay: wait this long first (ending early if the client gives up).
//     A fault with only a Delay then serves the request normally.
//   - AfterHandler: run the real endpoint first, so its state change
//     happens, and throw its answer away (a server that acted, then failed).
//   - Drop: close the connection without answering.
//   - Truncate: run the real endpoint, send its status, headers (with the
//     full Content-Length) and only the first half of its body, then close
//     the connection.
//   - Status: answer with this status, the RetryAfter header if set, and
//     Body (default {"message":<status text>,"code":<status>}).
//
// Note that Go's http.Transport itself retries an idempotent request once
// when a reused keep-alive connection closes before any answer, so a
// dropped GET may consume two counts.
type Fault struct {
	// Method limits the fault to one HTTP method; "" matches any.
	Method string
	// PathPrefix limits the fault to URL paths starting with it
	// (e.g. "/v1/workspaces/"+id+"/users"); "" matches any.
	PathPrefix string
	// Count is how many requests the fault affects: 0 means 1, a negative
	// value means every matching request until ClearFaults.
	Count int
	// Status is the status to answer with, e.g. 429, 500, 502, 503.
	Status int
	// RetryAfter is the Retry-After header value ("" = no header), e.g. "2"
	// or an HTTP date.
	RetryAfter string
	// Body replaces the default body; JSON bodies are sent as
	// application/json, others as text/plain.
	Body string
	// Drop closes the connection without an answer.
	Drop bool
	// Delay is waited before anything else.
	Delay time.Duration
	// Truncate sends half of the real answer's body, then closes.
	Truncate bool
	// AfterHandler runs the real endpoint before failing.
	AfterHandler bool
}

type faultQueue struct {
	mu     sync.Mutex
	faults []*pendingFault
}

type pendingFault struct {
	f    Fault
	left int // < 0: unlimited
}

// InjectFault queues f; see Fault for the semantics.
func (s *Server) InjectFault(f Fault) {
	left := f.Count
	if left == 0 {
		left = 1
	}
	s.faults.mu.Lock()
	s.faults.faults = append(s.faults.faults, &pendingFault{f: f, left: left})
	s.faults.mu.Unlock()
}

// ClearFaults removes every queued fault.
func (s *Server) ClearFaults() {
	s.faults.mu.Lock()
	s.faults.faults = nil
	s.faults.mu.Unlock()
}

// PendingFaults returns how many faults still have requests left to affect.
func (s *Server) PendingFaults() int {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	return len(s.faults.faults)
}

func (q *faultQueue) take(r *http.Request) (Fault, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for i, p := range q.faults {
		if p.f.Method != "" && !strings.EqualFold(p.f.Method, r.Method) {
			continue
		}
		if !strings.HasPrefix(r.URL.Path, p.f.PathPrefix) {
			continue
		}
		if p.left > 0 {
			p.left--
			if p.left == 0 {
				q.faults = append(q.faults[:i], q.faults[i+1:]...)
			}
		}
		return p.f, true
	}
	return Fault{}, false
}

func (s *Server) serveFault(w http.ResponseWriter, r *http.Request, body []byte, f Fault) {
	if !sleepCtx(r.Context(), f.Delay) {
		return
	}
	var real *bufferedResponse
	if f.AfterHandler || f.Truncate {
		real = newBufferedResponse()
		s.serve(real, r, body)
	}
	switch {
	case f.Drop:
		panic(http.ErrAbortHandler) // net/http closes the connection, logs nothing
	case f.Truncate:
		maps.Copy(w.Header(), real.header)
		w.Header().Set("Content-Length", strconv.Itoa(real.body.Len()))
		w.WriteHeader(real.code())
		_, _ = w.Write(real.body.Bytes()[:real.body.Len()/2])
		if fl, ok := w.(http.Flusher); ok {
			fl.Flush()
		}
		panic(http.ErrAbortHandler)
	case f.Status != 0:
		if f.RetryAfter != "" {
			w.Header().Set("Retry-After", f.RetryAfter)
		}
		b := f.Body
		if b == "" {
			def, _ := json.Marshal(errorBody{Message: http.StatusText(f.Status), Code: f.Status})
			b = string(def)
		}
		ct := "text/plain; charset=utf-8"
		if t := strings.TrimSpace(b); strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") {
			ct = "application/json"
		}
		w.Header().Set("Content-Type", ct)
		w.Header().Set("Content-Length", strconv.Itoa(len(b)))
		w.WriteHeader(f.Status)
		_, _ = w.Write([]byte(b))
	case real != nil: // AfterHandler without another fault: the real answer stands
		maps.Copy(w.Header(), real.header)
		w.WriteHeader(real.code())
		_, _ = w.Write(real.body.Bytes())
	default:
		s.serve(w, r, body)
	}
}

// bufferedResponse is an in-memory http.ResponseWriter.
type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func newBufferedResponse() *bufferedResponse {
	return &bufferedResponse{header: http.Header{}}
}

// code is the status written, 200 if the handler wrote nothing.
func (b *bufferedResponse) code() int {
	if b.status == 0 {
		return http.StatusOK
	}
	return b.status
}

func (b *bufferedResponse) Header() http.Header { return b.header }

func (b *bufferedResponse) WriteHeader(code int) {
	if b.status == 0 {
		b.status = code
	}
}

func (b *bufferedResponse) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	return b.body.Write(p)
}
