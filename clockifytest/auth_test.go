package clockifytest

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAuth_exactlyOneCredential(t *testing.T) {
	s := newDemo(t)
	key := s.OwnerKey()
	tok := s.IssueAddonToken(DemoWorkspaceID)
	for name, hdr := range map[string][]string{
		"none":           {"noauth", ""},
		"key and addon":  {HeaderAPIKey, key, HeaderAddonToken, tok},
		"bearer":         {"Authorization", "Bearer " + key},
		"key and bearer": {HeaderAPIKey, key, "Authorization", "Bearer " + key},
		"key and market": {HeaderAPIKey, key, HeaderMarketplaceToken, "x"},
	} {
		t.Run(name, func(t *testing.T) {
			assertError(t, send(t, s, http.MethodGet, "/v1/user", "", hdr...), http.StatusUnauthorized, 1000, "Multiple or none auth tokens present")
		})
	}
}

func TestAuth_unknownAndRevokedKey(t *testing.T) {
	s := newDemo(t)
	assertError(t, send(t, s, http.MethodGet, "/v1/user", "", HeaderAPIKey, "nope"), http.StatusUnauthorized, 4003, "Api key does not exist")

	key := s.IssueKey(DemoMemberID)
	require.Equal(t, http.StatusOK, send(t, s, http.MethodGet, "/v1/user", "", HeaderAPIKey, key).status)
	s.RevokeKey(key)
	assertError(t, send(t, s, http.MethodGet, "/v1/user", "", HeaderAPIKey, key), http.StatusUnauthorized, 4003, "Api key does not exist")
	// The owner's other key still works.
	assert.Equal(t, http.StatusOK, send(t, s, http.MethodGet, "/v1/user", "").status)
}

func TestAuth_authIsCheckedBeforeRouting(t *testing.T) {
	s := newDemo(t)
	assertError(t, send(t, s, http.MethodGet, "/v1/nothing-here", "", "noauth", ""), http.StatusUnauthorized, 1000, "Multiple or none")
}

func TestAuth_addonToken(t *testing.T) {
	s := newDemo(t)
	tok := s.IssueAddonToken(DemoWorkspaceID)

	me := decodeJSON[wireUser](t, send(t, s, http.MethodGet, "/v1/user", "", HeaderAddonToken, tok))
	assert.Equal(t, DemoOwnerID, me.ID, "an add-on acts as the workspace owner")

	assert.Equal(t, http.StatusOK, send(t, s, http.MethodGet, demoWS, "", HeaderAddonToken, tok).status)
	assertError(t, send(t, s, http.MethodGet, "/v1/workspaces/"+DemoFreeWorkspaceID, "", HeaderAddonToken, tok),
		http.StatusBadRequest, 501, "doesn't belong")
	// GET /v1/workspaces accepts no add-on token.
	assertError(t, send(t, s, http.MethodGet, "/v1/workspaces", "", HeaderAddonToken, tok), http.StatusUnauthorized, 1000, "Multiple or none")

	s.RevokeAddonToken(tok)
	assertError(t, send(t, s, http.MethodGet, demoWS, "", HeaderAddonToken, tok), http.StatusUnauthorized, 4017, "Token is not valid")
	assertError(t, send(t, s, http.MethodGet, demoWS, "", HeaderMarketplaceToken, "m"), http.StatusUnauthorized, 4017, "Token is not valid")
}

func TestRequests_recordWithoutCredentials(t *testing.T) {
	s := newDemo(t)
	key := s.OwnerKey()
	send(t, s, http.MethodPost, demoWS+"/users/info?x=1", `{"page":1}`, HeaderAPIKey, key, "User-Agent", "probe/1")
	send(t, s, http.MethodGet, "/v1/user", "", "Authorization", "Bearer "+key)

	reqs := s.Requests()
	require.Len(t, reqs, 2)
	r := reqs[0]
	assert.Equal(t, http.MethodPost, r.Method)
	assert.Equal(t, demoWS+"/users/info", r.Path)
	assert.Equal(t, "1", r.Query.Get("x"))
	assert.JSONEq(t, `{"page":1}`, string(r.Body))
	assert.Equal(t, http.StatusOK, r.Status)
	assert.Equal(t, HeaderAPIKey, r.AuthHeader)
	assert.Equal(t, Redacted, r.Header.Get(HeaderAPIKey))
	assert.Equal(t, "probe/1", r.Header.Get("User-Agent"))
	assert.Equal(t, "Authorization", reqs[1].AuthHeader)
	assert.Equal(t, http.StatusUnauthorized, reqs[1].Status)
	assert.NotContains(t, fmt.Sprintf("%+v", reqs), key, "a credential leaked into the records")

	s.ResetRequests()
	assert.Empty(t, s.Requests())
}
