package clockify

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// RosterPlanFormat is the version of the JSON form of a RosterPlan this SDK writes and reads
// ("formatVersion"). A stored plan of another version is refused when decoded; plan again.
const RosterPlanFormat = 1

// ruleCode is the stable code of the rule err is about ("pending_approvals"), the code a
// decoded plan stored for a rule this SDK does not know, or "blocked" for an error that names
// no rule.
func ruleCode(err error) string {
	var re *RestrictionError
	if errors.As(err, &re) && re.Rule != nil {
		if c := re.Code(); c != "" {
			return string(c)
		}
		if c, ok := strings.CutPrefix(re.Rule.Error(), unknownRulePrefix); ok {
			return c
		}
	}
	return "blocked"
}

// unknownRulePrefix marks a rule a decoded plan names but this version of the SDK does not
// know (a plan written by a newer one); the action stays blocked.
const unknownRulePrefix = "clockify: rule "

// ruleByCode is the sentinel of code, or a stand-in error for a code this SDK does not know.
func ruleByCode(code string) error {
	if err := RuleCode(code).Err(); err != nil {
		return err
	}
	return errors.New(unknownRulePrefix + code)
}

// The JSON form of a plan, for review and storage; the README's roster section documents it.
// Blocked is {"rule","message"}, the rule by its RuleCode; a role is {"role","entityId","group"}.
type rosterPlanJSON struct {
	FormatVersion int                `json:"formatVersion"`
	WorkspaceID   string             `json:"workspaceId"`
	PlannedAt     time.Time          `json:"plannedAt"`
	Actions       []rosterActionJSON `json:"actions"`
}

type rosterActionJSON struct {
	Kind      RosterActionKind `json:"kind"`
	UserID    string           `json:"userId,omitempty"`
	Email     string           `json:"email,omitempty"`
	Name      string           `json:"name,omitempty"`
	Status    MembershipStatus `json:"status,omitempty"`
	Change    string           `json:"change,omitempty"`
	Profile   *ProfileUpdate   `json:"profile,omitempty"`
	Before    *ProfileUpdate   `json:"profileBefore,omitempty"`
	Role      *roleJSON        `json:"role,omitempty"`
	GroupID   string           `json:"groupId,omitempty"`
	GroupName string           `json:"groupName,omitempty"`
	Amount    *int64           `json:"amount,omitempty"`
	Previous  *int64           `json:"previous,omitempty"`
	Limited   *LimitedMember   `json:"limited,omitempty"`
	Blocked   *blockedJSON     `json:"blocked,omitempty"`
}

type roleJSON struct {
	Role     Role   `json:"role"`
	EntityID string `json:"entityId"`
	Group    bool   `json:"group,omitempty"`
}

type blockedJSON struct {
	Rule    string `json:"rule"`
	Message string `json:"message"`
}

// MarshalJSON encodes the plan for review or storage, in format RosterPlanFormat. A blocked
// action's rule is stored by its stable RuleCode ("pending_approvals") and its message as
// text, so a decoded plan still answers errors.Is(a.Blocked, rule).
func (p RosterPlan) MarshalJSON() ([]byte, error) {
	w := rosterPlanJSON{FormatVersion: RosterPlanFormat, WorkspaceID: p.WorkspaceID, PlannedAt: p.PlannedAt,
		Actions: make([]rosterActionJSON, len(p.Actions))}
	for i := range p.Actions {
		a := &p.Actions[i]
		j := rosterActionJSON{Kind: a.Kind, UserID: a.UserID, Email: a.Email, Name: a.Name, Status: a.Status,
			Change: a.Change, Profile: a.Profile, Before: a.ProfileBefore, GroupID: a.GroupID, GroupName: a.GroupName,
			Previous: a.Previous, Limited: a.Limited}
		if a.Role.role != "" {
			j.Role = &roleJSON{Role: a.Role.role, EntityID: a.Role.entityID, Group: a.Role.group}
		}
		if a.Kind.isRate() {
			j.Amount = Ptr(a.Amount)
		}
		if a.Blocked != nil {
			j.Blocked = &blockedJSON{Rule: ruleCode(a.Blocked), Message: strings.TrimPrefix(a.Blocked.Error(), "clockify: ")}
		}
		w.Actions[i] = j
	}
	return json.Marshal(w)
}

// UnmarshalJSON decodes a plan MarshalJSON wrote, and refuses anything MarshalJSON never
// writes: another formatVersion, an unknown field, a field the action's kind does not use, a
// rate without its amount, and every problem ApplyRoster refuses before sending (see
// RosterPlan.Validate). The problems are reported together, each a *ValidationError naming the
// action's index (errors.Is(err, ErrInvalidInput)).
//
// A decoded plan applies like the original: blocked actions stay blocked (a rule this SDK does
// not know too; plan again to re-check the rules), and ApplyRoster re-reads the workspace, so
// actions the workspace has overtaken fail with ErrStalePlan.
func (p *RosterPlan) UnmarshalJSON(b []byte) error {
	var w rosterPlanJSON
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return &ValidationError{Field: "roster plan", Reason: "not a roster plan: " + strings.TrimPrefix(err.Error(), "json: ")}
	}
	if w.FormatVersion != RosterPlanFormat {
		return &ValidationError{Field: "roster plan formatVersion", Reason: fmt.Sprintf("is %d; this SDK reads format %d only (plan again with this SDK)",
			w.FormatVersion, RosterPlanFormat)}
	}
	out := RosterPlan{WorkspaceID: w.WorkspaceID, PlannedAt: w.PlannedAt, Actions: make([]RosterAction, len(w.Actions))}
	var errs []error
	for i, j := range w.Actions {
		a := RosterAction{Kind: j.Kind, UserID: j.UserID, Email: j.Email, Name: j.Name, Status: j.Status,
			Change: j.Change, Profile: j.Profile, ProfileBefore: j.Before, GroupID: j.GroupID, GroupName: j.GroupName,
			Previous: j.Previous, Limited: j.Limited}
		switch {
		case j.Amount != nil && a.Kind.isRate():
			a.Amount = *j.Amount
		case j.Amount != nil:
			errs = append(errs, actionError(i, "amount", fmt.Sprintf("a %s action has no amount", a.Kind)))
		case a.Kind.isRate():
			errs = append(errs, actionError(i, "amount", "a rate action needs its amount (0 is written \"amount\":0)"))
		}
		if j.Role != nil {
			a.Role = RoleAssignment{role: j.Role.Role, entityID: j.Role.EntityID, group: j.Role.Group}
		}
		if j.Blocked != nil {
			if j.Blocked.Rule == "" {
				errs = append(errs, actionError(i, "blocked.rule", "is empty"))
			}
			a.Blocked = &RestrictionError{Rule: ruleByCode(j.Blocked.Rule), UserID: j.UserID, Detail: j.Blocked.Message}
		}
		out.Actions[i] = a
	}
	if err := joinErrors(append(errs, out.problems()...)); err != nil {
		return err
	}
	*p = out
	return nil
}

// actionError is the *ValidationError of field of the action at index i.
func actionError(i int, field, reason string) *ValidationError {
	return &ValidationError{Field: fmt.Sprintf("Actions[%d].%s", i, field), Reason: reason}
}
