package clockify

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
)

// Clockify documents its product rules (clockify-api.md §15) but no error codes for them, so
// the SDK names the rule itself: from what the API exposes about the workspace, the member and
// the caller. The lookups below are what Profiles.Check and the diagnosis of failed writes use;
// each costs one request and is only made when a rule needs it.

// restricted builds the *RestrictionError for rule; apiErr is the server's refusal, if any.
func restricted(rule error, userID, detail string, apiErr error) *RestrictionError {
	e := &RestrictionError{Rule: rule, UserID: userID, Detail: detail}
	errors.As(apiErr, &e.Err)
	return e
}

// diagnosable reports whether a failed write is worth explaining: Clockify refused it with a
// 4xx other than auth, not-found and rate limiting, which say enough by themselves.
func diagnosable(err error) bool {
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode < 400 || apiErr.StatusCode > 499 {
		return false
	}
	return !errors.Is(apiErr, ErrUnauthorized) && !errors.Is(apiErr, ErrNotFound) &&
		!errors.Is(apiErr, ErrRateLimited) && !errors.Is(apiErr, ErrRouteNotFound) &&
		!errors.Is(apiErr, ErrMethodNotAllowed)
}

// workspace reads the workspace: plan, features and every member's workspace membership.
//
// Clockify API: GET /v1/workspaces/{workspaceId}
func (c *Client) workspace(ctx context.Context, workspaceID string) (*Workspace, error) {
	var ws Workspace
	_, err := c.call(ctx, op{method: http.MethodGet, path: "v1/workspaces/" + url.PathEscape(workspaceID), out: &ws, retrySafe: true})
	if err != nil {
		return nil, err
	}
	return &ws, nil
}

// currentUserID is the id of the credential's user, the caller.
//
// Clockify API: GET /v1/user
func (c *Client) currentUserID(ctx context.Context) (string, error) {
	var u User
	if _, err := c.call(ctx, op{method: http.MethodGet, path: "v1/user", out: &u, retrySafe: true}); err != nil {
		return "", err
	}
	return u.ID, nil
}

// hasRole reports whether userID holds role in the workspace, searching the members filtered by
// that role (the filter counts owners as admins).
func (c *Client) hasRole(ctx context.Context, workspaceID, userID string, role Role) (bool, error) {
	ids, err := c.holders(ctx, workspaceID, role)
	return ids[userID], err
}

// holders returns the ids of the members holding role, from the filter by role.
func (c *Client) holders(ctx context.Context, workspaceID string, role Role) (map[string]bool, error) {
	f := &MemberFilter{Roles: []Role{role}, Status: MembershipAll, AccountStatuses: AllAccountStatuses,
		ListOptions: ListOptions{PageSize: MaxPageSize}}
	ids := map[string]bool{}
	for u, err := range c.Members.FilterAll(ctx, workspaceID, f) {
		if err != nil {
			return nil, err
		}
		ids[u.ID] = true
	}
	return ids, nil
}

// findMember finds userID among the members matching email or name (a limited member has no
// email), with its workspace membership and account status; nil when not found.
func (c *Client) findMember(ctx context.Context, workspaceID, userID, email, name string) (*User, error) {
	f := &MemberFilter{Email: email, Status: MembershipAll, AccountStatuses: AllAccountStatuses,
		ListOptions: ListOptions{PageSize: MaxPageSize}}
	if email == "" {
		f.Name = name
	}
	for u, err := range c.Members.FilterAll(ctx, workspaceID, f) {
		if err != nil {
			return nil, err
		}
		if u.ID == userID {
			return u, nil
		}
	}
	return nil, nil
}

// membershipStatus is userID's status in the workspace, from its memberships; "" if absent.
func membershipStatus(ws *Workspace, userID string) MembershipStatus {
	if m, ok := ws.Membership(userID); ok {
		return m.MembershipStatus
	}
	return ""
}

// callerIsOwner reports whether the credential's user owns the workspace (two lookups).
func (c *Client) callerIsOwner(ctx context.Context, workspaceID string) (bool, error) {
	owners, err := c.holders(ctx, workspaceID, RoleOwner)
	if err != nil {
		return false, err
	}
	id, err := c.currentUserID(ctx)
	if err != nil {
		return false, err
	}
	return owners[id], nil
}

// Workspace feature flags that gate member operations (clockify-api.md §15 row 17).
const (
	featureLimitedUsers     = "LIMITED_USERS"
	featureLaborCost        = "LABOR_COST"
	featureHistoricRates    = "HISTORIC_RATES"
	featureUserCustomFields = "USER_CUSTOM_FIELDS"
	featureManagerRole      = "MANAGER_ROLE"
)

// diagnoseFeatures explains a refused write by the first of features the workspace lacks
// (ErrPaidFeature), or returns err unchanged. A workspace that lists no features at all (old
// workspaces) proves nothing, so it leaves err unchanged too.
func (c *Client) diagnoseFeatures(ctx context.Context, workspaceID, userID string, err error, features ...string) error {
	if len(features) == 0 || !diagnosable(err) {
		return err
	}
	ws, lerr := c.workspace(ctx, workspaceID)
	if lerr != nil || len(ws.Features) == 0 {
		return err
	}
	for _, f := range features {
		if !ws.HasFeature(f) {
			return restricted(ErrPaidFeature, userID, fmt.Sprintf("workspace %s does not have the %s feature; it needs a plan that includes it", workspaceID, f), err)
		}
	}
	return err
}
