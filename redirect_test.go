package clockify

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// elsewhere is another loopback host that counts what reaches it.
func elsewhere(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var hits atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, `{"id":"u-other","name":"other"}`)
	}))
	t.Cleanup(other.Close)
	return other, &hits
}

func TestInvite_redirectToAnotherHostIsNotFollowed(t *testing.T) {
	other, hits := elsewhere(t)
	client, srv := setupServer(t)
	srv.HandleFunc("POST /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/api/v1/workspaces/ws1/users", http.StatusTemporaryRedirect)
	})
	ws, _, err := client.Members.Invite(ctx, "ws1", "new@example.com", nil)
	require.ErrorIs(t, err, ErrRedirectElsewhere)
	assert.Nil(t, ws)
	assert.Zero(t, hits.Load(), "the invitee's email did not reach the other host")
	assert.Equal(t, 1, srv.count("POST /v1/workspaces/ws1/users"), "not retried")
}

func TestRotate_redirectToAnotherHostKeepsCurrentKey(t *testing.T) {
	const newKey = "new-key-1111111111111111111111"
	other, hits := elsewhere(t)
	client, srv := setupServer(t)
	srv.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Api-Key") == newKey {
			http.Redirect(w, r, other.URL+"/api/v1/user", http.StatusTemporaryRedirect)
			return
		}
		fmt.Fprint(w, `{"id":"u1"}`)
	})
	err := client.APIKeys.Rotate(ctx, newKey)
	require.ErrorIs(t, err, ErrRedirectElsewhere)
	assert.Zero(t, hits.Load())
	assert.Contains(t, client.String(), Fingerprint(testKey), "still the current key")
}

// A caller's http.Client keeps its own redirect policy for same-host redirects, and is not
// modified.
func TestWithHTTPClient_redirectPolicyWrappedNotReplaced(t *testing.T) {
	other, hits := elsewhere(t)
	var calls atomic.Int32
	policy := func(*http.Request, []*http.Request) error { calls.Add(1); return nil }
	hc := &http.Client{CheckRedirect: policy}
	client, srv := setupServer(t, WithHTTPClient(hc))
	srv.HandleFunc("GET /v1/away", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/api/v1/user", http.StatusFound)
	})
	srv.HandleFunc("GET /v1/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, apiPrefix+"/v1/user", http.StatusFound)
	})
	srv.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, `{"id":"u1"}`) })

	_, err := client.call(ctx, op{method: http.MethodGet, path: "v1/away", retrySafe: true})
	require.ErrorIs(t, err, ErrRedirectElsewhere)
	assert.Zero(t, hits.Load())
	assert.Zero(t, calls.Load(), "refused before the caller's policy")

	_, err = client.call(ctx, op{method: http.MethodGet, path: "v1/moved", retrySafe: true})
	require.NoError(t, err)
	assert.EqualValues(t, 1, calls.Load(), "the caller's policy still decides same-host redirects")
	assert.Nil(t, hc.Transport)
	assert.Equal(t, fmt.Sprintf("%p", policy), fmt.Sprintf("%p", hc.CheckRedirect))
}
