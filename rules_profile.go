package clockify

import (
	"context"
	"fmt"
)

// profileRules are the rules of a profile edit, in the order Profiles.Check documents, from the
// help centre's "Edit profiles" (https://clockify.me/help/administration/edit-profiles) and the
// API reference of the edit
// (https://docs.clockify.me/#tag/User/operation/updateMemberProfileWithAdditionalData).
// Only admins edit profiles, so the caller's rights come first: a team manager's key cannot
// even read the member's profile the later rules need. They cost at most three lookups (the
// workspace, the member's profile and one member search) besides the caller's rights, which the
// Client caches.
func profileRules(u *ProfileUpdate) []check {
	bySearch := searchesByIdentity(u)
	return []check{
		adminOnly,
		func(ctx context.Context, f *facts) *RestrictionError {
			if detail := paidFeatureMissing(f.workspace(ctx), f.workspaceID, u); detail != "" {
				return f.restrict(ErrPaidFeature, "%s", detail)
			}
			return nil
		},
		func(ctx context.Context, f *facts) *RestrictionError {
			p := f.memberProfile(ctx)
			if p.WorkspaceNumber <= 1 || !u.setsMoreThanSchedule() {
				return nil
			}
			return f.restrict(ErrMultipleWorkspaces, "member %s is in %d workspaces; only work capacity and working days can be changed", f.userID, p.WorkspaceNumber)
		},
		memberJoined,
		when(all(bySearch, foundNotLimited), ErrLimitedMemberOnly, "member %s is not a limited member; only limited members' name and picture "+
			"can be changed (others change them in their CAKE.com account)"),
		when(all(not(bySearch), isOwner), ErrOwnerProfile, "member %s is the workspace owner; the owner's profile can't be edited"),
		func(ctx context.Context, f *facts) *RestrictionError {
			p := f.memberProfile(ctx)
			if u.WeekStart == nil || *u.WeekStart == p.WeekStart || !p.HasPendingApprovalRequest {
				return nil
			}
			return f.restrict(ErrPendingApprovals, "%s", pendingApprovalsDetail(ctx, f))
		},
	}
}

// memberJoined blocks edits of a deactivated member or of one who has not joined.
func memberJoined(ctx context.Context, f *facts) *RestrictionError {
	switch f.status(ctx) {
	case MembershipInactive:
		return f.restrict(ErrMemberInactive, "member %s is inactive in this workspace; an inactive member's profile can't be edited", f.userID)
	case MembershipPending:
		return f.restrict(ErrInvitationPending, "member %s has not accepted the invitation yet; their profile can be edited once they join", f.userID)
	case MembershipDeclined:
		return f.restrict(ErrInvitationPending, "member %s declined the invitation; their profile can't be edited", f.userID)
	}
	return nil
}

// searchesByIdentity holds when the member search is by email or name rather than by the owner
// role. Only a limited member's name and picture can be changed, and a limited member is never
// the owner, so when u sets them one search by email (or name: limited members have no email)
// answers both the limited-member and the owner rule; otherwise the search is for the owner.
func searchesByIdentity(u *ProfileUpdate) condition {
	return func(ctx context.Context, f *facts) bool {
		p := f.memberProfile(ctx)
		return u.setsIdentity() && (p.Email != "" || p.Name != "")
	}
}

// foundNotLimited holds when the member search finds the member and it is not limited (a member
// the search does not find blocks nothing).
func foundNotLimited(ctx context.Context, f *facts) bool {
	m := f.foundMember(ctx)
	return m != nil && m.Status != AccountLimited
}

// paidFeatureMissing says why the workspace's plan does not allow u, or "" when it does. Week
// start alone can be edited on every plan. A workspace that lists no features (old workspaces)
// is judged by its plan alone.
func paidFeatureMissing(ws *Workspace, workspaceID string, u *ProfileUpdate) string {
	if u.onlyWeekStart() {
		return ""
	}
	if ws.Plan() == planFree {
		return fmt.Sprintf("editing member profiles is a paid feature; workspace %s is on the FREE plan", workspaceID)
	}
	if len(ws.Features) == 0 {
		return ""
	}
	if !ws.HasFeature(featureEditMemberProfile) {
		return fmt.Sprintf("editing member profiles is a paid feature; workspace %s lacks %s", workspaceID, featureEditMemberProfile)
	}
	if len(u.CustomFields) > 0 && !ws.HasFeature(featureUserCustomFields) {
		return fmt.Sprintf("user custom fields are a paid feature; workspace %s lacks %s", workspaceID, featureUserCustomFields)
	}
	return ""
}
