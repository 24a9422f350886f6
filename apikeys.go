package clockify

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// APIKeysService covers what a program can do with credentials. Clockify's API has no
// endpoint to create, list, rename or delete API keys: that is done in the web app (Profile
// settings → Preferences → Advanced → Manage API keys), where generating a new key may
// deactivate the old one (https://clockify.me/help/administration/api-webhook-settings). A key
// works only in the region or subdomain where it was generated. The service therefore checks
// credentials (Verify), swaps a new key into a running client (Rotate), and names keys safely
// in logs (Fingerprint).
type APIKeysService service

// CredentialKind is the kind of credential a client sends.
type CredentialKind string

// Credential kinds.
const (
	CredentialAPIKey     CredentialKind = "API key"     // X-Api-Key: a user's personal key
	CredentialAddonToken CredentialKind = "addon token" // X-Addon-Token: a Marketplace add-on's token
)

// KeyInfo is what Verify learned about the client's credential.
type KeyInfo struct {
	// User is the user the credential acts as (for an API key, its owner).
	User *User
	// Fingerprint identifies the credential safely (see Fingerprint); the secret itself is
	// never part of KeyInfo.
	Fingerprint    string
	CredentialKind CredentialKind
	// BaseURL is the API root the credential was checked against; keys are valid only there.
	BaseURL string
	// Workspaces are the workspaces the credential reaches, in Clockify's order, each with the
	// user's role there.
	Workspaces []KeyWorkspace
	// WorkspacesListed is false when Workspaces could not be read: Clockify's GET /v1/workspaces
	// does not accept addon tokens, so Verify skips it for them.
	WorkspacesListed bool
}

// Workspace returns the workspace with the given id among those the credential reaches; none
// for a nil *KeyInfo.
func (k *KeyInfo) Workspace(id string) (KeyWorkspace, bool) {
	if k == nil {
		return KeyWorkspace{}, false
	}
	for _, w := range k.Workspaces {
		if w.Workspace != nil && w.Workspace.ID == id {
			return w, true
		}
	}
	return KeyWorkspace{}, false
}

// Verify checks the client's credential and reports whose it is and which workspaces it
// reaches with which role, so a program can fail fast instead of mid-job. An unknown key is an
// error matching ErrInvalidAPIKey whose message explains that keys are valid only in the region
// or subdomain where they were generated; an invalid addon token matches ErrInvalidAddonToken.
// errors.As reaches the *APIError in both cases.
//
// Verify costs one request for an addon token (Clockify lists workspaces only for API keys)
// and up to four for an API key: the user, all workspaces, and the workspaces filtered by
// roles=OWNER and by roles=WORKSPACE_ADMIN (Clockify does not count owners as admins there,
// and memberships carry no role, so no single request tells the roles). All requests use the
// same credential even if Rotate runs meanwhile.
//
// Clockify API: GET /v1/user, GET /v1/workspaces (unfiltered, ?roles=OWNER, ?roles=WORKSPACE_ADMIN)
func (s *APIKeysService) Verify(ctx context.Context) (*KeyInfo, error) {
	c := clientOf(s)
	if err := c.usable(ctx); err != nil {
		return nil, err
	}
	cred := c.cred.Load()
	u, err := s.user(ctx, cred)
	if err != nil {
		return nil, err
	}
	if cred.header == apiKeyHeader && cred.owner == "" {
		// Recorded so a later Rotate can check ownership even after this key is deactivated.
		// If the key was swapped meanwhile, there is nothing to record.
		c.cred.CompareAndSwap(cred, &credential{header: cred.header, secret: cred.secret, owner: u.ID})
	}
	info := &KeyInfo{User: u, Fingerprint: Fingerprint(cred.secret), CredentialKind: cred.kind(), BaseURL: c.BaseURL()}
	if cred.header != apiKeyHeader {
		return info, nil
	}

	ws, _, err := (*WorkspacesService)(s).withRoles(ctx, cred)
	if err != nil {
		return nil, s.credentialError(cred, err)
	}
	info.WorkspacesListed = true
	info.Workspaces = ws
	return info, nil
}

// Rotate makes the client use newKey from now on. It first checks newKey with a request that
// carries only newKey, and keeps the current key if Clockify does not know newKey
// (ErrInvalidAPIKey) or if it belongs to another user than the current key (ErrKeyOwnerMismatch).
// The current key's user is the one recorded by an earlier Verify or Rotate, or else is read
// with the current key; if that key no longer works and no user was recorded, Rotate refuses
// with ErrKeyOwnerUnknown. Generating a key in the web app may deactivate the previous one, so
// call Verify when the client starts.
//
// The swap is atomic: requests already sent keep the old key, later ones carry the new one,
// and none carries a mix. Only API keys rotate: on a client with an addon token Rotate returns
// a *ValidationError, as it does for an empty newKey, without sending anything.
//
// Clockify API: GET /v1/user (Clockify has no endpoint to create or revoke keys)
func (s *APIKeysService) Rotate(ctx context.Context, newKey string) error {
	c := clientOf(s)
	if err := c.usable(ctx); err != nil {
		return err
	}
	if err := checkSecret("newKey", newKey); err != nil {
		return err
	}
	c.rotateMu.Lock()
	defer c.rotateMu.Unlock()
	cur := c.cred.Load()
	if cur.header != apiKeyHeader {
		return &ValidationError{Field: "credential", Reason: "only an API key can be rotated; this client uses an addon token"}
	}
	oldFP, newFP := Fingerprint(cur.secret), Fingerprint(newKey)

	next := &credential{header: apiKeyHeader, secret: newKey}
	newUser, err := s.user(ctx, next)
	if err != nil {
		return wrapf(err, "new API key refused, still using %s", oldFP)
	}
	owner := cur.owner
	if owner == "" {
		u, err := s.user(ctx, cur)
		switch {
		case errors.Is(err, ErrInvalidAPIKey):
			// Not wrapped: the *APIError is about the old key, and matching ErrInvalidAPIKey
			// would suggest the new one is bad.
			return fmt.Errorf("%w: Clockify no longer accepts the current key %s (401, code 4003) and no earlier Verify recorded its user, so %s cannot be checked against it; still using %s (use a new Client for the new key)",
				ErrKeyOwnerUnknown, oldFP, newFP, oldFP)
		case err != nil:
			return wrapf(err, "look up the current API key's user, still using %s", oldFP)
		}
		owner = u.ID
	}
	if newUser.ID != owner {
		return fmt.Errorf("%w: new key %s belongs to user %s, the current key %s to user %s; still using %s",
			ErrKeyOwnerMismatch, newFP, newUser.ID, oldFP, owner, oldFP)
	}
	c.setAPIKey(newKey, newUser.ID)
	c.admins.forget() // the rights are re-read: they may have changed since the old key was issued
	return nil
}

// kind names the credential's kind.
func (c *credential) kind() CredentialKind {
	if c.header == addonTokenHeader {
		return CredentialAddonToken
	}
	return CredentialAPIKey
}

// user reads the user cred belongs to.
//
// Clockify API: GET /v1/user
func (s *APIKeysService) user(ctx context.Context, cred *credential) (*User, error) {
	u, _, err := do[User](ctx, clientOf(s), op{method: http.MethodGet, path: "v1/user", retrySafe: true, cred: cred})
	if err != nil {
		return nil, s.credentialError(cred, err)
	}
	if u.ID == "" {
		// Two empty ids are not the same user: Rotate must not adopt a key on that basis.
		return nil, wrapf(ErrEmptyResponse, "GET /v1/user: the user has no id")
	}
	return u, nil
}

// credentialError explains a refused credential: the same 4003 answers a deleted key and a key
// from another region or subdomain, so the message names both. It wraps the *APIError, so
// errors.Is(err, ErrInvalidAPIKey) and errors.As(err, &apiErr) keep working. Other errors
// pass through.
func (s *APIKeysService) credentialError(cred *credential, err error) error {
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		return err
	}
	place := describeHost(clientOf(s).base)
	switch {
	case errors.Is(apiErr, ErrInvalidAPIKey):
		return wrapf(apiErr, "API key %s is not known at %s; keys work only in the region or subdomain where they were generated, so it may come from another one, or it was deleted or replaced in the web app",
			Fingerprint(cred.secret), place)
	case errors.Is(apiErr, ErrInvalidAddonToken):
		return wrapf(apiErr, "addon token %s is not valid at %s", Fingerprint(cred.secret), place)
	}
	return err
}

// describeHost names the place a base URL points to, e.g. "euc1.clockify.me (region euc1)".
func describeHost(base *url.URL) string {
	host := base.Hostname()
	label, onClockify := strings.CutSuffix(strings.ToLower(host), ".clockify.me")
	switch {
	case !onClockify || strings.Contains(label, "."):
		return base.Host
	case label == "api":
		return host + " (global)"
	case label == "developer":
		return host + " (developer sandbox)"
	}
	switch Region(label) {
	case RegionEU, RegionUS, RegionUK, RegionAU:
		return host + " (region " + label + ")"
	}
	return host + " (subdomain " + label + ")"
}

// Fingerprint returns a short identifier of a key or token that is safe to log: the first 12
// hex digits of its SHA-256, prefixed "fp:". It is stable, and reveals nothing of the secret.
func Fingerprint(key string) string {
	sum := sha256.Sum256([]byte(key))
	return "fp:" + hex.EncodeToString(sum[:6])
}
