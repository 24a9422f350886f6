package clockify

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newTestKey is the key the rotation tests rotate to.
const newTestKey = "new-key-9d8e7f6a5b4c3d2e1f0a9b8c"

// keyRing is a test server's table of API keys and whose they are. It serves GET /v1/user
// and records the X-Api-Key of every request it sees.
type keyRing struct {
	t    *testing.T
	mu   sync.Mutex
	keys map[string]string // key → user id
	seen []string          // X-Api-Key of each request, in order
}

func newKeyRing(t *testing.T, mux *http.ServeMux, keys map[string]string) *keyRing {
	k := &keyRing{t: t, keys: keys}
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
		uid, ok := k.check(w, r)
		if ok {
			fmt.Fprintf(w, `{"id":%q,"email":"%s@example.com","name":"User %s","settings":null}`, uid, uid, uid)
		}
	})
	return k
}

// check authenticates r like Clockify: one X-Api-Key that it knows, or 401 code 4003.
func (k *keyRing) check(w http.ResponseWriter, r *http.Request) (string, bool) {
	k.t.Helper()
	vals := r.Header.Values("X-Api-Key")
	assert.Len(k.t, vals, 1, "exactly one X-Api-Key")
	assert.Empty(k.t, r.Header.Values("X-Addon-Token"))
	key := r.Header.Get("X-Api-Key")
	k.mu.Lock()
	k.seen = append(k.seen, key)
	uid, ok := k.keys[key]
	k.mu.Unlock()
	if !ok {
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"message":"Api key does not exist","code":4003}`)
	}
	return uid, ok
}

func (k *keyRing) revoke(key string) {
	k.mu.Lock()
	delete(k.keys, key)
	k.mu.Unlock()
}

// seenKeys returns the keys requests carried, and forgets them.
func (k *keyRing) seenKeys() []string {
	k.mu.Lock()
	defer k.mu.Unlock()
	s := k.seen
	k.seen = nil
	return s
}

// addonClient is setup for a client that authenticates with an addon token.
func addonClient(t *testing.T, token string) (*Client, *http.ServeMux) {
	t.Helper()
	srv := newTestServer(t)
	c, err := NewClient(WithBaseURL(srv.URL), WithAddonToken(token), WithoutRateLimit(), WithoutRetry())
	require.NoError(t, err)
	return c, srv.ServeMux
}

// clientServedBy is a client for a real Clockify address (a region, a subdomain: an API root
// ending in /api) whose requests mux answers in process.
func clientServedBy(t *testing.T, mux *http.ServeMux, opts ...Option) *Client {
	t.Helper()
	h := http.StripPrefix(apiPrefix, mux)
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		return rec.Result(), nil
	})
	hc := &http.Client{Transport: mt}
	c, err := NewClient(append([]Option{WithAPIKey(testKey), WithHTTPClient(hc), WithoutRateLimit(), WithoutRetry()}, opts...)...)
	require.NoError(t, err)
	return c
}

// credentialInUse makes one request with client and returns the credential headers it carried,
// as the server saw them: which key the client uses now.
func credentialInUse(t *testing.T, client *Client, mux *http.ServeMux) http.Header {
	t.Helper()
	got := make(chan http.Header, 1)
	mux.HandleFunc("GET /v1/workspaces/probe/member-profile/me", func(w http.ResponseWriter, r *http.Request) {
		got <- http.Header{"X-Api-Key": r.Header.Values("X-Api-Key"), "X-Addon-Token": r.Header.Values("X-Addon-Token")}
		fmt.Fprint(w, `{}`)
	})
	_, _, err := client.Profiles.Get(ctx, "probe", "me")
	require.NoError(t, err)
	return <-got
}

func TestAPIKeysVerify_userWorkspacesAndRoles(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, testKey, r.Header.Get("X-Api-Key"))
		assert.Empty(t, r.URL.RawQuery)
		fmt.Fprint(w, `{"id":"u1","email":"ada@example.com","name":"Ada","status":"ACTIVE","settings":null,"unknownField":1}`)
	})
	var (
		mu      sync.Mutex
		queries []string
	)
	mux.HandleFunc("GET /v1/workspaces", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, testKey, r.Header.Get("X-Api-Key"))
		assert.Empty(t, r.Header.Get("X-Addon-Token"))
		mu.Lock()
		queries = append(queries, r.URL.RawQuery)
		mu.Unlock()
		switch r.URL.Query().Get("roles") {
		case "":
			fmt.Fprint(w, `[
				{"id":"ws1","name":"Owned","featureSubscriptionType":"STANDARD_2021","features":["EDIT_MEMBER_PROFILE"]},
				{"id":"ws2","name":"Administered","featureSubscriptionType":null},
				{"id":"ws3","name":"Member of","featureSubscriptionType":"FREE","subdomain":{"name":null,"enabled":false}}]`)
		case "OWNER":
			fmt.Fprint(w, `[{"id":"ws1","name":"Owned"}]`)
		case "WORKSPACE_ADMIN":
			fmt.Fprint(w, `[{"id":"ws2","name":"Administered"}]`)
		default:
			t.Errorf("unexpected roles query %q", r.URL.RawQuery)
		}
	})

	info, err := client.APIKeys.Verify(ctx)
	require.NoError(t, err)

	assert.ElementsMatch(t, []string{"", "roles=OWNER", "roles=WORKSPACE_ADMIN"}, queries, "one role per call")
	assert.Equal(t, "u1", info.User.ID)
	assert.Equal(t, "ada@example.com", info.User.Email)
	assert.Equal(t, Fingerprint(testKey), info.Fingerprint)
	assert.Equal(t, CredentialAPIKey, info.CredentialKind)
	assert.Equal(t, client.BaseURL(), info.BaseURL)
	assert.True(t, info.WorkspacesListed)
	require.Len(t, info.Workspaces, 3)
	got := map[string]Role{}
	for _, w := range info.Workspaces {
		got[w.Workspace.ID] = w.Role
	}
	assert.Equal(t, map[string]Role{"ws1": RoleOwner, "ws2": RoleWorkspaceAdmin, "ws3": ""}, got)
	assert.Equal(t, "ws1", info.Workspaces[0].Workspace.ID, "Clockify's order is kept")
	assert.Equal(t, "STANDARD_2021", info.Workspaces[0].Workspace.Plan())
	assert.True(t, info.Workspaces[0].Workspace.HasFeature("EDIT_MEMBER_PROFILE"))

	ws, ok := info.Workspace("ws2")
	require.True(t, ok)
	assert.True(t, ws.IsAdmin())
	ws, ok = info.Workspace("ws3")
	require.True(t, ok)
	assert.False(t, ws.IsAdmin())
	_, ok = info.Workspace("nope")
	assert.False(t, ok)
}

func TestAPIKeysVerify_noWorkspacesNoRoleLookups(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	newKeyRing(t, mux, map[string]string{testKey: "u1"})
	var calls atomic.Int32
	mux.HandleFunc("GET /v1/workspaces", func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		assert.Empty(t, r.URL.RawQuery)
		fmt.Fprint(w, `[]`)
	})
	info, err := client.APIKeys.Verify(ctx)
	require.NoError(t, err)
	assert.True(t, info.WorkspacesListed)
	assert.Empty(t, info.Workspaces)
	assert.EqualValues(t, 1, calls.Load())
}

func TestAPIKeysVerify_addonTokenSkipsWorkspaces(t *testing.T) {
	t.Parallel()
	client, mux := addonClient(t, "addon-token-1")
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "addon-token-1", r.Header.Get("X-Addon-Token"))
		assert.Empty(t, r.Header.Values("X-Api-Key"))
		fmt.Fprint(w, `{"id":"owner1","email":"owner@example.com"}`)
	})
	mux.HandleFunc("GET /v1/workspaces", func(w http.ResponseWriter, r *http.Request) {
		t.Error("GET /v1/workspaces does not accept addon tokens and must not be called")
	})
	info, err := client.APIKeys.Verify(ctx)
	require.NoError(t, err)
	assert.Equal(t, "owner1", info.User.ID)
	assert.Equal(t, CredentialAddonToken, info.CredentialKind)
	assert.Equal(t, Fingerprint("addon-token-1"), info.Fingerprint)
	assert.False(t, info.WorkspacesListed)
	assert.Nil(t, info.Workspaces)
}

func TestAPIKeysVerify_unknownKeyExplainsRegionsAndSubdomains(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		opt   Option
		place string
	}{
		{"global", nil, "api.clockify.me (global)"},
		{"region", WithRegion(RegionEU), "euc1.clockify.me (region euc1)"},
		{"subdomain", WithSubdomain("acme"), "acme.clockify.me (subdomain acme)"},
		{"other host", WithBaseURL("http://127.0.0.1:9999/api"), "127.0.0.1:9999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			mux := http.NewServeMux()
			newKeyRing(t, mux, map[string]string{})
			client := clientServedBy(t, mux, tt.opt)

			info, err := client.APIKeys.Verify(ctx)
			require.Error(t, err)
			assert.Nil(t, info)
			assert.ErrorIs(t, err, ErrInvalidAPIKey)
			assert.ErrorIs(t, err, ErrUnauthorized)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, 4003, apiErr.Code)
			msg := err.Error()
			assert.Contains(t, msg, "keys work only in the region or subdomain where they were generated")
			assert.Contains(t, msg, tt.place)
			assert.Contains(t, msg, Fingerprint(testKey))
			assert.NotContains(t, msg, testKey)
		})
	}
}

func TestAPIKeysVerify_invalidAddonToken(t *testing.T) {
	t.Parallel()
	client, mux := addonClient(t, "addon-token-secret")
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"message":"Token is not valid","code":4017}`)
	})
	_, err := client.APIKeys.Verify(ctx)
	assert.ErrorIs(t, err, ErrInvalidAddonToken)
	assert.NotErrorIs(t, err, ErrInvalidAPIKey)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 4017, apiErr.Code)
	assert.Contains(t, err.Error(), Fingerprint("addon-token-secret"))
	assert.NotContains(t, err.Error(), "addon-token-secret")
}

func TestAPIKeysVerify_otherErrorsPassThrough(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, `{"message":"Access Denied"}`)
	})
	_, err := client.APIKeys.Verify(ctx)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, apiErr, err, "nothing to explain about a 403")
	assert.ErrorIs(t, err, ErrForbidden)
}

func TestAPIKeysVerify_failedWorkspaceListingIsReturned(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		roles    string // the listing that fails: unfiltered, or filtered by this role
		status   int
		body     string
		sentinel error
	}{
		{"all workspaces, server error", "", http.StatusInternalServerError, `{"message":"boom"}`, ErrServer},
		{"all workspaces, key revoked meanwhile", "", http.StatusUnauthorized, `{"message":"Api key does not exist","code":4003}`, ErrInvalidAPIKey},
		{"owned workspaces", "OWNER", http.StatusForbidden, `{"message":"Access Denied"}`, ErrForbidden},
		{"administered workspaces", "WORKSPACE_ADMIN", http.StatusForbidden, `{"message":"Access Denied"}`, ErrForbidden},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			client, mux := setup(t)
			newKeyRing(t, mux, map[string]string{testKey: "u1"})
			mux.HandleFunc("GET /v1/workspaces", func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Query().Get("roles") == tc.roles {
					w.WriteHeader(tc.status)
					fmt.Fprint(w, tc.body)
					return
				}
				fmt.Fprint(w, `[{"id":"ws1","name":"Owned"}]`)
			})

			info, err := client.APIKeys.Verify(ctx)
			assert.Nil(t, info, "no half-filled KeyInfo")
			assert.ErrorIs(t, err, tc.sentinel)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tc.status, apiErr.StatusCode)
			assert.NotContains(t, err.Error(), testKey)
		})
	}
}

func TestAPIKeysRotate_laterRequestsCarryNewKey(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	ring := newKeyRing(t, mux, map[string]string{testKey: "u1", newTestKey: "u1"})
	mux.HandleFunc("GET /v1/workspaces", func(w http.ResponseWriter, r *http.Request) {
		if _, ok := ring.check(w, r); ok {
			fmt.Fprint(w, `[]`)
		}
	})

	require.NoError(t, client.APIKeys.Rotate(ctx, newTestKey))
	// The new key is tried first, on its own; then the current key's user is read.
	assert.Equal(t, []string{newTestKey, testKey}, ring.seenKeys())

	info, err := client.APIKeys.Verify(ctx)
	require.NoError(t, err)
	assert.Equal(t, Fingerprint(newTestKey), info.Fingerprint)
	assert.Equal(t, []string{newTestKey, newTestKey}, ring.seenKeys())
}

func TestAPIKeysRotate_unknownKeyKeepsOld(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	ring := newKeyRing(t, mux, map[string]string{testKey: "u1"})

	err := client.APIKeys.Rotate(ctx, newTestKey)
	assert.ErrorIs(t, err, ErrInvalidAPIKey)
	var apiErr *APIError
	assert.ErrorAs(t, err, &apiErr)
	assert.Contains(t, err.Error(), "still using "+Fingerprint(testKey))
	assert.Contains(t, err.Error(), Fingerprint(newTestKey))
	assert.Equal(t, []string{newTestKey}, ring.seenKeys(), "the new key is checked first")

	_, _, err = client.Members.Current(ctx)
	require.NoError(t, err)
	assert.Equal(t, []string{testKey}, ring.seenKeys(), "the client still uses the old key")
}

func TestAPIKeysRotate_otherUsersKeyKeepsOld(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	ring := newKeyRing(t, mux, map[string]string{testKey: "u1", newTestKey: "u2"})

	err := client.APIKeys.Rotate(ctx, newTestKey)
	require.ErrorIs(t, err, ErrKeyOwnerMismatch)
	msg := err.Error()
	assert.Contains(t, msg, Fingerprint(newTestKey))
	assert.Contains(t, msg, Fingerprint(testKey))
	assert.Contains(t, msg, "u1")
	assert.Contains(t, msg, "u2")
	assert.NotContains(t, msg, testKey)
	assert.NotContains(t, msg, newTestKey)
	ring.seenKeys()

	_, _, err = client.Members.Current(ctx)
	require.NoError(t, err)
	assert.Equal(t, []string{testKey}, ring.seenKeys(), "the client still uses the old key")
}

func TestAPIKeysRotate_failedOwnerLookupKeepsOldKey(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	var (
		mu   sync.Mutex
		seen []string
	)
	oldKeyFails := true
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
		key := r.Header.Get("X-Api-Key")
		mu.Lock()
		seen = append(seen, key)
		fail := oldKeyFails && key == testKey
		mu.Unlock()
		if fail {
			w.WriteHeader(http.StatusInternalServerError)
			fmt.Fprint(w, `{"message":"boom"}`)
			return
		}
		fmt.Fprint(w, `{"id":"u1","settings":null}`)
	})

	err := client.APIKeys.Rotate(ctx, newTestKey)
	assert.ErrorIs(t, err, ErrServer)
	assert.NotErrorIs(t, err, ErrKeyOwnerUnknown, "only a refused (4003) key makes the owner unknown")
	assert.NotErrorIs(t, err, ErrInvalidAPIKey)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusInternalServerError, apiErr.StatusCode)
	assert.Contains(t, err.Error(), "still using "+Fingerprint(testKey))
	assert.NotContains(t, err.Error(), testKey)
	assert.NotContains(t, err.Error(), newTestKey)

	mu.Lock()
	oldKeyFails = false
	seen = nil
	mu.Unlock()
	_, _, err = client.Members.Current(ctx)
	require.NoError(t, err)
	mu.Lock()
	defer mu.Unlock()
	assert.Equal(t, []string{testKey}, seen, "the next request still carries the old key")
}

func TestAPIKeysRotate_refusesBadInputWithoutRequests(t *testing.T) {
	t.Parallel()
	for _, key := range []string{"", "   ", "key-with-newline\n", "key with space", "tab\tkey"} {
		t.Run(fmt.Sprintf("%q", key), func(t *testing.T) {
			t.Parallel()
			client, mux := setup(t)
			ring := newKeyRing(t, mux, map[string]string{testKey: "u1"})
			err := client.APIKeys.Rotate(ctx, key)
			assert.ErrorIs(t, err, ErrInvalidInput)
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, "newKey", ve.Field)
			if strings.TrimSpace(key) != "" {
				assert.NotContains(t, err.Error(), strings.TrimSpace(key))
			}
			assert.Empty(t, ring.seenKeys())
			assert.Equal(t, testKey, credentialInUse(t, client, mux).Get("X-Api-Key"))
		})
	}
}

func TestAPIKeysRotate_addonClientRefused(t *testing.T) {
	t.Parallel()
	client, mux := addonClient(t, "addon-token-1")
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("no request expected, got %s %s", r.Method, r.URL)
	})
	err := client.APIKeys.Rotate(ctx, newTestKey)
	assert.ErrorIs(t, err, ErrInvalidInput)
	assert.Contains(t, err.Error(), "addon token")
	h := credentialInUse(t, client, mux)
	assert.Equal(t, "addon-token-1", h.Get("X-Addon-Token"))
	assert.Empty(t, h.Values("X-Api-Key"))
}

// Generating a key in the web app may deactivate the previous one; a client that ran Verify
// still knows whose the old key was.
func TestAPIKeysRotate_afterOldKeyDeactivatedUsesVerifiedOwner(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	ring := newKeyRing(t, mux, map[string]string{testKey: "u1"})
	mux.HandleFunc("GET /v1/workspaces", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, `[]`) })
	_, err := client.APIKeys.Verify(ctx)
	require.NoError(t, err)

	ring.revoke(testKey)
	ring.mu.Lock()
	ring.keys[newTestKey] = "u1"
	ring.mu.Unlock()
	ring.seenKeys()

	require.NoError(t, client.APIKeys.Rotate(ctx, newTestKey))
	assert.Equal(t, []string{newTestKey}, ring.seenKeys(), "the old key's user was known; it is not asked again")
	_, err = client.APIKeys.Verify(ctx)
	require.NoError(t, err)
	assert.Equal(t, []string{newTestKey}, ring.seenKeys())
}

func TestAPIKeysRotate_oldKeyDeactivatedOwnerUnknown(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	newKeyRing(t, mux, map[string]string{newTestKey: "u1"}) // testKey already gone

	err := client.APIKeys.Rotate(ctx, newTestKey)
	require.ErrorIs(t, err, ErrKeyOwnerUnknown)
	assert.NotErrorIs(t, err, ErrInvalidAPIKey, "the new key is fine; it is the old one Clockify refuses")
	assert.NotContains(t, err.Error(), testKey)
	assert.NotContains(t, err.Error(), newTestKey)
	assert.Equal(t, testKey, credentialInUse(t, client, mux).Get("X-Api-Key"))
}

// Rotate's trial request follows the same rule as the client's own credential: never sent to
// another host, even after a redirect.
func TestAPIKeysRotate_newKeyNotSentToOtherHost(t *testing.T) {
	t.Parallel()
	var leaked atomic.Value
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		leaked.Store(r.Header.Get("X-Api-Key") + r.Header.Get("X-Addon-Token"))
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"message":"Multiple or none auth tokens present","code":1000}`)
	}))
	t.Cleanup(other.Close)
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/v1/user", http.StatusFound)
	})
	err := client.APIKeys.Rotate(ctx, newTestKey)
	assert.ErrorIs(t, err, ErrRedirectElsewhere)
	assert.Nil(t, leaked.Load(), "the redirect is not followed")
	assert.Equal(t, testKey, credentialInUse(t, client, mux).Get("X-Api-Key"))
}

// Requests made while another goroutine rotates carry the old key or the new one, whole; a
// Verify uses one key for all its requests.
func TestAPIKeysRotate_concurrentWithRequests(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	ring := newKeyRing(t, mux, map[string]string{testKey: "u1", newTestKey: "u1"})
	tag := map[string]string{testKey: "old", newTestKey: "new"}
	mux.HandleFunc("GET /v1/workspaces", func(w http.ResponseWriter, r *http.Request) {
		if _, ok := ring.check(w, r); ok {
			fmt.Fprintf(w, `[{"id":"ws1","name":%q}]`, tag[r.Header.Get("X-Api-Key")])
		}
	})
	byFP := map[string]string{Fingerprint(testKey): "old", Fingerprint(newTestKey): "new"}

	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		keys := []string{newTestKey, testKey}
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			assert.NoError(t, client.APIKeys.Rotate(ctx, keys[i%2]))
		}
	}()
	var workers sync.WaitGroup
	for g := 0; g < 16; g++ {
		workers.Add(1)
		go func() {
			defer workers.Done()
			for i := 0; i < 20; i++ {
				info, err := client.APIKeys.Verify(ctx)
				if !assert.NoError(t, err) {
					return
				}
				want, ok := byFP[info.Fingerprint]
				if !assert.True(t, ok, "fingerprint of neither key") || !assert.Len(t, info.Workspaces, 1) {
					return
				}
				assert.Equal(t, want, info.Workspaces[0].Workspace.Name, "one Verify, one key")
				assert.Equal(t, "u1", info.User.ID)
			}
		}()
	}
	workers.Wait()
	close(stop)
	wg.Wait()

	seen := ring.seenKeys()
	assert.NotEmpty(t, seen)
	var olds, news int
	for _, k := range seen {
		switch k {
		case testKey:
			olds++
		case newTestKey:
			news++
		default:
			t.Fatalf("a request carried neither key (len %d)", len(k))
		}
	}
	assert.Positive(t, olds)
	assert.Positive(t, news)
}

func TestAPIKeysRotate_keysNeverPrinted(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	ring := newKeyRing(t, mux, map[string]string{testKey: "u1", newTestKey: "u1", "other-users-key-0123456789": "u2"})

	var errs []error
	errs = append(errs, client.APIKeys.Rotate(ctx, "unknown-key-0123456789abcdef"))
	errs = append(errs, client.APIKeys.Rotate(ctx, "other-users-key-0123456789"))
	require.NoError(t, client.APIKeys.Rotate(ctx, newTestKey))
	ring.revoke(newTestKey)
	_, err := client.APIKeys.Verify(ctx)
	errs = append(errs, err)

	secrets := []string{testKey, newTestKey, "unknown-key-0123456789abcdef", "other-users-key-0123456789"}
	printed := fmt.Sprintf("%v %+v %#v %s", client, client, client, client) +
		fmt.Sprintf("%v %+v %#v", client.APIKeys, client.APIKeys, *client.APIKeys)
	for _, err := range errs {
		require.Error(t, err)
		printed += err.Error() + fmt.Sprintf(" %v %+v %#v", err, err, err)
	}
	for _, s := range secrets {
		assert.NotContains(t, printed, s)
	}
	assert.Contains(t, printed, Fingerprint(newTestKey))
}

func TestAPIKeysFingerprint(t *testing.T) {
	t.Parallel()
	fp := Fingerprint(testKey)
	assert.Equal(t, fp, Fingerprint(testKey), "stable")
	assert.Regexp(t, `^fp:[0-9a-f]{12}$`, fp)
	assert.NotEqual(t, fp, Fingerprint(newTestKey))
	assert.NotContains(t, fp, testKey[:6])
}

func TestAPIKeysDescribeHost(t *testing.T) {
	t.Parallel()
	for raw, want := range map[string]string{
		"https://api.clockify.me/api":       "api.clockify.me (global)",
		"https://use2.clockify.me/api":      "use2.clockify.me (region use2)",
		"https://apse2.clockify.me/api":     "apse2.clockify.me (region apse2)",
		"https://euw2.clockify.me/api":      "euw2.clockify.me (region euw2)",
		"https://Acme.clockify.me/api":      "Acme.clockify.me (subdomain acme)",
		"https://developer.clockify.me/api": "developer.clockify.me (developer sandbox)",
		"http://localhost:8080":             "localhost:8080",
		"https://a.b.clockify.me/api":       "a.b.clockify.me",
	} {
		c, err := NewClient(WithAPIKey("k"), WithBaseURL(raw))
		require.NoError(t, err)
		assert.Equal(t, want, describeHost(c.base), raw)
	}
}
