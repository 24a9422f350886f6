package clockify

import (
	"fmt"
	"strings"
)

// Validate checks what can be checked of a plan without the workspace, the checks ApplyRoster
// makes before sending anything and UnmarshalJSON makes when decoding: each action's kind is
// known and it carries what its kind needs and nothing another kind uses; a label agrees with
// its payload (an add-limited's Name is its Limited.Name); a role belongs to the plan's
// workspace; no member is created twice (an invitation or a new limited member repeated); an
// action that names its member without an id (by Email or, for a limited member, Name) is for
// a member an invitation or add-limited of the same plan creates, and is of a kind that can
// follow a creation (assign-role, add-to-group, a rate, update-profile); no action is repeated.
//
// It returns nil, or every problem: one *ValidationError each, naming the action's index
// (Actions[3].Amount), joined with errors.Join when there are several. errors.Is(err,
// ErrInvalidInput) holds either way.
func (p *RosterPlan) Validate() error { return joinErrors(p.problems()) }

func (p *RosterPlan) problems() []error {
	if p == nil {
		return []error{&ValidationError{Field: "plan", Reason: "is nil"}}
	}
	var errs []error
	if err := requireIDs("WorkspaceID", p.WorkspaceID); err != nil {
		errs = append(errs, err)
	}
	invites, adds := map[string]int{}, map[string]int{}
	seen := map[string]int{}
	for i := range p.Actions {
		a := &p.Actions[i]
		bad := a.validate(p.WorkspaceID)
		for _, err := range bad {
			errs = append(errs, prefixField(fmt.Sprintf("Actions[%d].", i), err))
		}
		if len(bad) > 0 {
			continue
		}
		key := a.memberKey()
		switch a.Kind {
		case RosterInvite:
			key = "email:" + strings.ToLower(a.Email)
			if j, ok := invites[key]; ok {
				errs = append(errs, actionError(i, "Email", fmt.Sprintf("%s is invited by Actions[%d] already; a plan creates a member once", a.Email, j)))
			}
			invites[key] = i
			continue
		case RosterAddLimited:
			if j, ok := adds[a.Name]; ok {
				errs = append(errs, actionError(i, "Name", fmt.Sprintf("limited member %q is added by Actions[%d] already; a plan creates a member once", a.Name, j)))
			}
			adds[a.Name] = i
			continue
		case RosterUpdateProfile: // a member's profile change may be split by the rules that block its parts
		default:
			dup := fmt.Sprintf("%s|%s|%s|%s|%s", key, a.Kind, a.Role.role, a.Role.entityID, a.GroupID)
			if j, ok := seen[dup]; ok {
				errs = append(errs, actionError(i, "Kind", fmt.Sprintf("repeats Actions[%d]", j)))
			}
			seen[dup] = i
		}
	}
	return append(errs, p.creatorProblems(invites, adds)...)
}

// creatorProblems refuses an action without a member id whose member no invitation (by email)
// or add-limited (by name) of the plan creates: such an action could otherwise reach a member
// already in the workspace without the checks an id gets.
func (p *RosterPlan) creatorProblems(invites, adds map[string]int) []error {
	var errs []error
	for i := range p.Actions {
		a := &p.Actions[i]
		if a.UserID != "" || a.Kind == RosterInvite || a.Kind == RosterAddLimited || !a.Kind.Valid() {
			continue
		}
		var created bool
		if a.Email != "" {
			_, created = invites["email:"+strings.ToLower(a.Email)]
		} else {
			_, created = adds[a.Name]
		}
		if !created {
			errs = append(errs, actionError(i, "UserID", fmt.Sprintf("%s names member %s without an id, and no invite or add-limited of the plan creates them; "+
				"a member already in the workspace is named by UserID", a.Kind, a.member())))
		}
	}
	return errs
}

func (k RosterActionKind) isRate() bool { return k == RosterSetHourlyRate || k == RosterSetCostRate }

// follows reports whether an action of kind k can be planned for a member the plan creates.
func (k RosterActionKind) follows() bool {
	switch k {
	case RosterAssignRole, RosterAddToGroup, RosterSetHourlyRate, RosterSetCostRate, RosterUpdateProfile:
		return true
	}
	return false
}

// validate returns what is wrong with one action, with fields named as in RosterAction.
func (a *RosterAction) validate(workspaceID string) []error {
	if !a.Kind.Valid() {
		return []error{&ValidationError{Field: "Kind", Reason: fmt.Sprintf("unknown roster action %q", a.Kind)}}
	}
	var errs []error
	add := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	switch {
	case a.UserID == "" && a.Email == "" && a.Name == "":
		add(&ValidationError{Field: "UserID", Reason: "the action names no member"})
	case a.UserID != "":
		add(requireIDs("UserID", a.UserID))
	case !a.Kind.follows() && a.Kind != RosterInvite && a.Kind != RosterAddLimited:
		add(&ValidationError{Field: "UserID", Reason: fmt.Sprintf("%s needs the member's id", a.Kind)})
	}
	switch a.Status {
	case "":
	case MembershipActive, MembershipInactive, MembershipPending, MembershipDeclined:
		if a.UserID == "" {
			add(&ValidationError{Field: "Status", Reason: "a member the plan creates has no status yet"})
		}
	default:
		add(&ValidationError{Field: "Status", Reason: fmt.Sprintf("%q is not a membership status", a.Status)})
	}
	add(a.validatePayload(workspaceID))
	errs = append(errs, a.foreignFields()...)
	return errs
}

// validatePayload checks what the action's kind needs.
func (a *RosterAction) validatePayload(workspaceID string) error {
	switch a.Kind {
	case RosterInvite:
		if a.UserID != "" && a.Status != MembershipDeclined {
			return &ValidationError{Field: "Status", Reason: "an invitation of a member already listed is for one who declined (DECLINED)"}
		}
		return validateEmail(a.Email)
	case RosterAddLimited:
		switch {
		case a.Limited == nil:
			return &ValidationError{Field: "Limited", Reason: "add-limited needs the new member"}
		case a.UserID != "" || a.Email != "":
			return &ValidationError{Field: "UserID", Reason: "a new limited member has no id or email yet"}
		case a.Name != a.Limited.Name:
			return &ValidationError{Field: "Name", Reason: fmt.Sprintf("%q disagrees with the new member's name %q", a.Name, a.Limited.Name)}
		}
		return a.Limited.validate(0)
	case RosterUpdateProfile:
		if a.Profile == nil {
			return &ValidationError{Field: "Profile", Reason: "update-profile needs the fields to change"}
		}
		return a.Profile.validate()
	case RosterAssignRole, RosterRemoveRole:
		return a.Role.validate(workspaceID)
	case RosterAddToGroup, RosterRemoveFromGroup:
		return requireIDs("GroupID", a.GroupID)
	case RosterSetHourlyRate, RosterSetCostRate:
		return validateAmount("Amount", &a.Amount)
	}
	return nil
}

// foreignFields refuses the fields of other kinds, which a plan never carries: an action is
// exactly what it says.
func (a *RosterAction) foreignFields() []error {
	var errs []error
	foreign := func(set bool, field string) {
		if set {
			errs = append(errs, &ValidationError{Field: field, Reason: fmt.Sprintf("is not used by a %s action", a.Kind)})
		}
	}
	role := a.Kind == RosterAssignRole || a.Kind == RosterRemoveRole
	group := a.Kind == RosterAddToGroup || a.Kind == RosterRemoveFromGroup
	foreign(!role && a.Role != (RoleAssignment{}), "Role")
	foreign(!group && (a.GroupID != "" || a.GroupName != ""), "GroupID")
	foreign(!a.Kind.isRate() && (a.Amount != 0 || a.Previous != nil), "Amount")
	foreign(a.Kind != RosterUpdateProfile && (a.Profile != nil || a.ProfileBefore != nil), "Profile")
	foreign(a.Kind != RosterAddLimited && a.Limited != nil, "Limited")
	return errs
}
