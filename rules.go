package clockify

import (
	"context"
	"errors"
)

// The rules layer.
//
// Clockify documents its member-management rules in its help centre (who may deactivate whom, what
// a profile edit needs, which plan has which feature; see the articles cited by each rule below)
// but answers a broken rule with a bare 400 or 403 and no error code. The SDK names the rule
// itself, from what the API exposes about the workspace, the member and the caller.
//
// Each operation's rules are an ordered list of checks, built by one constructor per operation:
// inviteRules, limitedMemberRules, rateRules, customFieldRules, deactivateRules, removeRules
// (rules_members.go), assignRoleRules, removeRoleRules (rules_roles.go), profileRules
// (rules_profile.go) and adminRules (rules_admin.go). A check reads the facts it needs from a
// *facts (rules_facts.go), which looks each fact up on
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
