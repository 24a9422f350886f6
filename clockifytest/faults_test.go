package clockifytest

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFault_statusWithRetryAfter(t *testing.T) {
	s := newDemo(t)
	s.InjectFault(Fault{Status: http.StatusServiceUnavailable, RetryAfter: "2"})
	r := send(t, s, http.MethodGet, "/v1/user", "")
	assertError(t, r, http.StatusServiceUnavailable, 503, "Service Unavailable")
	assert.Equal(t, "2", r.header.Get("Retry-After"))
	assert.Equal(t, http.StatusOK, send(t, s, http.MethodGet, "/v1/user", "").status, "a fault is used up")
	reqs := s.Requests()
	assert.True(t, reqs[0].Faulted)
	assert.Equal(t, http.StatusServiceUnavailable, reqs[0].Status)
	assert.False(t, reqs[1].Faulted)
}

func TestFault_429WithoutRetryAfterAndCustomBody(t *testing.T) {
	s := newDemo(t)
	s.InjectFault(Fault{Status: http.StatusTooManyRequests})
	s.InjectFault(Fault{Status: http.StatusBadGateway, Body: "<html>bad gateway</html>"})
	r := send(t, s, http.MethodGet, "/v1/user", "")
	assertError(t, r, http.StatusTooManyRequests, 429, "Too Many Requests")
	assert.Empty(t, r.header.Get("Retry-After"))
	r = send(t, s, http.MethodGet, "/v1/user", "")
	assert.Equal(t, http.StatusBadGateway, r.status)
	assert.Equal(t, "<html>bad gateway</html>", string(r.body))
	assert.Equal(t, "text/plain; charset=utf-8", r.header.Get("Content-Type"))
}

func TestFault_matchingAndCount(t *testing.T) {
	s := newDemo(t)
	s.InjectFault(Fault{Method: http.MethodPost, PathPrefix: demoWS + "/users/info", Count: 2, Status: 500})
	assert.Equal(t, http.StatusOK, send(t, s, http.MethodGet, demoWS+"/users?include-roles=false", "").status, "other paths are not affected")
	assert.Equal(t, 500, send(t, s, http.MethodPost, demoWS+"/users/info", `{}`).status)
	assert.Equal(t, 1, s.PendingFaults())
	assert.Equal(t, 500, send(t, s, http.MethodPost, demoWS+"/users/info", `{}`).status)
	assert.Equal(t, 0, s.PendingFaults())
	assert.Equal(t, http.StatusOK, send(t, s, http.MethodPost, demoWS+"/users/info", `{}`).status)

	s.InjectFault(Fault{Count: -1, Status: 504})
	for range 5 {
		assert.Equal(t, 504, send(t, s, http.MethodGet, "/v1/user", "").status)
	}
	s.ClearFaults()
	assert.Equal(t, http.StatusOK, send(t, s, http.MethodGet, "/v1/user", "").status)
}

func TestFault_firesBeforeAuthentication(t *testing.T) {
	s := newDemo(t)
	s.InjectFault(Fault{Status: 503})
	assert.Equal(t, 503, send(t, s, http.MethodGet, "/v1/user", "", "noauth", "").status)
}

func TestFault_dropClosesTheConnection(t *testing.T) {
	s := newDemo(t)
	s.InjectFault(Fault{Drop: true})
	req, _ := http.NewRequest(http.MethodPost, s.URL+demoWS+"/users/info", strings.NewReader(`{}`))
	req.Header.Set(HeaderAPIKey, s.OwnerKey())
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.HTTPClient().Do(req)
	if err == nil {
		resp.Body.Close()
	}
	require.Error(t, err)
	reqs := s.Requests()
	require.Len(t, reqs, 1)
	assert.Equal(t, 0, reqs[0].Status)
	assert.True(t, reqs[0].Faulted)
}

func TestFault_truncateSendsHalfTheBody(t *testing.T) {
	s := newDemo(t)
	s.InjectFault(Fault{Truncate: true})
	req, _ := http.NewRequest(http.MethodGet, s.URL+demoWS, nil)
	req.Header.Set(HeaderAPIKey, s.OwnerKey())
	resp, err := s.HTTPClient().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
	full, _ := strconv.Atoi(resp.Header.Get("Content-Length"))
	b, err := io.ReadAll(resp.Body)
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	assert.Equal(t, full/2, len(b))
	assert.True(t, strings.HasPrefix(string(b), `{"id":"`+DemoWorkspaceID+`"`))
}

func TestFault_delay(t *testing.T) {
	s := newDemo(t)
	s.InjectFault(Fault{Delay: time.Minute})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.URL+"/v1/user", nil)
	req.Header.Set(HeaderAPIKey, s.OwnerKey())
	_, err := s.HTTPClient().Do(req)
	assert.True(t, errors.Is(err, context.DeadlineExceeded), "got %v", err)

	// A delay-only fault then serves the request normally.
	s.InjectFault(Fault{Delay: time.Millisecond})
	assert.Equal(t, http.StatusOK, send(t, s, http.MethodGet, "/v1/user", "").status)
}

func TestFault_afterHandlerKeepsTheStateChange(t *testing.T) {
	s := newDemo(t)
	s.InjectFault(Fault{Method: http.MethodPost, AfterHandler: true, Status: http.StatusBadGateway})
	r := send(t, s, http.MethodPost, demoWS+"/users?send-email=true", `{"email":"ghost@example.com"}`)
	assert.Equal(t, http.StatusBadGateway, r.status)
	_, invited := s.FindMemberByEmail(DemoWorkspaceID, "ghost@example.com")
	assert.True(t, invited, "the server acted before failing")

	s.InjectFault(Fault{Method: http.MethodPost, AfterHandler: true, Drop: true})
	req, _ := http.NewRequest(http.MethodPost, s.URL+demoWS+"/users?send-email=true", strings.NewReader(`{"email":"ghost2@example.com"}`))
	req.Header.Set(HeaderAPIKey, s.OwnerKey())
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.HTTPClient().Do(req)
	if err == nil {
		resp.Body.Close()
	}
	assert.Error(t, err)
	_, invited = s.FindMemberByEmail(DemoWorkspaceID, "ghost2@example.com")
	assert.True(t, invited)
}
