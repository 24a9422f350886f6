package clockify

import "fmt"

// The planner judges each action with the rules layer (rules.go): the same ordered
// checks that name a refusal after the fact, run before sending. The facts they read come from
// the plan's one reading of the workspace (the workspace, the owner and admin searches, the
// caller, the member as listed and its profile), filled in beforehand, so judging a member
// costs no request.

// block is a rule found before sending: a *RestrictionError with no server answer.
func block(rule error, userID, format string, args ...any) error {
	return restricted(rule, userID, fmt.Sprintf(format, args...), nil)
}

// ownerUntouched blocks any change to the workspace owner: a roster never changes the owner
// (Clockify refuses most changes to them, and the rest are the owner's own business).
func ownerUntouched(m *rosterMember, what string) error {
	return block(ErrOwnerImmutable, m.user.ID, "member %s is the workspace owner; a roster does not change the owner's %s", m.user.ID, what)
}

// facts are the rules layer's facts about m (nil: a member the plan creates), as the plan read
// them; status is m's membership status when the action would be sent (after an activation the
// plan makes first, for instance).
func (p *rosterPlanner) facts(m *rosterMember, status MembershipStatus) *facts {
	// One planner judges one action at a time: its facts, and the workspace they show the rules
	// (with the one membership they ask about), are reused rather than made for every action.
	if p.scratch == nil {
		p.scratch = &plannerScratch{}
	}
	sc := p.scratch
	sc.facts = facts{c: p.c, workspaceID: p.wsID, holders: p.holders}
	f := &sc.facts
	f.caller = fact[string]{v: p.st.callerID, done: true}
	f.admin = fact[bool]{v: p.st.callerMayAdmin, done: true}
	sc.ws = *p.st.ws
	sc.ws.Memberships = nil
	if m != nil {
		f.userID = m.user.ID
		sc.membership = [1]Membership{{UserID: m.user.ID, TargetID: sc.ws.ID, MembershipType: MembershipTypeWorkspace, MembershipStatus: status}}
		sc.ws.Memberships = sc.membership[:]
		f.member = fact[*User]{v: m.user, done: true}
		// A profile not read is one whose change the list already blocks (the owner, a member
		// not active when the change would be sent) or a caller who may not read it: an empty
		// one lets those rules answer without a lookup.
		prof := m.profile
		if prof == nil {
			prof = &sc.noProfile
		}
		f.profile = fact[*Profile]{v: prof, done: true}
	}
	f.ws = fact[*Workspace]{v: &sc.ws, done: true}
	return f
}

// plannerScratch is the memory a planner reuses from one judgement to the next.
type plannerScratch struct {
	facts      facts
	ws         Workspace
	membership [1]Membership
	noProfile  Profile
}

// judge runs rules for m with the plan's facts: the *RestrictionError of the first rule that
// blocks, or nil. A lookup the facts did not cover and that failed is kept in p.err and fails
// the plan.
func (p *rosterPlanner) judge(m *rosterMember, status MembershipStatus, rules []check) error {
	r, err := p.facts(m, status).first(p.ctx, rules)
	if err != nil {
		if p.err == nil {
			p.err = err
		}
		return nil
	}
	if r != nil {
		return r
	}
	return nil
}

// actionRule judges one action as the planner judged it when planning: m is its member as read
// (nil for a member the plan creates), status the member's status when the action is sent.
// It returns the blocking rule, or the error of a lookup the facts did not cover.
func (p *rosterPlanner) actionRule(a *RosterAction, m *rosterMember, status MembershipStatus) (blocked, err error) {
	// A planner of its own keeps a failed lookup to this judgement (ApplyRoster judges profile
	// updates from several goroutines); the facts it shares are only read.
	q := &rosterPlanner{ctx: p.ctx, c: p.c, st: p.st, wsID: p.wsID, holders: p.holders}
	blocked = q.actionRuleOf(a, m, status)
	return blocked, q.err
}

func (p *rosterPlanner) actionRuleOf(a *RosterAction, m *rosterMember, status MembershipStatus) error {
	switch a.Kind {
	case RosterInvite:
		return p.inviteRule()
	case RosterAddLimited:
		return p.limitedRule(a.Limited)
	case RosterActivate, RosterDeactivate:
		return p.statusRule(m, a.Kind)
	case RosterAssignRole, RosterRemoveRole:
		return p.roleRule(m, a.Kind, a.Role)
	case RosterAddToGroup, RosterRemoveFromGroup:
		return p.groupRule(m)
	case RosterSetHourlyRate, RosterSetCostRate:
		return p.rateRule(m, a.Kind)
	}
	switch {
	case m != nil && m.owner:
		return ownerUntouched(m, "profile")
	case m != nil:
		return p.profileRule(m, status, a.Profile)
	case a.Email != "":
		return block(ErrInvitationPending, "", "%s is invited by this plan; their profile can be edited once they accept", a.Email)
	}
	return p.newPictureRule(a.Profile)
}

func (p *rosterPlanner) inviteRule() error { return p.judge(nil, "", inviteRules()) }

// limitedRule: limited members need LIMITED_USERS, their custom fields USER_CUSTOM_FIELDS and
// their cost rate LABOR_COST.
func (p *rosterPlanner) limitedRule(lm *LimitedMember) error {
	rules := limitedMemberRules()
	if len(lm.UserCustomFields) > 0 {
		rules = append(rules, customFieldRules()...)
	}
	return p.judge(nil, "", append(rules, rateRules(lm.CostRate != nil, false)...))
}

// statusRule judges activation and deactivation.
func (p *rosterPlanner) statusRule(m *rosterMember, kind RosterActionKind) error {
	if kind != RosterDeactivate {
		return p.judge(m, m.status, adminRules())
	}
	return p.judge(m, m.status, deactivateRules())
}

// groupRule judges a change of group membership; m is nil for a member the plan creates.
func (p *rosterPlanner) groupRule(m *rosterMember) error {
	status := MembershipStatus("")
	if m != nil {
		if m.owner {
			return ownerUntouched(m, "groups")
		}
		status = m.status
	}
	return p.judge(m, status, adminRules())
}

// roleRule judges a role change; m is nil for a member the plan creates.
func (p *rosterPlanner) roleRule(m *rosterMember, kind RosterActionKind, a RoleAssignment) error {
	if m != nil && m.owner {
		return ownerUntouched(m, "roles")
	}
	status := MembershipStatus("")
	if m != nil {
		status = m.status
	}
	if kind == RosterRemoveRole {
		return p.judge(m, status, removeRoleRules(a))
	}
	return p.judge(m, status, assignRoleRules(a))
}

// rateRule judges a rate change; m is nil for a member the plan creates.
func (p *rosterPlanner) rateRule(m *rosterMember, kind RosterActionKind) error {
	status := MembershipStatus("")
	if m != nil {
		if m.owner {
			return ownerUntouched(m, "rates")
		}
		status = m.status
	}
	return p.judge(m, status, rateRules(kind == RosterSetCostRate, false))
}

// profileRule judges one part of a profile change for a member whose status will be status when
// it is sent.
func (p *rosterPlanner) profileRule(m *rosterMember, status MembershipStatus, u *ProfileUpdate) error {
	return p.judge(m, status, profileRules(u))
}

// newPictureRule judges the picture of a limited member the plan adds: only who may edit and
// the plan rule apply, the member being limited and not yet anyone's to protect.
func (p *rosterPlanner) newPictureRule(u *ProfileUpdate) error {
	if err := p.judge(nil, "", adminRules()); err != nil {
		return err
	}
	if detail := paidFeatureMissing(p.st.ws, p.wsID, u); detail != "" {
		return block(ErrPaidFeature, "", "%s", detail)
	}
	return nil
}

// rosterHolders are the plan's owner and admin searches, as the rules layer keeps them.
func rosterHolders(owners, admins map[string]bool) map[Role]*fact[map[string]bool] {
	return map[Role]*fact[map[string]bool]{
		RoleOwner:          {v: owners, done: true},
		RoleWorkspaceAdmin: {v: admins, done: true},
	}
}
