package clockify

import (
	"fmt"
	"strings"
	"text/tabwriter"
	"time"
)

// MemberSpec is one member as a roster wants them: Members.PlanRoster compares it with the
// workspace and plans the changes that make the two match. A full member is keyed by Email
// (compared case-insensitively), a limited member (Limited: true, a kiosk member without
// email) by Name, exactly; give exactly one of the two.
//
// Every other field says what is managed. A nil or zero field is left as the workspace has it:
// Status "" leaves the status, a nil Profile the profile (and a Profile manages only the fields
// it sets), nil Roles the roles, nil Groups the groups, nil rates the rates. A non-nil empty
// Roles or Groups means "none": every role (group) the member holds is removed.
type MemberSpec struct {
	// Email is a full member's address; a member who is not in the workspace is invited.
	Email string
	// Name is a limited member's name (1 to 100 characters); one who is not in the workspace
	// is added as a limited member.
	Name    string
	Limited bool
	// Status is MembershipActive, MembershipInactive or "" (leave as is). A pending
	// invitation counts as active: accepting it is the member's step, not the API's. A member
	// who is not in the workspace and should be inactive is not invited.
	Status MembershipStatus
	// Profile manages the profile fields it sets (week start, capacity, working days, custom
	// fields; picture for limited members). Profile.Name cannot be set: a limited member's
	// name is their key, and full members change their own name on CAKE.com.
	Profile *ProfileUpdate
	// Roles are the manager roles the member should hold, exactly; nil leaves roles alone.
	// The owner's roles are never changed.
	Roles []RoleAssignment
	// Groups are the user groups the member should be in, exactly, each by id or by exact
	// name; nil leaves groups alone.
	Groups []string
	// HourlyRate and CostRate are the member's workspace rates in minor units (2500 is
	// 25.00); nil leaves a rate alone.
	HourlyRate *int64
	CostRate   *int64
}

// RosterOptions tunes Members.PlanRoster. The zero value (or nil) is fine.
type RosterOptions struct {
	// DeactivateUnlisted plans the deactivation of every active member no spec names. The
	// owner and the caller (the API key's user) are left alone; a pending invitation, which
	// the API cannot withdraw, appears as a blocked action (ErrInvitationPending).
	DeactivateUnlisted bool
	// PageSize is the page size of the member and group lists the plan reads, at most
	// MaxPageSize; 0 means MaxPageSize, the fewest requests. Smaller pages mean smaller answers;
	// a page of members larger than the client's response limit (WithMaxResponseBytes) is read
	// again in pages a tenth the size, down to 200.
	PageSize int
	// Concurrency bounds how many profiles are read at once; 0 or less means
	// DefaultRosterReaders. The client's rate limiter sets the pace either way; the readers
	// only have to be enough to keep it busy while each waits for its answer.
	Concurrency int
}

// DefaultRosterReaders is how many profiles PlanRoster reads at once by default: enough to
// keep Clockify's 50 requests/second going when an answer takes up to 300 ms.
const DefaultRosterReaders = 16

// RosterActionKind is what a RosterAction does.
type RosterActionKind string

// The kinds of roster action, in the order ApplyRoster applies them to one member.
const (
	RosterInvite          RosterActionKind = "invite"
	RosterAddLimited      RosterActionKind = "add-limited"
	RosterActivate        RosterActionKind = "activate"
	RosterRemoveRole      RosterActionKind = "remove-role"
	RosterRemoveFromGroup RosterActionKind = "remove-from-group"
	RosterAssignRole      RosterActionKind = "assign-role"
	RosterAddToGroup      RosterActionKind = "add-to-group"
	RosterSetHourlyRate   RosterActionKind = "set-hourly-rate"
	RosterSetCostRate     RosterActionKind = "set-cost-rate"
	RosterUpdateProfile   RosterActionKind = "update-profile"
	RosterDeactivate      RosterActionKind = "deactivate"
)

// rosterPhases orders the kinds for one member: the member exists (invite, add) and is
// active before anything else; roles and groups are removed before new ones are given (so a
// member is never briefly both); the profile is edited while the member is still active;
// deactivation comes last, after the roles it makes moot are gone.
var rosterPhases = []RosterActionKind{RosterInvite, RosterAddLimited, RosterActivate, RosterRemoveRole,
	RosterRemoveFromGroup, RosterAssignRole, RosterAddToGroup, RosterSetHourlyRate, RosterSetCostRate,
	RosterUpdateProfile, RosterDeactivate}

func (k RosterActionKind) phase() int {
	for i, p := range rosterPhases {
		if p == k {
			return i
		}
	}
	return -1
}

// Valid reports whether k is a known kind.
func (k RosterActionKind) Valid() bool { return k.phase() >= 0 }

// RosterAction is one planned change to one member.
//
// The fields besides Kind and the member's identity are set by kind: Profile for
// update-profile (only the fields that differ), Role for role actions, GroupID and GroupName
// for group actions, Amount and Previous for rates, Limited for add-limited. Status and
// Previous record what the planner saw; ApplyRoster re-reads the workspace and refuses an
// action whose member no longer matches them (ErrStalePlan).
type RosterAction struct {
	Kind RosterActionKind
	// UserID is the member's id; "" for a member the plan creates (invite, add-limited and what
	// follows them), whose id ApplyRoster looks up by Email or Name once they exist.
	UserID string
	Email  string
	// Name is the member's name as listed (a limited member's key).
	Name string
	// Status is the member's membership status when planned; "" for a member not yet there.
	Status MembershipStatus
	// Change describes the change for people, e.g. "workCapacity PT8H → PT7H".
	Change  string
	Profile *ProfileUpdate
	// ProfileBefore holds the values the fields of Profile had when planned; ApplyRoster reads
	// the profile again and refuses the update (ErrStalePlan) when one of them changed.
	ProfileBefore *ProfileUpdate
	Role          RoleAssignment
	GroupID       string
	GroupName     string
	// Amount is the new rate in minor units; Previous the rate when planned (nil: unset).
	Amount   int64
	Previous *int64
	// Limited is the new limited member, with every managed field Clockify takes at creation.
	Limited *LimitedMember
	// Blocked is nil, or the *RestrictionError of the Clockify rule that would refuse the
	// action (errors.Is(a.Blocked, ErrPendingApprovals)). Blocked actions are never applied.
	Blocked error
}

// member names the action's member for people: email, else name, else id.
func (a *RosterAction) member() string {
	switch {
	case a.Email != "":
		return a.Email
	case a.Name != "":
		return a.Name
	}
	return a.UserID
}

// RosterPlan is what Members.PlanRoster found to do, in the order ApplyRoster applies it:
// actions are grouped by member (in the order of the specs, then unlisted members) and
// ordered within a member by kind. It encodes to JSON (format RosterPlanFormat, described in
// the README) for review and storage; a decoded plan is validated (Validate) and applies like
// the original.
type RosterPlan struct {
	WorkspaceID string
	// PlannedAt is when the workspace was read.
	PlannedAt time.Time
	Actions   []RosterAction
}

// Blocked returns the actions a Clockify rule blocks.
func (p *RosterPlan) Blocked() []RosterAction {
	if p == nil {
		return nil
	}
	var out []RosterAction
	for _, a := range p.Actions {
		if a.Blocked != nil {
			out = append(out, a)
		}
	}
	return out
}

// Pending counts the actions ApplyRoster would apply (those not blocked). A plan with none
// means the workspace already matches the roster, apart from what Clockify's rules forbid.
func (p *RosterPlan) Pending() int {
	if p == nil {
		return 0
	}
	n := 0
	for _, a := range p.Actions {
		if a.Blocked == nil {
			n++
		}
	}
	return n
}

// String renders the plan as a table, one action a line, blocked actions with their rule's
// stable code (RuleCode, e.g. "pending_approvals") and message.
func (p *RosterPlan) String() string {
	if p == nil {
		return "roster plan: none"
	}
	var b strings.Builder
	blocked := len(p.Actions) - p.Pending()
	fmt.Fprintf(&b, "roster plan for workspace %s: %d to apply, %d blocked\n", p.WorkspaceID, p.Pending(), blocked)
	if len(p.Actions) == 0 {
		b.WriteString("nothing to change\n")
		return b.String()
	}
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tMEMBER\tACTION\tCHANGE\tBLOCKED BY")
	for i, a := range p.Actions {
		why := ""
		if a.Blocked != nil {
			why = ruleCode(a.Blocked) + ": " + strings.TrimPrefix(a.Blocked.Error(), "clockify: ")
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", i+1, oneLine(a.member()), a.Kind, oneLine(a.Change), oneLine(why))
	}
	tw.Flush()
	return b.String()
}

// oneLine keeps a table cell on its line, whatever a name or message holds.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

// RosterResult is the outcome of one action of ApplyRoster. Err is nil when the action was
// applied; otherwise the action's Blocked error (never attempted), ErrStalePlan (the workspace
// no longer matches what the plan saw), the error of the call, or one saying an earlier
// action of the same member failed or the context ended before it started.
type RosterResult struct {
	Action RosterAction
	Err    error
}
