package clockify

import (
	"context"
	"net/http"
	"sync"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Requests with and without a body, side by side and after a key swap, each carry exactly
// their own headers: the SDK's own transport shares one header map among them.
func TestHeaders_eachRequestCarriesItsOwn(t *testing.T) {
	c, s := setupServer(t)
	type seen struct{ method, key, accept, agent, contentType string }
	var mu sync.Mutex
	var got []seen
	note := func(r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, seen{r.Method, r.Header.Get("X-Api-Key"), r.Header.Get("Accept"), r.Header.Get("User-Agent"), r.Header.Get("Content-Type")})
	}
	s.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) { note(r); w.Write([]byte(`{"id":"u1"}`)) })
	s.HandleFunc("POST /v1/workspaces/ws1/user-groups", func(w http.ResponseWriter, r *http.Request) {
		note(r)
		w.Write([]byte(`{"id":"g1","name":"x"}`))
	})
	run := func() {
		var wg sync.WaitGroup
		for range 8 {
			wg.Add(2)
			go func() { defer wg.Done(); _, _, err := c.Members.Current(context.Background()); assert.NoError(t, err) }()
			go func() {
				defer wg.Done()
				_, _, err := c.Groups.Create(context.Background(), "ws1", "x")
				assert.NoError(t, err)
			}()
		}
		wg.Wait()
	}
	run()
	c.setAPIKey("the-next-key-0123456789", "")
	run()
	require.Len(t, got, 32)
	keys := map[string]int{}
	for _, g := range got {
		keys[g.key]++
		assert.Equal(t, "application/json", g.accept)
		assert.Equal(t, defaultUserAgent, g.agent)
		if g.method == http.MethodPost {
			assert.Equal(t, "application/json", g.contentType)
		} else {
			assert.Empty(t, g.contentType)
		}
	}
	assert.Equal(t, map[string]int{testKey: 16, "the-next-key-0123456789": 16}, keys)
}

// http.NewRequest drops an empty port ("host:"); the credential still goes to that host.
func TestHeaders_baseURLWithEmptyPortGetsTheCredential(t *testing.T) {
	mt := httpmock.NewMockTransport()
	var key, host string
	mt.RegisterResponder(http.MethodGet, "http://api.test/v1/user", func(r *http.Request) (*http.Response, error) {
		key, host = r.Header.Get("X-Api-Key"), r.URL.Host
		return httpmock.NewStringResponse(200, `{"id":"u1"}`), nil
	})
	c, err := NewClient(WithAPIKey(testKey), WithBaseURL("http://api.test:"), WithoutRateLimit(), WithHTTPClient(&http.Client{Transport: mt}))
	require.NoError(t, err)
	_, _, err = c.Members.Current(context.Background())
	require.NoError(t, err)
	assert.Equal(t, testKey, key)
	assert.Equal(t, "api.test", host)
}
