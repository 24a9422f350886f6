package clockify

import (
	"context"
	"errors"
	"fmt"
)

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
// needs no lookup, so it applies to every such answer. A *RestrictionError err already names
// its rule and stays as it is.
func removedInCAKE(userID string, err error) error {
	var apiErr *APIError
	if !errors.As(err, &apiErr) || !apiErr.removedInCAKE() || RuleOf(err) != "" {
		return err
	}
	return restricted(ErrRemovedInCAKE, userID, fmt.Sprintf("member %s cannot be removed by API; after deactivating them in every workspace "+
		"of the organisation, remove them on the CAKE.com account's Members page", userID), err)
}
