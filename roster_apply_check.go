package clockify

import (
	"context"
	"fmt"
	"strings"
)

// vetting is what ApplyRoster found of one action before sending anything.
type vetting struct {
	m      *rosterMember    // the member as re-read; nil for one this run creates
	status MembershipStatus // the member's status when the action is sent (after an activation)
	err    error            // why the action must not be sent; nil to send it
}

// vet checks one member's actions (job, in the order they are sent) against the re-reading,
// as the planner would judge them: the member is resolved from the reading (the id names
// them; an action without one is for the member the job's invitation or add-limited
// creates), then comes the staleness check, then the rules. A profile update is judged by
// the rules once its profile is re-read, just before it is sent.
func (r *rosterRun) vet(job []int) {
	first := &r.results[job[0]].Action
	creates := first.UserID == "" && (first.Kind == RosterInvite || first.Kind == RosterAddLimited)
	var m *rosterMember
	var status MembershipStatus
	if first.UserID != "" {
		if m = r.snap.byID[first.UserID]; m != nil {
			status = m.status
		}
	}
	for _, i := range job {
		a := &r.results[i].Action
		v := &vetting{m: m, status: status}
		r.vetted[i] = v
		switch {
		case a.UserID == "" && !creates:
			// Validate let it through, so the plan creates the member, with an action that is blocked.
			v.err = fmt.Errorf("%w: %s not applied: the action that creates member %s is blocked", ErrEarlierActionFailed, a.Kind, a.member())
		default:
			v.err = r.check(a)
		}
		// A profile update waits for its re-read profile, unless the reading blocks it already.
		if v.err == nil && (a.Kind != RosterUpdateProfile || m == nil || !r.snap.callerMayAdmin || profileBlockedByList(m, status)) {
			v.err = r.rule(a, v)
		}
		switch {
		case a.Kind == RosterActivate:
			status = MembershipActive
		case a.Kind == RosterInvite && m != nil:
			status = MembershipPending
		}
	}
}

// rule judges a vetted action with the rules, as the planner does.
func (r *rosterRun) rule(a *RosterAction, v *vetting) error {
	blocked, err := r.judge.actionRule(a, v.m, v.status)
	if err != nil {
		return wrapf(err, "check the rules of %s for member %s", a.Kind, a.member())
	}
	return blocked
}

// check compares an action with the workspace as re-read before the run: ErrStalePlan when the
// member is no longer as the plan saw them, ErrOwnerImmutable for the owner. Actions following
// the creation of a member in this run have nothing to compare with and pass.
func (r *rosterRun) check(a *RosterAction) error {
	snap := r.snap
	if a.UserID == "" {
		if a.Kind == RosterInvite && snap.byEmail[strings.ToLower(a.Email)] != nil {
			return stale(a, "%s joined the workspace after the plan was made", a.Email)
		}
		if a.Kind == RosterAddLimited && len(snap.byName[a.Name]) > 0 {
			return stale(a, "a limited member named %q was added after the plan was made", a.Name)
		}
		return nil
	}
	m := snap.byID[a.UserID]
	switch {
	case m != nil && m.owner:
		return ownerUntouched(m, "membership")
	case m == nil:
		return stale(a, "member %s is no longer in the workspace", a.member())
	case a.Email != "" && !strings.EqualFold(a.Email, m.user.Email):
		return stale(a, "member %s has the email %s, not %s", a.UserID, m.user.Email, a.Email)
	case m.status != a.Status:
		return stale(a, "member %s is now %s; the plan saw %s", a.member(), m.status, a.Status)
	}
	switch a.Kind {
	case RosterAssignRole, RosterRemoveRole:
		if held := m.hasRole(a.Role); held != (a.Kind == RosterRemoveRole) {
			return stale(a, "member %s %s %s now", a.member(), map[bool]string{true: "holds", false: "no longer holds"}[held], a.Role)
		}
	case RosterAddToGroup, RosterRemoveFromGroup:
		if snap.groupByID[a.GroupID] == nil {
			return stale(a, "group %s no longer exists", a.GroupID)
		}
		if in := m.groups[a.GroupID]; in != (a.Kind == RosterRemoveFromGroup) {
			return stale(a, "member %s is %sin group %s now", a.member(), map[bool]string{true: "", false: "no longer "}[in], a.GroupID)
		}
	case RosterSetHourlyRate, RosterSetCostRate:
		has := m.hourly
		if a.Kind == RosterSetCostRate {
			has = m.cost
		}
		if formatAmount(has) != formatAmount(a.Previous) {
			return stale(a, "member %s's rate is %s now; the plan saw %s", a.member(), formatAmount(has), formatAmount(a.Previous))
		}
	}
	return nil
}

// updateProfile re-reads the profile of a member who was in the workspace, judges the update
// by the rules with it, and sends it only if the fields it changes still have the values the
// plan saw (ProfileBefore). A new limited member's picture goes without a re-read.
func (r *rosterRun) updateProfile(ctx context.Context, a *RosterAction, v *vetting, userID string) error {
	c, ws := clientOf(r.s), r.plan.WorkspaceID
	if v.m != nil {
		p, _, err := c.Profiles.Get(ctx, ws, userID)
		if err != nil {
			return err
		}
		m := *v.m
		m.profile = p
		if err := r.rule(a, &vetting{m: &m, status: v.status}); err != nil {
			return err
		}
		if a.ProfileBefore != nil {
			if why, ok := profileUnchanged(a.ProfileBefore, p); !ok {
				return stale(a, "member %s's %s", a.member(), why)
			}
		}
	}
	_, _, err := c.Profiles.Update(ctx, ws, userID, a.Profile)
	return err
}

func stale(a *RosterAction, format string, args ...any) error {
	return fmt.Errorf("%w: %s not applied: %s", ErrStalePlan, a.Kind, fmt.Sprintf(format, args...))
}

// newMemberID finds the id of a member this run invited (by email) or added (by name; the
// name must be unique among limited members, as the plan checked).
//
// Clockify API: GET /v1/workspaces/{workspaceId}/users?email=… (or ?name=…)
func (r *rosterRun) newMemberID(ctx context.Context, a *RosterAction) (string, error) {
	if a.Email != "" {
		u, _, err := r.s.FindByEmail(ctx, r.plan.WorkspaceID, a.Email)
		if err != nil {
			return "", wrapf(err, "look up new member %s", a.Email)
		}
		return u.ID, nil
	}
	var ids []string
	for u, err := range r.s.All(ctx, r.plan.WorkspaceID, lookupOptions("", a.Name)) {
		if err != nil {
			return "", wrapf(err, "look up new member %s", a.Name)
		}
		if u.Name == a.Name && u.Status == AccountLimited {
			ids = append(ids, u.ID)
		}
	}
	if len(ids) != 1 {
		return "", wrapf(ErrNotFound, "look up new limited member %q: %d match, want 1", a.Name, len(ids))
	}
	return ids[0], nil
}
