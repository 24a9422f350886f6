package clockify

import "errors"

// RuleCode is the stable, machine-readable name of one of Clockify's product rules, such as
// "pending_approvals". A code never changes once released, so programs (and stored roster
// plans) can rely on it where an error's message or a Go identifier may change. Every rule
// refusal, whether found before sending or after Clockify refused, is a *RestrictionError whose
// Code is one of these; errors.Is(err, code.Err()) matches the rule's sentinel.
type RuleCode string

// The rule codes, one per sentinel of a product rule.
const (
	RulePaidFeature           RuleCode = "paid_feature"            // ErrPaidFeature
	RuleMultipleWorkspaces    RuleCode = "multiple_workspaces"     // ErrMultipleWorkspaces
	RuleMemberInactive        RuleCode = "member_inactive"         // ErrMemberInactive
	RuleInvitationPending     RuleCode = "invitation_pending"      // ErrInvitationPending
	RuleOwnerProfile          RuleCode = "owner_profile"           // ErrOwnerProfile
	RulePendingApprovals      RuleCode = "pending_approvals"       // ErrPendingApprovals
	RuleLimitedMemberOnly     RuleCode = "limited_member_only"     // ErrLimitedMemberOnly
	RuleAdminOnly             RuleCode = "admin_only"              // ErrAdminOnly
	RuleOwnerOnly             RuleCode = "owner_only"              // ErrOwnerOnly
	RuleOwnerImmutable        RuleCode = "owner_immutable"         // ErrOwnerImmutable
	RuleMustDeactivateFirst   RuleCode = "must_deactivate_first"   // ErrMustDeactivateFirst
	RuleRemovedInCAKE         RuleCode = "removed_in_cake"         // ErrRemovedInCAKE
	RuleGroupExists           RuleCode = "group_exists"            // ErrGroupExists
	RuleNoRunningTimer        RuleCode = "no_running_timer"        // ErrNoRunningTimer
	RuleEndBeforeStart        RuleCode = "end_before_start"        // ErrEndBeforeStart
	RuleWebhookWorkspaceLimit RuleCode = "webhook_workspace_limit" // ErrWebhookWorkspaceLimit
	RuleWebhookUserLimit      RuleCode = "webhook_user_limit"      // ErrWebhookUserLimit
)

// ruleSentinels pairs each code with its sentinel, in the order of the constants above.
var ruleSentinels = [...]struct {
	code RuleCode
	err  error
}{
	{RulePaidFeature, ErrPaidFeature}, {RuleMultipleWorkspaces, ErrMultipleWorkspaces},
	{RuleMemberInactive, ErrMemberInactive}, {RuleInvitationPending, ErrInvitationPending},
	{RuleOwnerProfile, ErrOwnerProfile}, {RulePendingApprovals, ErrPendingApprovals},
	{RuleLimitedMemberOnly, ErrLimitedMemberOnly}, {RuleAdminOnly, ErrAdminOnly},
	{RuleOwnerOnly, ErrOwnerOnly}, {RuleOwnerImmutable, ErrOwnerImmutable},
	{RuleMustDeactivateFirst, ErrMustDeactivateFirst}, {RuleRemovedInCAKE, ErrRemovedInCAKE},
	{RuleGroupExists, ErrGroupExists}, {RuleNoRunningTimer, ErrNoRunningTimer},
	{RuleEndBeforeStart, ErrEndBeforeStart},
	{RuleWebhookWorkspaceLimit, ErrWebhookWorkspaceLimit}, {RuleWebhookUserLimit, ErrWebhookUserLimit},
}

// RuleCodes returns every rule code this version of the SDK knows, in a fixed order.
func RuleCodes() []RuleCode {
	out := make([]RuleCode, len(ruleSentinels))
	for i, r := range ruleSentinels {
		out[i] = r.code
	}
	return out
}

// String returns the code itself.
func (c RuleCode) String() string { return string(c) }

// Valid reports whether c is a code this version of the SDK knows.
func (c RuleCode) Valid() bool { return c.Err() != nil }

// Err returns the rule's sentinel error (ErrPendingApprovals for "pending_approvals"), or nil
// for a code this version does not know.
func (c RuleCode) Err() error {
	for _, r := range ruleSentinels {
		if r.code == c {
			return r.err
		}
	}
	return nil
}

// ruleCodeOf returns the code of a rule sentinel, or "" when rule is not one.
func ruleCodeOf(rule error) RuleCode {
	for _, r := range ruleSentinels {
		if r.err == rule {
			return r.code
		}
	}
	return ""
}

// RuleOf returns the code of the rule that err reports (err is or wraps a *RestrictionError),
// or "" when err is not a rule refusal.
func RuleOf(err error) RuleCode {
	var re *RestrictionError
	if errors.As(err, &re) {
		return re.Code()
	}
	return ""
}

// Code returns the stable code of the rule e reports ("" for a rule this version does not know).
func (e *RestrictionError) Code() RuleCode {
	if e == nil {
		return ""
	}
	return ruleCodeOf(e.Rule)
}
