package clockifytest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func newDemo(t *testing.T, opts ...ServerOption) *Server {
	t.Helper()
	s := NewDemoServer(opts...)
	t.Cleanup(s.Close)
	return s
}

// reply is an answer of the fake, read completely.
type reply struct {
	status int
	header http.Header
	body   []byte
}

// send makes a raw request. hdr are header name/value pairs; without an
// X-Api-Key / X-Addon-Token / Authorization pair the owner's key is sent,
// unless the pair "noauth", "" is given. A non-empty body is sent as JSON.
// A transport failure is reported with t.Errorf (never t.FailNow, so send is
// safe in worker goroutines) and gives a reply with status 0.
func send(t testing.TB, s *Server, method, path, body string, hdr ...string) reply {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, s.URL+path, rd)
	if err != nil {
		t.Errorf("%s %s: %v", method, path, err)
		return reply{}
	}
	auth := false
	for i := 0; i+1 < len(hdr); i += 2 {
		switch hdr[i] {
		case "noauth":
			auth = true
			continue
		case HeaderAPIKey, HeaderAddonToken, HeaderMarketplaceToken, "Authorization":
			auth = true
		}
		req.Header.Add(hdr[i], hdr[i+1])
	}
	if !auth {
		req.Header.Set(HeaderAPIKey, s.OwnerKey())
	}
	if body != "" && req.Header.Get("Content-Type") == "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := s.HTTPClient().Do(req)
	if err != nil {
		t.Errorf("%s %s: %v", method, path, err)
		return reply{}
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Errorf("%s %s: reading the body: %v", method, path, err)
		return reply{status: resp.StatusCode, header: resp.Header}
	}
	return reply{status: resp.StatusCode, header: resp.Header, body: b}
}

// as returns the header pair for userID's fresh API key.
func as(s *Server, userID string) []string { return []string{HeaderAPIKey, s.IssueKey(userID)} }

func decodeJSON[T any](t *testing.T, r reply) T {
	t.Helper()
	var v T
	require.NoError(t, json.Unmarshal(r.body, &v), "body: %s", r.body)
	return v
}

// assertError checks an error answer: status, JSON content type, the message
// (containing msg) and the code; code 0 means the body must carry no code.
func assertError(t *testing.T, r reply, status, code int, msg string) {
	t.Helper()
	require.Equal(t, status, r.status, "body: %s", r.body)
	assert.Equal(t, "application/json", r.header.Get("Content-Type"))
	body := decodeJSON[map[string]any](t, r)
	assert.Contains(t, body["message"], msg)
	if code == 0 {
		assert.NotContains(t, body, "code", "rule refusals carry no code")
	} else {
		assert.Equal(t, float64(code), body["code"])
	}
}

const demoWS = "/v1/workspaces/" + DemoWorkspaceID

type wireUser struct {
	ID          string            `json:"id"`
	Email       string            `json:"email"`
	Name        *string           `json:"name"`
	Status      string            `json:"status"`
	Settings    *json.RawMessage  `json:"settings"`
	Memberships []wireMembership  `json:"memberships"`
	Roles       []json.RawMessage `json:"roles"`
}

type wireMembership struct {
	UserID           string `json:"userId"`
	TargetID         string `json:"targetId"`
	MembershipType   string `json:"membershipType"`
	MembershipStatus string `json:"membershipStatus"`
	HourlyRate       *struct {
		Amount   int64  `json:"amount"`
		Currency string `json:"currency"`
	} `json:"hourlyRate"`
}

type wireWorkspace struct {
	ID                      string           `json:"id"`
	Name                    string           `json:"name"`
	FeatureSubscriptionType *string          `json:"featureSubscriptionType"`
	Features                []string         `json:"features"`
	Memberships             []wireMembership `json:"memberships"`
}

func ids(users []wireUser) []string {
	out := make([]string, len(users))
	for i, u := range users {
		out[i] = u.ID
	}
	return out
}

func membershipOf(ws wireWorkspace, userID string) (wireMembership, bool) {
	for _, m := range ws.Memberships {
		if m.UserID == userID {
			return m, true
		}
	}
	return wireMembership{}, false
}

// errRecorder is a testing.TB that records Errorf and panics on FailNow, to
// check that a helper never stops the calling goroutine.
type errRecorder struct {
	testing.TB
	errs []string
}

func (r *errRecorder) Helper()                   {}
func (r *errRecorder) Errorf(f string, a ...any) { r.errs = append(r.errs, fmt.Sprintf(f, a...)) }
func (r *errRecorder) FailNow()                  { panic("FailNow called: not allowed off the test goroutine") }

func TestSend_reportsTransportErrorsWithoutFailNow(t *testing.T) {
	s := NewDemoServer()
	s.Close()
	rec := &errRecorder{TB: t}
	r := send(rec, s, http.MethodGet, "/v1/user", "")
	assert.Equal(t, 0, r.status)
	require.Len(t, rec.errs, 1)
	assert.Contains(t, rec.errs[0], "GET /v1/user")
}
