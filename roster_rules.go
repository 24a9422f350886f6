package clockify

import (
	"fmt"
)

// The planner's judgement of each action against Clockify's documented rules, from the facts
// one reading of the workspace gives (plan and features, statuses, roles, profiles). They
// mirror the diagnosis Profiles.Check, Members.Deactivate and Roles.Remove make after a
// refusal, without a request each.

// block is a rule found before sending: a *RestrictionError with no server answer.
func block(rule error, userID, format string, args ...any) error {
	return restricted(rule, userID, fmt.Sprintf(format, args...), nil)
}

// ownerUntouched blocks any change to the workspace owner: a roster never changes the owner
// (Clockify refuses most changes to them, and the rest are the owner's own business).
func ownerUntouched(m *rosterMember, what string) error {
	return block(ErrOwnerImmutable, m.user.ID, "member %s is the workspace owner; a roster does not change the owner's %s", m.user.ID, what)
}

// inviteRule: inviting by API needs a paid workspace (API reference, "Add user to workspace").
func (p *rosterPlanner) inviteRule() error {
	if p.st.ws.Plan() == planFree {
		return block(ErrPaidFeature, "", "workspace %s is on the Free plan; inviting members by API needs a paid subscription with a free seat", p.wsID)
	}
	return nil
}

// limitedRule: limited members need LIMITED_USERS, their custom fields USER_CUSTOM_FIELDS and
// their cost rate LABOR_COST (help: limited users; workspace feature flags).
func (p *rosterPlanner) limitedRule(lm *LimitedMember) error {
	if f := p.missingFeature(featureLimitedUsers); f != "" {
		return block(ErrPaidFeature, "", "workspace %s lacks %s; limited members need a plan that includes them", p.wsID, f)
	}
	if len(lm.UserCustomFields) > 0 {
		if f := p.missingFeature(featureUserCustomFields); f != "" {
			return block(ErrPaidFeature, "", "workspace %s lacks %s; user custom fields need a plan that includes them", p.wsID, f)
		}
	}
	if lm.CostRate != nil {
		if f := p.missingFeature(featureLaborCost); f != "" {
			return block(ErrPaidFeature, "", "workspace %s lacks %s; cost rates need a plan that includes them", p.wsID, f)
		}
	}
	return nil
}

// missingFeature returns f when the workspace lists features and f is not among them. A
// workspace listing none (old workspaces) proves nothing, as in the diagnosis after a refusal.
func (p *rosterPlanner) missingFeature(f string) string {
	if len(p.st.ws.Features) == 0 || p.st.ws.HasFeature(f) {
		return ""
	}
	return f
}

// statusRule judges activation and deactivation (help: "Deactivate users", "Admins",
// "Unable to deactivate").
func (p *rosterPlanner) statusRule(m *rosterMember, kind RosterActionKind) error {
	id := m.user.ID
	switch {
	case m.owner:
		return block(ErrOwnerImmutable, id, "member %s is the workspace owner; the owner cannot be deactivated", id)
	case kind == RosterDeactivate && m.status == MembershipPending:
		return block(ErrInvitationPending, id, "member %s has not accepted the invitation yet; a pending invitation cannot be deactivated, only revoked by the owner on the CAKE.com account's Members page", id)
	case kind == RosterDeactivate && m.admin && !p.st.callerOwner:
		return block(ErrOwnerOnly, id, "member %s is a workspace admin; only the workspace owner can deactivate an admin", id)
	}
	return nil
}

// roleRule judges a role change (help: "Admins", "Who can do what"; manager roles need the
// MANAGER_ROLE feature).
func (p *rosterPlanner) roleRule(m *rosterMember, kind RosterActionKind, a RoleAssignment) error {
	id := ""
	if m != nil {
		id = m.user.ID
		if m.owner {
			return ownerUntouched(m, "roles")
		}
	}
	if kind == RosterRemoveRole && a.role == RoleWorkspaceAdmin && !p.st.callerOwner {
		return block(ErrOwnerOnly, id, "only the workspace owner can remove the admin role (from member %s)", id)
	}
	if kind == RosterAssignRole && a.role != RoleWorkspaceAdmin {
		if f := p.missingFeature(featureManagerRole); f != "" {
			return block(ErrPaidFeature, id, "workspace %s lacks %s; team and project manager roles need a plan that includes them", p.wsID, f)
		}
	}
	return nil
}

// rateRule: cost rates need LABOR_COST.
func (p *rosterPlanner) rateRule(m *rosterMember, kind RosterActionKind) error {
	id := ""
	if m != nil {
		id = m.user.ID
		if m.owner {
			return ownerUntouched(m, "rates")
		}
	}
	if kind == RosterSetCostRate {
		if f := p.missingFeature(featureLaborCost); f != "" {
			return block(ErrPaidFeature, id, "workspace %s lacks %s; cost rates need a plan that includes them", p.wsID, f)
		}
	}
	return nil
}

// profileRule judges one part of a profile change for a member whose membership status will be
// status when it is applied, in the order Profiles.Check documents (help: "Edit profiles").
func (p *rosterPlanner) profileRule(m *rosterMember, status MembershipStatus, u *ProfileUpdate) error {
	id := m.user.ID
	if detail := paidFeatureMissing(p.st.ws, p.wsID, u); detail != "" {
		return block(ErrPaidFeature, id, "%s", detail)
	}
	if n := m.profile.WorkspaceNumber; n > 1 && u.setsMoreThanSchedule() {
		return block(ErrMultipleWorkspaces, id, "member %s is in %d workspaces; only work capacity and working days can be changed", id, n)
	}
	switch status {
	case MembershipInactive:
		return block(ErrMemberInactive, id, "member %s is inactive in this workspace; an inactive member's profile can't be edited", id)
	case MembershipPending:
		return block(ErrInvitationPending, id, "member %s has not accepted the invitation yet; their profile can be edited once they join", id)
	case MembershipDeclined:
		return block(ErrInvitationPending, id, "member %s declined the invitation; their profile can't be edited", id)
	}
	if u.setsIdentity() && !m.limited {
		return block(ErrLimitedMemberOnly, id, "member %s is not a limited member; only limited members' picture can be changed (others change it in their CAKE.com account)", id)
	}
	if m.owner {
		return block(ErrOwnerProfile, id, "member %s is the workspace owner; the owner's profile can't be edited", id)
	}
	if u.WeekStart != nil && m.profile.HasPendingApprovalRequest {
		return block(ErrPendingApprovals, id, "member %s has pending approval requests; week start can't be changed until they are approved or rejected", id)
	}
	return nil
}
