package clockify

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
)

// facts is what the checks of one run know about the workspace, the member and the caller.
type facts struct {
	c           *Client
	workspaceID string
	userID      string // the member the action is for; "" for invitations and new limited members
	refusal     error  // the server's refusal being explained; nil before sending
	err         error  // the first failed lookup; no lookup is made after it

	ws      fact[*Workspace]
	holders map[Role]*fact[map[string]bool]
	caller  fact[string]
	profile fact[*Profile]
	member  fact[*User]
	admin   fact[bool] // whether the caller is the owner or an admin (cached on the Client)
}

// fact is one looked-up value and whether it has been looked up.
type fact[T any] struct {
	v    T
	done bool
}

// get returns the fact, looking it up with fetch on first use unless an earlier lookup of the
// run failed; after a failure it holds fetch's zero-ish answer and f.err the error.
func get[T any](f *facts, x *fact[T], fetch func() (T, error)) T {
	if !x.done {
		x.done = true
		if f.err == nil {
			x.v, f.err = fetch()
		}
	}
	return x.v
}

// orEmpty stands a zero value in for a failed lookup's nil, so checks need no nil guards.
func orEmpty[T any](v *T, err error) (*T, error) {
	if v == nil {
		v = new(T)
	}
	return v, err
}

// workspace is the workspace: plan, features and every member's membership status.
func (f *facts) workspace(ctx context.Context) *Workspace {
	return get(f, &f.ws, func() (*Workspace, error) { return orEmpty(f.c.workspace(ctx, f.workspaceID)) })
}

// status is the member's status in the workspace; "" if absent.
func (f *facts) status(ctx context.Context) MembershipStatus {
	return membershipStatus(f.workspace(ctx), f.userID)
}

// holdersOf is the ids of the members holding role, from one search per role and run.
func (f *facts) holdersOf(ctx context.Context, role Role) map[string]bool {
	if f.holders == nil {
		f.holders = map[Role]*fact[map[string]bool]{}
	}
	x := f.holders[role]
	if x == nil {
		x = &fact[map[string]bool]{}
		f.holders[role] = x
	}
	return get(f, x, func() (map[string]bool, error) { return f.c.holders(ctx, f.workspaceID, role) })
}

// holds reports whether the run's member holds role.
func (f *facts) holds(ctx context.Context, role Role) bool { return f.holdersOf(ctx, role)[f.userID] }

// callerIsOwner reports whether the credential's user owns the workspace: the owners' search,
// then the caller's id.
func (f *facts) callerIsOwner(ctx context.Context) bool {
	owners := f.holdersOf(ctx, RoleOwner)
	caller := get(f, &f.caller, func() (string, error) { return f.c.currentUserID(ctx) })
	return owners[caller]
}

// memberProfile is the member's profile: workspace count, pending approvals, email and name.
func (f *facts) memberProfile(ctx context.Context) *Profile {
	return get(f, &f.profile, func() (*Profile, error) {
		p, _, err := f.c.Profiles.Get(ctx, f.workspaceID, f.userID)
		return orEmpty(p, err)
	})
}

// foundMember is the member found among those matching its profile's email or name, with its
// account status; nil when the search does not find it.
func (f *facts) foundMember(ctx context.Context) *User {
	p := f.memberProfile(ctx)
	return get(f, &f.member, func() (*User, error) { return f.c.findMember(ctx, f.workspaceID, f.userID, p.Email, p.Name) })
}

// restrict builds the restriction of rule for the run's member, carrying the refusal if any.
func (f *facts) restrict(rule error, format string, args ...any) *RestrictionError {
	return restricted(rule, f.userID, fmt.Sprintf(format, args...), f.refusal)
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

// membershipStatus is userID's status in the workspace, from its memberships; "" if absent.
func membershipStatus(ws *Workspace, userID string) MembershipStatus {
	if m, ok := ws.Membership(userID); ok {
		return m.MembershipStatus
	}
	return ""
}

// hasRole reports whether userID holds role in the workspace, searching the members filtered by
// that role (the filter counts owners as admins).
func (c *Client) hasRole(ctx context.Context, workspaceID, userID string, role Role) (bool, error) {
	ids, err := c.holders(ctx, workspaceID, role)
	return ids[userID], err
}

// holders returns the ids of the members holding role, from the filter by role.
func (c *Client) holders(ctx context.Context, workspaceID string, role Role) (map[string]bool, error) {
	f := &MemberFilter{Roles: []Role{role}, Status: MembershipAll, AccountStatuses: AllAccountStatuses(),
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
	f := &MemberFilter{Email: email, Status: MembershipAll, AccountStatuses: AllAccountStatuses(),
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
