package clockify

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// PlanRoster compares the workspace with specs, the members as a roster wants them, and returns
// the actions that make the workspace match, without changing anything: invitations, new
// limited members, activations and deactivations, profile updates (only the fields a spec's
// Profile sets that differ), role and group changes (only for specs whose Roles or Groups are
// non-nil) and rates. Members no spec names are left alone unless opts.DeactivateUnlisted.
//
// Every action is judged against Clockify's documented rules before it is planned, by the same
// checks that explain a refusal after the fact, fed from the plan's reading. One that
// Clockify would refuse stays in the plan with Blocked set to a *RestrictionError naming the
// rule (errors.Is(a.Blocked, ErrPendingApprovals)), and ApplyRoster skips it. The rules: a key
// that is neither an Admin's nor the Owner's (ErrAdminOnly: then every change is blocked and no
// profile is read), a Free plan or a missing feature (ErrPaidFeature), a member in several
// workspaces (ErrMultipleWorkspaces), an inactive member (ErrMemberInactive), an invitation not accepted
// (ErrInvitationPending), pictures of full members (ErrLimitedMemberOnly), the owner's profile
// (ErrOwnerProfile), week start with approvals pending (ErrPendingApprovals), the admin role and
// admins' deactivation without the owner's key (ErrOwnerOnly). The owner is never changed:
// anything a spec asks of the owner is blocked (ErrOwnerImmutable, or ErrOwnerProfile).
//
// Roles are read from the role details the member list adds with include-roles, whose shape
// Clockify does not document (the SDK reads the role-grant shape); the admin role is confirmed
// with the documented search by role. Should the details be missing, the plan can only assign
// roles (assigning a role held is harmless), never remove one it cannot see.
//
// Specs are checked before any request: a spec without its key (Email for full members, Name
// for limited ones) or with both, a key given twice, a status other than ACTIVE, INACTIVE or
// "", a bad profile, role, group or rate is a *ValidationError. A group no workspace group has
// as id or exact name, or a limited member's name shared by several limited members, is a
// *ValidationError after the reading.
//
// A profile is read only for a member whose spec's Profile sets anything and whose change the
// member list does not block already: the owner's profile and that of a member who will not be
// active when it is edited (inactive, or an invitation not accepted) are not read, and their
// change is planned blocked as the spec states it, whether or not the values already match.
//
// Cost: ceil(members/PageSize) requests for the member list (with roles, statuses and rates;
// one page of MaxPageSize by default), ceil(groups/PageSize) for the group list when a spec
// manages groups, four fixed requests (the workspace's plan and features, the caller, the owner
// search and the admin search, which also answers whether the caller may make the changes),
// and one profile read per managed, unblocked member. All go through the client's rate
// limiter: 1,000 members with 100 profiles managed take 106 requests, about 2 s at 50 per
// second.
//
// Clockify API: GET /v1/workspaces/{workspaceId}/users, GET …/user-groups,
// GET /v1/workspaces/{workspaceId}, GET /v1/user, POST …/users/info,
// GET …/member-profile/{userId}
func (s *MembersService) PlanRoster(ctx context.Context, workspaceID string, specs []MemberSpec, opts *RosterOptions) (*RosterPlan, error) {
	c := clientOf(s)
	if err := c.usable(ctx); err != nil {
		return nil, err
	}
	if err := requireIDs("workspaceID", workspaceID); err != nil {
		return nil, err
	}
	var o RosterOptions
	if opts != nil {
		o = *opts
	}
	if err := o.validate(); err != nil {
		return nil, err
	}
	if err := validateSpecs(workspaceID, specs); err != nil {
		return nil, err
	}
	plannedAt := time.Now().UTC().Truncate(time.Second)
	manageGroups := slices.ContainsFunc(specs, func(sp MemberSpec) bool { return sp.Groups != nil })
	st, err := c.readRoster(ctx, workspaceID, rosterRead{pageSize: cmp.Or(o.PageSize, MaxPageSize), groups: manageGroups, rules: true})
	if err != nil {
		return nil, err
	}
	p := &rosterPlanner{ctx: ctx, c: c, st: st, wsID: workspaceID, holders: rosterHolders(st.owners, st.admins)}
	matched, groups, err := p.resolve(specs)
	if err != nil {
		return nil, err
	}
	// Only the owner and admins may read other members' profiles; for anyone else the rules
	// block every change (ErrAdminOnly), and nothing is read that would be refused.
	if err := c.readProfiles(ctx, workspaceID, profilesToRead(specs, matched, st.callerMayAdmin), o.Concurrency); err != nil {
		return nil, err
	}
	return p.plan(specs, matched, groups, o.DeactivateUnlisted, plannedAt)
}

// profilesToRead is the matched members whose specs set profile fields and whose change the
// member list does not block already: only their profiles are compared. None for a caller who
// is not an admin (the rules block every change anyway).
func profilesToRead(specs []MemberSpec, matched []*rosterMember, admin bool) []*rosterMember {
	var profiles []*rosterMember
	for i, m := range matched {
		if admin && m != nil && specs[i].Profile != nil && specs[i].Profile.setsAnything() && !profileBlockedByList(m, editStatus(&specs[i], m)) {
			profiles = append(profiles, m)
		}
	}
	return profiles
}

// editStatus is m's membership status when a profile change for sp would be sent: after the
// activation or new invitation the plan makes first, before a deactivation.
func editStatus(sp *MemberSpec, m *rosterMember) MembershipStatus {
	switch {
	case sp.Status == MembershipActive && m.status == MembershipInactive:
		return MembershipActive
	case sp.Status == MembershipActive && m.status == MembershipDeclined && !m.limited:
		return MembershipPending
	}
	return m.status
}

// profileBlockedByList reports whether the member list alone shows that a profile change for
// m is blocked: the owner's profile is never changed, and only an active member's profile can
// be edited. The rules then say why, without the profile.
func profileBlockedByList(m *rosterMember, status MembershipStatus) bool {
	return m.owner || status != MembershipActive
}

// plan is the actions for each spec in order (matched members and new ones), then, when asked,
// for the members no spec lists.
func (p *rosterPlanner) plan(specs []MemberSpec, matched []*rosterMember, groups [][]*UserGroup, deactivateUnlisted bool, plannedAt time.Time) (*RosterPlan, error) {
	// Room for one action a spec, the common case, so that the list is not copied as it grows.
	plan := &RosterPlan{WorkspaceID: p.wsID, PlannedAt: plannedAt, Actions: make([]RosterAction, 0, len(specs))}
	listed := make([]bool, len(p.st.members))
	for i := range specs {
		if m := matched[i]; m != nil {
			listed[m.index] = true
			plan.Actions = p.planMember(plan.Actions, &specs[i], m, groups[i])
		} else {
			plan.Actions = append(plan.Actions, p.planNew(&specs[i], groups[i])...)
		}
	}
	if deactivateUnlisted {
		for _, m := range p.st.members {
			if !listed[m.index] {
				plan.Actions = append(plan.Actions, p.planUnlisted(m)...)
			}
		}
	}
	if p.err != nil {
		return nil, p.err
	}
	return plan, nil
}

// rosterPlanner turns one reading of the workspace and the specs into actions. It lives for one
// PlanRoster call, whose context it keeps for the rules layer.
type rosterPlanner struct {
	ctx     context.Context
	c       *Client
	st      *rosterState
	wsID    string
	holders map[Role]*fact[map[string]bool]
	err     error // a rule's lookup that failed
	scratch *plannerScratch
}

// resolve finds each spec's member (nil when not in the workspace) and groups.
func (p *rosterPlanner) resolve(specs []MemberSpec) ([]*rosterMember, [][]*UserGroup, error) {
	matched := make([]*rosterMember, len(specs))
	groups := make([][]*UserGroup, len(specs))
	for i := range specs {
		sp := &specs[i]
		if sp.Limited {
			switch ms := p.st.byName[sp.Name]; len(ms) {
			case 0:
			case 1:
				matched[i] = ms[0]
			default:
				return nil, nil, &ValidationError{Field: fmt.Sprintf("specs[%d].Name", i),
					Reason: fmt.Sprintf("%d limited members are named %q; rename all but one in Clockify", len(ms), sp.Name)}
			}
		} else {
			matched[i] = p.st.byEmail[strings.ToLower(sp.Email)]
		}
		for j, ref := range sp.Groups {
			g, err := p.st.findGroup(ref)
			if err != nil {
				return nil, nil, &ValidationError{Field: fmt.Sprintf("specs[%d].Groups[%d]", i, j), Reason: err.Error()}
			}
			groups[i] = append(groups[i], g)
		}
	}
	return matched, groups, nil
}

// planMember appends to acts the changes to a member already in the workspace.
func (p *rosterPlanner) planMember(acts []RosterAction, sp *MemberSpec, m *rosterMember, groups []*UserGroup) []RosterAction {
	base := RosterAction{UserID: m.user.ID, Email: m.user.Email, Name: m.user.Name, Status: m.status}
	start := len(acts)
	emit := func(a RosterAction) {
		a.UserID, a.Email, a.Name, a.Status = base.UserID, base.Email, base.Name, base.Status
		acts = append(acts, a)
	}
	// status is the membership status when the profile is edited: after an activation, before
	// a deactivation.
	status := m.status
	switch {
	case sp.Status == MembershipActive && m.status == MembershipInactive:
		emit(RosterAction{Kind: RosterActivate, Change: "INACTIVE → ACTIVE", Blocked: p.statusRule(m, RosterActivate)})
		status = MembershipActive
	case sp.Status == MembershipActive && m.status == MembershipDeclined && !m.limited:
		emit(RosterAction{Kind: RosterInvite, Change: "declined; invite again", Blocked: p.inviteRule()})
		status = MembershipPending
	case sp.Status == MembershipInactive && (m.status == MembershipActive || m.status == MembershipPending):
		emit(RosterAction{Kind: RosterDeactivate, Change: string(m.status) + " → INACTIVE", Blocked: p.statusRule(m, RosterDeactivate)})
	}
	if sp.Roles != nil {
		for _, a := range p.roleChanges(sp.Roles, m) {
			emit(a)
		}
	}
	if sp.Groups != nil {
		for _, a := range p.groupChanges(groups, m) {
			emit(a)
		}
	}
	for _, a := range p.rateChanges(sp, m) {
		emit(a)
	}
	switch {
	case sp.Profile == nil || !sp.Profile.setsAnything():
	case m.profile != nil:
		for _, a := range p.profileChanges(sp.Profile, m, status) {
			emit(a)
		}
	default: // not read: the caller may not read profiles, and the rules say so
		emit(RosterAction{Kind: RosterUpdateProfile, Profile: sp.Profile, Change: describeUpdate(sp.Profile),
			Blocked: p.profileRule(m, status, sp.Profile)})
	}
	sortByPhase(acts[start:])
	return acts
}

// roleChanges removes the roles m holds that want lacks and assigns those it lacks. The owner
// counts as an admin already.
func (p *rosterPlanner) roleChanges(want []RoleAssignment, m *rosterMember) []RosterAction {
	var acts []RosterAction
	for _, r := range m.roles {
		if !slices.Contains(want, r) {
			acts = append(acts, RosterAction{Kind: RosterRemoveRole, Role: r, Change: r.String(), Blocked: p.roleRule(m, RosterRemoveRole, r)})
		}
	}
	for _, r := range want {
		if m.hasRole(r) || (m.owner && r == WorkspaceAdmin(p.wsID)) {
			continue
		}
		acts = append(acts, RosterAction{Kind: RosterAssignRole, Role: r, Change: r.String(), Blocked: p.roleRule(m, RosterAssignRole, r)})
	}
	return acts
}

// groupChanges takes m out of the groups it should not be in, then into the missing ones.
func (p *rosterPlanner) groupChanges(want []*UserGroup, m *rosterMember) []RosterAction {
	var acts []RosterAction
	blocked := p.groupRule(m)
	for _, g := range p.st.groups {
		if m.groups[g.ID] && !slices.Contains(want, g) {
			acts = append(acts, RosterAction{Kind: RosterRemoveFromGroup, GroupID: g.ID, GroupName: g.Name, Change: g.Name, Blocked: blocked})
		}
	}
	for _, g := range want {
		if !m.groups[g.ID] {
			acts = append(acts, RosterAction{Kind: RosterAddToGroup, GroupID: g.ID, GroupName: g.Name, Change: g.Name, Blocked: blocked})
		}
	}
	return acts
}

// rateChanges sets the rates the spec manages that differ; m is nil for a new member.
func (p *rosterPlanner) rateChanges(sp *MemberSpec, m *rosterMember) []RosterAction {
	var acts []RosterAction
	var hourly, cost *int64
	if m != nil {
		hourly, cost = m.hourly, m.cost
	}
	for _, r := range []struct {
		kind      RosterActionKind
		want, has *int64
	}{{RosterSetHourlyRate, sp.HourlyRate, hourly}, {RosterSetCostRate, sp.CostRate, cost}} {
		if r.want == nil || (r.has != nil && *r.has == *r.want) {
			continue
		}
		acts = append(acts, RosterAction{Kind: r.kind, Amount: *r.want, Previous: r.has,
			Change: formatAmount(r.has) + " → " + formatAmount(r.want), Blocked: p.rateRule(m, r.kind)})
	}
	return acts
}

// planNew plans a member the workspace lacks: an invitation (or a new limited member) and the
// changes that can follow it. A member who should be inactive is not created.
func (p *rosterPlanner) planNew(sp *MemberSpec, groups []*UserGroup) []RosterAction {
	if sp.Status == MembershipInactive {
		return nil
	}
	if sp.Limited {
		return p.planNewLimited(sp, groups)
	}
	first := RosterAction{Kind: RosterInvite, Email: sp.Email, Change: "invite; pending until they accept", Blocked: p.inviteRule()}
	acts := []RosterAction{first}
	follow := func(a RosterAction) {
		a.Email = sp.Email
		if first.Blocked != nil {
			a.Blocked = first.Blocked
		}
		acts = append(acts, a)
	}
	for _, r := range sp.Roles {
		follow(RosterAction{Kind: RosterAssignRole, Role: r, Change: r.String(), Blocked: p.roleRule(nil, RosterAssignRole, r)})
	}
	for _, g := range groups {
		follow(RosterAction{Kind: RosterAddToGroup, GroupID: g.ID, GroupName: g.Name, Change: g.Name, Blocked: p.groupRule(nil)})
	}
	for _, a := range p.rateChanges(sp, nil) {
		follow(a)
	}
	if u := sp.Profile; u != nil && u.setsAnything() {
		follow(RosterAction{Kind: RosterUpdateProfile, Profile: u, Change: describeUpdate(u),
			Blocked: block(ErrInvitationPending, "", "%s is invited by this plan; their profile can be edited once they accept", sp.Email)})
	}
	return acts
}

// planNewLimited adds a limited member with every field Clockify takes at creation; roles and
// a picture follow once the member exists.
func (p *rosterPlanner) planNewLimited(sp *MemberSpec, groups []*UserGroup) []RosterAction {
	lm := &LimitedMember{Name: sp.Name, HourlyRate: sp.HourlyRate, CostRate: sp.CostRate}
	for _, g := range groups {
		lm.UserGroups = append(lm.UserGroups, g.ID)
	}
	var image *ProfileUpdate
	if u := sp.Profile; u != nil {
		if u.WeekStart != nil {
			lm.WeekStart = *u.WeekStart
		}
		lm.WorkCapacity, lm.WorkingDays, lm.UserCustomFields = u.WorkCapacity, u.WorkingDays, u.CustomFields
		if u.ImageURL != nil {
			image = &ProfileUpdate{ImageURL: u.ImageURL}
		}
	}
	first := RosterAction{Kind: RosterAddLimited, Name: sp.Name, Limited: lm, Change: describeLimited(lm), Blocked: p.limitedRule(lm)}
	acts := []RosterAction{first}
	follow := func(a RosterAction) {
		a.Name = sp.Name
		if first.Blocked != nil {
			a.Blocked = first.Blocked
		}
		acts = append(acts, a)
	}
	for _, r := range sp.Roles {
		follow(RosterAction{Kind: RosterAssignRole, Role: r, Change: r.String(), Blocked: p.roleRule(nil, RosterAssignRole, r)})
	}
	if image != nil {
		follow(RosterAction{Kind: RosterUpdateProfile, Profile: image, Change: describeUpdate(image), Blocked: p.newPictureRule(image)})
	}
	return acts
}

// planUnlisted deactivates a member no spec names (RosterOptions.DeactivateUnlisted), except
// the owner and the caller.
func (p *rosterPlanner) planUnlisted(m *rosterMember) []RosterAction {
	if m.owner || m.user.ID == p.st.callerID || (m.status != MembershipActive && m.status != MembershipPending) {
		return nil
	}
	return []RosterAction{{Kind: RosterDeactivate, UserID: m.user.ID, Email: m.user.Email, Name: m.user.Name, Status: m.status,
		Change: string(m.status) + " → INACTIVE (not in the roster)", Blocked: p.statusRule(m, RosterDeactivate)}}
}

// sortByPhase orders one member's actions as ApplyRoster applies them, keeping the order of
// actions of the same kind.
func sortByPhase(acts []RosterAction) {
	slices.SortStableFunc(acts, func(a, b RosterAction) int { return cmp.Compare(a.Kind.phase(), b.Kind.phase()) })
}

// formatAmount renders minor units with two decimals ("unset" for nil), as most currencies
// have them.
func formatAmount(v *int64) string {
	if v == nil {
		return "unset"
	}
	return fmt.Sprintf("%d.%02d", *v/100, *v%100)
}
