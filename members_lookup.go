package clockify

import (
	"context"
	"fmt"
	"strings"
)

// Clockify has no GET for one member. The lookups below answer from the member search, which
// matches e-mail and name substrings, and compare exactly themselves.

// lookupOptions is the search behind the lookups: every membership and account status (a
// pending invitee, an inactive or a limited member are members too), with the member's
// workspace membership and manager roles, which for one member cost nothing extra.
func lookupOptions(email, name string) *ListMembersOptions {
	return &ListMembersOptions{Email: email, Name: name, Status: MembershipAll, AccountStatuses: AllAccountStatuses(),
		Memberships: IncludeWorkspaceMemberships, IncludeRoles: true}
}

// FindByEmail returns the workspace's member whose e-mail is email, compared exactly but
// without regard to case, whatever their status (pending, inactive and limited members
// included). The member carries their workspace membership (User.Membership(workspaceID) tells
// its status) and their manager roles (User.RoleGrants). No such member is an error matching
// ErrNotFound.
//
// It costs one request: Clockify's e-mail filter matches substrings ("example.com" matches
// every member at that domain), so the search may return other members, which are skipped;
// only when more than 200 members match does it cost one request per further 200.
//
// Clockify API: GET /v1/workspaces/{workspaceId}/users?email=…
func (s *MembersService) FindByEmail(ctx context.Context, workspaceID, email string) (*User, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID); err != nil {
		return nil, nil, err
	}
	if err := validateEmail(email); err != nil {
		return nil, nil, err
	}
	return s.find(ctx, workspaceID, lookupOptions(email, ""), func(u *User) bool { return strings.EqualFold(u.Email, email) },
		fmt.Sprintf("no member with e-mail %s", email))
}

// Get returns the workspace's member with this id, whatever their status, with their workspace
// membership and manager roles like FindByEmail. No such member is an error matching
// ErrNotFound.
//
// Clockify has no request for one member, so Get costs two: the member's profile, for their
// e-mail (or a limited member's name), then the search by it. Knowing the e-mail, FindByEmail
// does it in one.
//
// Clockify API: GET /v1/workspaces/{workspaceId}/member-profile/{userId},
// GET /v1/workspaces/{workspaceId}/users?email=… (or ?name=… for a limited member)
func (s *MembersService) Get(ctx context.Context, workspaceID, userID string) (*User, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID, "userID", userID); err != nil {
		return nil, nil, err
	}
	p, resp, err := (*ProfilesService)(s).Get(ctx, workspaceID, userID)
	if err != nil {
		return nil, resp, err
	}
	opts := lookupOptions(p.Email, "")
	if p.Email == "" {
		if p.Name == "" {
			return nil, resp, wrapf(ErrNotFound, "member %s has neither e-mail nor name to search by", userID)
		}
		opts = lookupOptions("", p.Name) // a limited member has no e-mail
	}
	return s.find(ctx, workspaceID, opts, func(u *User) bool { return u.ID == userID }, "no member "+userID)
}

// find returns the first member of the search opts that match accepts.
func (s *MembersService) find(ctx context.Context, workspaceID string, opts *ListMembersOptions, match func(*User) bool, none string) (*User, *Response, error) {
	return findFirst(ctx, opts, idOfUser, func(ctx context.Context, o *ListMembersOptions) ([]*User, *Response, error) {
		return s.List(ctx, workspaceID, o)
	}, match, func() error { return wrapf(ErrNotFound, "%s in workspace %s", none, workspaceID) })
}

// findFirst pages through list like an All-style iterator and returns the first item match
// accepts, with the answer of the page it was on; none() is the error when no item matches.
// A lookup stops at the page with the match, so it costs one request per page up to it.
func findFirst[T, O any, P pageable[O]](ctx context.Context, opts P, id func(*T) string,
	list func(ctx context.Context, opts P) ([]*T, *Response, error), match func(*T) bool, none func() error) (*T, *Response, error) {
	var last *Response
	record := func(ctx context.Context, opts P) ([]*T, *Response, error) {
		items, resp, err := list(ctx, opts)
		last = resp
		return items, resp, err
	}
	for item, err := range allPages(ctx, opts, id, record) {
		if err != nil {
			return nil, last, err
		}
		if match(item) {
			return item, last, nil
		}
	}
	return nil, last, none()
}

// InviteMember invites the user with this e-mail like Invite, then returns the new member
// rather than the workspace: their id, and their workspace membership with status
// MembershipPending ("not joined yet") until they accept. Until then their profile cannot be
// edited: Profiles.Update refuses with a *RestrictionError matching ErrInvitationPending, so
// set capacity, working days and week start after they have joined.
//
// It costs two requests, the invite and FindByEmail. The invite is not repeated after the
// server may have acted (see Invite). If the invite went through but reading the member back
// failed, the error says so and wraps the lookup's error: do not invite again, call
// FindByEmail.
//
// Clockify API: POST /v1/workspaces/{workspaceId}/users?send-email=true|false,
// GET /v1/workspaces/{workspaceId}/users?email=…
func (s *MembersService) InviteMember(ctx context.Context, workspaceID, email string, opts *InviteOptions) (*User, *Response, error) {
	email = strings.TrimSpace(email) // as Invite does
	if _, resp, err := s.Invite(ctx, workspaceID, email, opts); err != nil {
		return nil, resp, err
	}
	u, resp, err := s.FindByEmail(ctx, workspaceID, email)
	if err != nil {
		return nil, resp, wrapf(err, "%s was invited, but reading the new member back failed (do not invite again)", email)
	}
	return u, resp, nil
}
