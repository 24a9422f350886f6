package clockifytest

import (
	"net/http"
	"net/url"
	"slices"
	"sync"
	"time"
)

// RecordedRequest is one request the fake received, for assertions.
// Credential values are never kept: Header holds "[redacted]" in their place
// and AuthHeader names the credential header that was used.
type RecordedRequest struct {
	Time   time.Time
	Method string
	Path   string     // URL path, e.g. "/v1/workspaces/…/users"
	Query  url.Values // parsed query string
	Header http.Header
	Body   []byte
	// AuthHeader is "X-Api-Key", "X-Addon-Token", "X-Marketplace-Token",
	// "Authorization", "multiple" or "" (none).
	AuthHeader string
	// Status is the status code answered; 0 when the connection was dropped
	// or the client went away before an answer.
	Status int
	// Faulted is true when an injected Fault handled the request.
	Faulted bool
}

// Redacted is what RecordedRequest.Header holds instead of a credential.
const Redacted = "[redacted]"

func newRecordedRequest(r *http.Request, body []byte) RecordedRequest {
	h := r.Header.Clone()
	for _, c := range credentialHeaders {
		if vs := h.Values(c); len(vs) > 0 {
			red := make([]string, len(vs))
			for i := range red {
				red[i] = Redacted
			}
			h[http.CanonicalHeaderKey(c)] = red
		}
	}
	return RecordedRequest{
		Time:       time.Now(),
		Method:     r.Method,
		Path:       r.URL.Path,
		Query:      r.URL.Query(),
		Header:     h,
		Body:       body,
		AuthHeader: authHeaderName(r.Header),
	}
}

type recorder struct {
	mu   sync.Mutex
	reqs []RecordedRequest
}

func (rc *recorder) add(r RecordedRequest) {
	rc.mu.Lock()
	rc.reqs = append(rc.reqs, r)
	rc.mu.Unlock()
}

// Requests returns the requests received so far, in the order their answers
// started (oldest first). A request is recorded as its status is written, so
// once a client has an answer, its request is here.
func (s *Server) Requests() []RecordedRequest {
	s.recorder.mu.Lock()
	defer s.recorder.mu.Unlock()
	return slices.Clone(s.recorder.reqs)
}

// ResetRequests forgets the recorded requests.
func (s *Server) ResetRequests() {
	s.recorder.mu.Lock()
	s.recorder.reqs = nil
	s.recorder.mu.Unlock()
}

// recordingWriter remembers the status code written and commits the record
// before the answer goes out.
type recordingWriter struct {
	http.ResponseWriter
	status int
	commit func(status int)
}

func (w *recordingWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
		w.commit(code)
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *recordingWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

func (w *recordingWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}
