package clockifytest

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"net/http"
)

// Credential header names.
const (
	HeaderAPIKey           = "X-Api-Key"
	HeaderAddonToken       = "X-Addon-Token"
	HeaderMarketplaceToken = "X-Marketplace-Token"
)

// credentialHeaders are the headers whose values the fake never records.
var credentialHeaders = []string{HeaderAPIKey, HeaderAddonToken, HeaderMarketplaceToken, "Authorization"}

// principal is who a request acts as.
type principal struct {
	userID  string // API key holder
	addonWS string // set for an add-on token: the workspace it is installed in
}

// authenticate applies Clockify's exactly-one-credential rule
// (https://docs.clockify.me/, Authentication): none, several, or an
// Authorization header → 1000;
// unknown API key → 4003; unknown add-on (or marketplace) token → 4017.
func (s *Server) authenticate(r *http.Request) (principal, *apiError) {
	present := 0
	for _, h := range credentialHeaders {
		if len(r.Header.Values(h)) > 0 {
			present++
		}
	}
	if present != 1 || len(r.Header.Values("Authorization")) > 0 {
		return principal{}, errAuthHeaders
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	switch {
	case len(r.Header.Values(HeaderAPIKey)) > 0:
		uid, ok := s.st.keys[r.Header.Get(HeaderAPIKey)]
		if !ok {
			return principal{}, errUnknownKey
		}
		return principal{userID: uid}, nil
	case len(r.Header.Values(HeaderAddonToken)) > 0:
		wsID, ok := s.st.addons[r.Header.Get(HeaderAddonToken)]
		if !ok {
			return principal{}, errInvalidToken
		}
		return principal{addonWS: wsID}, nil
	}
	// Marketplace tokens are never valid here.
	return principal{}, errInvalidToken
}

// authHeaderName names the credential header a request used, for records.
func authHeaderName(h http.Header) string {
	name := ""
	for _, c := range credentialHeaders {
		if len(h.Values(c)) > 0 {
			if name != "" {
				return "multiple"
			}
			name = c
		}
	}
	return name
}

func randomToken() string {
	b := make([]byte, 36)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// IssueKey creates a new API key for userID and returns it. A user may hold
// several keys. It panics if the user does not exist.
func (s *Server) IssueKey(userID string) string {
	return s.issue("IssueKey", "user", userID, func(st *store) (map[string]string, bool) {
		return st.keys, st.users[userID] != nil
	})
}

// RevokeKey makes key unknown: later requests with it get 401 code 4003,
// like a key deleted in the web app.
func (s *Server) RevokeKey(key string) {
	s.mu.Lock()
	delete(s.st.keys, key)
	s.mu.Unlock()
}

// IssueAddonToken creates an X-Addon-Token for an add-on installed in
// workspaceID. The add-on acts with the rights of the workspace owner, only
// in that workspace; GET /v1/user answers with the owner; GET /v1/workspaces
// refuses add-on tokens (401 code 1000), as the spec lists no add-on auth for it.
func (s *Server) IssueAddonToken(workspaceID string) string {
	return s.issue("IssueAddonToken", "workspace", workspaceID, func(st *store) (map[string]string, bool) {
		return st.addons, st.workspaces[workspaceID] != nil
	})
}

// issue makes a new token for id (a what) and records it in the token table of where, which
// also says whether id exists; fn names the caller in the panic for an unknown id.
func (s *Server) issue(fn, what, id string, where func(*store) (tokens map[string]string, known bool)) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	tokens, known := where(s.st)
	if !known {
		panic(fmt.Sprintf("clockifytest: %s: unknown %s %q", fn, what, id))
	}
	tok := randomToken()
	tokens[tok] = id
	return tok
}

// RevokeAddonToken makes token invalid (401 code 4017).
func (s *Server) RevokeAddonToken(token string) {
	s.mu.Lock()
	delete(s.st.addons, token)
	s.mu.Unlock()
}
