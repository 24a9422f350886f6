package clockify

import (
	"encoding/json"
	"net/http"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// serveAdminOf answers the caller's-rights lookup (GET /v1/workspaces?roles=WORKSPACE_ADMIN&
// roles=OWNER): the caller is the owner or an admin of workspaceIDs and of no other workspace.
// It fails the test if the lookup asks anything else.
func serveAdminOf(t *testing.T, mux *http.ServeMux, workspaceIDs ...string) {
	t.Helper()
	mux.HandleFunc("GET /v1/workspaces", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, []string{"WORKSPACE_ADMIN", "OWNER"}, r.URL.Query()["roles"], "both roles: the filter does not count owners as admins")
		list := []map[string]string{}
		for _, id := range workspaceIDs {
			list = append(list, map[string]string{"id": id, "name": "W " + id})
		}
		assert.NoError(t, json.NewEncoder(w).Encode(list))
	})
}

// forbidden answers every request to route with Clockify's bare 403.
func forbidden(mux *http.ServeMux, route string) {
	mux.HandleFunc(route, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
		_, _ = w.Write([]byte(`{"message":"Access Denied"}`))
	})
}

// After a 403 the caller's rights are read once per client, and one reading answers every
// workspace where the caller is an admin; a 400 reads nothing.
func TestAdminOnly_wireCost(t *testing.T) {
	t.Parallel()
	client, srv := setupServer(t)
	serveAdminOf(t, srv.ServeMux, "ws2")
	forbidden(srv.ServeMux, "PUT /v1/workspaces/ws1/users/u1")
	forbidden(srv.ServeMux, "PUT /v1/workspaces/ws2/users/u1")
	srv.HandleFunc("GET /v1/workspaces/ws2", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte(`{"id":"ws2","features":[]}`)) })
	srv.HandleFunc("POST /v1/workspaces/ws2/users/info", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte(`[]`)) })

	for range 3 {
		_, _, err := client.Members.Activate(ctx, "ws1", "u1")
		re := assertRestriction(t, err, ErrAdminOnly, "u1")
		require.NotNil(t, re.Err)
		assert.Equal(t, http.StatusForbidden, re.Err.StatusCode)
		assert.ErrorIs(t, err, ErrForbidden)
	}
	// ws2 was answered by the same reading: an admin's 403 there is not ErrAdminOnly.
	_, _, err := client.Members.Activate(ctx, "ws2", "u1")
	assert.ErrorIs(t, err, ErrForbidden)
	assert.NotErrorIs(t, err, ErrAdminOnly)
	assert.Equal(t, 1, srv.count("GET /v1/workspaces"), "one reading of the caller's rights: %v", srv.sent())

	srv.HandleFunc("POST /v1/workspaces/ws3/users", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"message":"bad"}`))
	})
	srv.HandleFunc("GET /v1/workspaces/ws3", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte(`{"id":"ws3"}`)) })
	_, _, err = client.Members.Invite(ctx, "ws3", "a@example.com", nil)
	assert.NotErrorIs(t, err, ErrAdminOnly)
	assert.False(t, slices.Contains(srv.sent()[len(srv.sent())-2:], "GET /v1/workspaces"), "a 400 does not read the caller's rights")
	assert.Equal(t, 1, srv.count("GET /v1/workspaces"))
}

// An addon token acts as the workspace owner: its rights are never looked up.
func TestAdminOnly_addonTokenIsAdmin(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t)
	client, err := NewClient(WithBaseURL(srv.URL), WithAddonToken("addon-token-for-tests"), WithoutRateLimit())
	require.NoError(t, err)
	forbidden(srv.ServeMux, "PUT /v1/workspaces/ws1/users/u1")
	_, _, err = client.Members.Activate(ctx, "ws1", "u1")
	assert.ErrorIs(t, err, ErrForbidden)
	assert.NotErrorIs(t, err, ErrAdminOnly)
	assert.Equal(t, []string{"PUT /v1/workspaces/ws1/users/u1"}, srv.sent())
}
