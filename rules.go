package clockify

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
)

// The rules layer.
//
// Clockify documents its member-management rules in its help centre (who may deactivate whom, what
// a profile edit needs, which plan has which feature; see the articles cited by each rule below)
// but answers a broken rule with a bare 400 or 403 and no error code. The SDK names the rule
// itself, from what the API exposes about the workspace, the member and the caller.
//
// Each operation's rules are an ordered list of checks, built by one constructor per operation:
// inviteRules, limitedMemberRules, rateRules, customFieldRules, deactivateRules, removeRules,
// assignRoleRules, removeRoleRules (this file), profileRules (rules_profile.go) and adminRules
// (rules_admin.go). A check reads the facts it needs from a *facts, which looks each fact up on
// first use and at most once per run (the workspace, the holders of a role, the caller's id, the
// member's profile, the member found by email or name), so a run costs one request per distinct
// fact the checks reach before one blocks. The first check that blocks wins.
//
// One fact outlives the run: whether the caller is the workspace's owner or an admin, which every
// admin-only operation's list asks first (adminOnly, rules_admin.go). The Client caches it per
// workspace for the credential it was read with, so it costs at most one request per client and
// workspace however many refusals it explains; APIKeys.Rotate drops it. After a refusal it is asked
// only about a 403.
//
// Two entry points run a list:
//
//   - c.blockedBy(ctx, workspaceID, userID, rules) answers before anything is sent: the
//     *RestrictionError of the first rule that blocks (its Err nil), nil when none does, or the
//     error of a lookup that failed. Profiles.Check and Members.Remove use it.
//   - c.explain(ctx, workspaceID, userID, refusal, rules) answers after Clockify refused a write:
//     the *RestrictionError wrapping the refusal, or the refusal unchanged when it says enough by
//     itself (see diagnosable), no rule applies or a lookup fails. Every other write uses it,
//     only after a refusal, so the happy path costs no lookups.
//
// A roster planner asks the same layer whether Clockify would refuse an action without sending
// it, e.g. for deactivating member m:
//
//	err := c.blockedBy(ctx, workspaceID, m, deactivateRules())
//	var r *RestrictionError
//	switch {
//	case errors.As(err, &r): // blocked by r.Rule (errors.Is(err, ErrOwnerOnly), ...)
//	case err != nil:         // a lookup failed
//	}
//
// To judge many members of one workspace, the planner can keep the workspace-wide facts (the
// workspace, the role holders, the caller) and renew only the member's (userID, profile, member)
// between members, so each workspace-wide fact still costs one request per plan.
//
// A new rule is one check added to the lists of the operations it governs.

// check is one rule: the restriction when it blocks, nil when it does not apply. When a lookup
// it needs fails, the runner reports that lookup's error whatever the check returned.
type check func(ctx context.Context, f *facts) *RestrictionError

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

// condition is a fact a rule turns on.
type condition func(ctx context.Context, f *facts) bool

// when is the rule that blocks with rule when cond holds; detail formats the member's id.
func when(cond condition, rule error, detail string) check {
	return func(ctx context.Context, f *facts) *RestrictionError {
		if !cond(ctx, f) {
			return nil
		}
		return f.restrict(rule, detail, f.userID)
	}
}

// all holds when every cond holds, asking them in order and stopping at the first that does not.
func all(conds ...condition) condition {
	return func(ctx context.Context, f *facts) bool {
		for _, c := range conds {
			if !c(ctx, f) {
				return false
			}
		}
		return true
	}
}

// not holds when cond does not.
func not(cond condition) condition {
	return func(ctx context.Context, f *facts) bool { return !cond(ctx, f) }
}

// statusIs holds when the member's workspace membership has status s.
func statusIs(s MembershipStatus) condition {
	return func(ctx context.Context, f *facts) bool { return f.status(ctx) == s }
}

// isOwner holds when the member owns the workspace.
func isOwner(ctx context.Context, f *facts) bool { return f.holds(ctx, RoleOwner) }

// adminAndCallerNotOwner holds when the member is an admin and the caller is not the owner, the
// case of the owner-only rules (the caller is looked up only for an admin).
func adminAndCallerNotOwner(ctx context.Context, f *facts) bool {
	return f.holds(ctx, RoleWorkspaceAdmin) && !f.callerIsOwner(ctx)
}

// first runs rules in order and returns the first restriction, or the error of a failed lookup.
func (f *facts) first(ctx context.Context, rules []check) (*RestrictionError, error) {
	for _, rule := range rules {
		r := rule(ctx, f)
		if f.err != nil {
			return nil, f.err
		}
		if r != nil {
			return r, nil
		}
	}
	return nil, nil
}

// blockedBy reports whether one of rules would make Clockify refuse the action for userID,
// without sending it: a *RestrictionError (Err nil), nil, or a failed lookup's error.
func (c *Client) blockedBy(ctx context.Context, workspaceID, userID string, rules []check) error {
	if err := c.usable(ctx); err != nil {
		return err
	}
	r, err := (&facts{c: c, workspaceID: workspaceID, userID: userID}).first(ctx, rules)
	if err != nil {
		return err
	}
	if r != nil {
		return r
	}
	return nil
}

// explain names the rule behind refusal, Clockify's answer to a write for userID: a
// *RestrictionError wrapping it, or refusal itself when it needs no explaining, no rule applies
// or a lookup fails.
func (c *Client) explain(ctx context.Context, workspaceID, userID string, refusal error, rules []check) error {
	if len(rules) == 0 || !diagnosable(refusal) {
		return refusal
	}
	r, err := (&facts{c: c, workspaceID: workspaceID, userID: userID, refusal: refusal}).first(ctx, rules)
	if err != nil || r == nil {
		return refusal
	}
	return r
}

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

// The plan and workspace feature flags that gate member operations, as the workspace reports
// them in featureSubscriptionType and features
// (https://docs.clockify.me/#tag/Workspace/operation/getWorkspaceOfUser).
const (
	planFree                 = "FREE"
	featureLimitedUsers      = "LIMITED_USERS"
	featureLaborCost         = "LABOR_COST"
	featureHistoricRates     = "HISTORIC_RATES"
	featureUserCustomFields  = "USER_CUSTOM_FIELDS"
	featureManagerRole       = "MANAGER_ROLE"
	featureEditMemberProfile = "EDIT_MEMBER_PROFILE"
)

// inviteRules: inviting needs an admin, and by API a paid plan
// (https://clockify.me/help/users/inviting-users).
func inviteRules() []check {
	return []check{adminOnly, func(ctx context.Context, f *facts) *RestrictionError {
		if f.workspace(ctx).Plan() != planFree {
			return nil
		}
		return f.restrict(ErrPaidFeature, "workspace %s is on the Free plan; inviting members by API needs a paid subscription with a free seat", f.workspaceID)
	}}
}

// limitedMemberRules: limited members need an admin and the LIMITED_USERS feature
// (https://clockify.me/help/track-time-and-expenses/limited-users).
func limitedMemberRules() []check { return []check{adminOnly, needsFeature(featureLimitedUsers)} }

// rateRules: rates need an admin, a cost rate LABOR_COST and a back-dated rate HISTORIC_RATES.
func rateRules(cost, backdated bool) []check {
	rules := []check{adminOnly}
	if cost {
		rules = append(rules, needsFeature(featureLaborCost))
	}
	if backdated {
		rules = append(rules, needsFeature(featureHistoricRates))
	}
	return rules
}

// customFieldRules: user custom fields need USER_CUSTOM_FIELDS, and another member's value (or
// a field only admins may edit) an admin. The feature comes first, because a member may set
// their own value of an open field.
func customFieldRules() []check {
	return []check{needsFeature(featureUserCustomFields), adminOnly}
}

// assignRoleRules: roles need an admin, manager roles MANAGER_ROLE; the admin role needs no feature.
func assignRoleRules(a RoleAssignment) []check {
	if a.role == RoleWorkspaceAdmin {
		return adminRules()
	}
	return []check{adminOnly, needsFeature(featureManagerRole)}
}

// needsFeature blocks when the workspace lacks feature. A workspace that lists no features at
// all (old workspaces) proves nothing, so it blocks nothing.
func needsFeature(feature string) check {
	return func(ctx context.Context, f *facts) *RestrictionError {
		ws := f.workspace(ctx)
		if len(ws.Features) == 0 || ws.HasFeature(feature) {
			return nil
		}
		return f.restrict(ErrPaidFeature, "workspace %s does not have the %s feature; it needs a plan that includes it", f.workspaceID, feature)
	}
}

// deactivateRules: only admins deactivate; the owner cannot be deactivated, a pending
// invitation cannot be deactivated
// (https://clockify.me/help/troubleshooting/unable-to-deactivate), and only the owner can
// deactivate an admin (https://clockify.me/help/users/admins).
func deactivateRules() []check {
	return []check{
		adminOnly,
		when(isOwner, ErrOwnerImmutable, "member %s is the workspace owner; the owner cannot be deactivated"),
		when(statusIs(MembershipPending), ErrInvitationPending, "member %s has not accepted the invitation yet; "+
			"a pending invitation cannot be deactivated, only revoked by the owner on the CAKE.com account's Members page"),
		when(adminAndCallerNotOwner, ErrOwnerOnly, "member %s is a workspace admin; only the workspace owner can deactivate an admin"),
	}
}

// removeRules: Clockify removes no members by API; before the DELETE, the SDK names why this
// member could not be removed even on the CAKE.com Members page: the owner never, an active
// member only after deactivation
// (https://cake.com/help/administration/deactivate-and-delete-user-account), a pending
// invitation only by the owner revoking it
// (https://clockify.me/help/troubleshooting/unable-to-deactivate).
func removeRules() []check {
	active := statusIs(MembershipActive)
	return []check{
		when(all(active, isOwner), ErrOwnerImmutable, "member %s is the workspace owner; the owner cannot be removed"),
		when(active, ErrMustDeactivateFirst, "member %s is active; a member must be deactivated before removal"),
		when(statusIs(MembershipPending), ErrInvitationPending, "member %s has not accepted the invitation yet; "+
			"only the owner can revoke it, on the CAKE.com account's Members page"),
	}
}

// removedInCAKE names Clockify's own answer to a member removal ("User is migrated to Cake"); it
// needs no lookup, so it applies to every such answer.
func removedInCAKE(userID string, err error) error {
	if !errors.Is(err, ErrRemovedInCAKE) {
		return err
	}
	return restricted(ErrRemovedInCAKE, userID, fmt.Sprintf("member %s cannot be removed by API; after deactivating them in every workspace "+
		"of the organisation, remove them on the CAKE.com account's Members page", userID), err)
}

// removeRoleRules: only admins remove roles, and only the owner can take the admin role away
// (https://clockify.me/help/users/admins). Only a refusal to take it from an actual admin is
// that rule.
func removeRoleRules(a RoleAssignment) []check {
	if a.role != RoleWorkspaceAdmin {
		return adminRules()
	}
	return []check{adminOnly, when(adminAndCallerNotOwner, ErrOwnerOnly, "only the workspace owner can remove the admin role (from member %s)")}
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
