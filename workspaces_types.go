package clockify

import (
	"bytes"
	"encoding/json"
)

// PlanUnreadable is what Workspace.Plan reports when Clockify sent featureSubscriptionType in a
// shape the SDK cannot read (neither a string, null, nor the object of Clockify's API
// reference); the value is kept, as sent, in Workspace.Extra["featureSubscriptionType"].
const PlanUnreadable = "UNREADABLE"

// FeaturePlan is a workspace's plan in the shape Clockify's API reference declares for
// featureSubscriptionType. AddonSubscriptionPlan is FREE, BASIC, STANDARD, PRO or ENTERPRISE.
type FeaturePlan struct {
	AddonSubscriptionPlan string   `json:"addonSubscriptionPlan"`
	FeaturePermissions    []string `json:"featurePermissions"`
	Legacy                bool     `json:"legacy"`
	PaidPlan              bool     `json:"paidPlan"`
	RegionalAllowed       bool     `json:"regionalAllowed"`
	Weight                int      `json:"weight"`
	// Extra holds every other key Clockify sent, as sent; MarshalJSON writes it back.
	Extra map[string]json.RawMessage `json:"-"`
}

var featurePlanKeys = jsonKeys[FeaturePlan]()

// UnmarshalJSON decodes the plan object, keeping the keys FeaturePlan has no field for in Extra.
func (p *FeaturePlan) UnmarshalJSON(b []byte) error {
	type plain FeaturePlan
	var v plain
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*p = FeaturePlan(v)
	p.Extra = extraKeys(b, featurePlanKeys)
	return nil
}

// MarshalJSON writes the plan object with its Extra keys.
func (p FeaturePlan) MarshalJSON() ([]byte, error) {
	type plain FeaturePlan
	b, err := json.Marshal(plain(p))
	if err != nil {
		return nil, err
	}
	return appendExtra(b, p.Extra, featurePlanKeys)
}

// Currency is one of a workspace's currencies.
type Currency struct {
	ID        string `json:"id"`
	Code      string `json:"code"`
	IsDefault bool   `json:"isDefault"`
}

// Plan names the workspace's plan: the string Clockify sends ("FREE", "STANDARD_2021", ...),
// or from the object shape its addonSubscriptionPlan ("FREE", "PRO", ...). It is "" when
// Clockify sent none (null, or no key) and for a nil *Workspace, and PlanUnreadable when it
// sent a shape the SDK cannot read.
func (w *Workspace) Plan() string {
	switch {
	case w == nil:
		return ""
	case w.FeatureSubscriptionType != nil:
		return *w.FeatureSubscriptionType
	case w.FeaturePlan != nil:
		return w.FeaturePlan.AddonSubscriptionPlan
	}
	if _, ok := w.Extra[keyFeatureSubscriptionType]; ok {
		return PlanUnreadable
	}
	return ""
}

const keyFeatureSubscriptionType = "featureSubscriptionType"

var workspaceKeys = func() map[string]bool {
	keys := jsonKeys[Workspace]()
	keys[keyFeatureSubscriptionType] = true
	return keys
}()

// checksWholeJSON marks Workspace as decoding its whole input with json.Unmarshal (see wholeJSON).
func (*Workspace) checksWholeJSON() {}

// UnmarshalJSON decodes a workspace, keeping the keys Workspace has no field for in Extra.
// featureSubscriptionType is read as the string (or null) Clockify sends or as the object its
// API reference declares; any other shape does not fail the call that returned the workspace
// (an invite or a rate change has happened by then): it is kept in Extra, and Plan reports
// PlanUnreadable.
func (w *Workspace) UnmarshalJSON(b []byte) error {
	type plain Workspace
	var v struct {
		plain
		Plan json.RawMessage `json:"featureSubscriptionType"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*w = Workspace(v.plain)
	w.Extra = extraKeys(b, workspaceKeys)
	raw := bytes.TrimSpace(v.Plan)
	switch {
	case len(raw) == 0 || string(raw) == "null":
	case raw[0] == '"':
		var plan string
		if err := json.Unmarshal(raw, &plan); err != nil {
			return err
		}
		w.FeatureSubscriptionType = &plan
	case raw[0] == '{':
		var p FeaturePlan
		if err := json.Unmarshal(raw, &p); err == nil {
			w.FeaturePlan = &p
			return nil
		}
		fallthrough
	default:
		if w.Extra == nil {
			w.Extra = map[string]json.RawMessage{}
		}
		w.Extra[keyFeatureSubscriptionType] = append(json.RawMessage(nil), raw...)
	}
	return nil
}

// MarshalJSON writes the workspace in Clockify's shape with its Extra keys:
// featureSubscriptionType as the string, the object, or null, as it came.
func (w Workspace) MarshalJSON() ([]byte, error) {
	type plain Workspace
	v := struct {
		plain
		Plan any `json:"featureSubscriptionType"`
	}{plain: plain(w)}
	switch {
	case w.FeatureSubscriptionType != nil:
		v.Plan = *w.FeatureSubscriptionType
	case w.FeaturePlan != nil:
		v.Plan = w.FeaturePlan
	case w.Extra[keyFeatureSubscriptionType] != nil:
		v.Plan = w.Extra[keyFeatureSubscriptionType]
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return appendExtra(b, w.Extra, workspaceKeys)
}

// WorkspaceSettings are a workspace's settings (WorkspaceSettingsDtoV1 in Clockify's API
// reference). The settings the SDK's rules and most callers read are typed; the nested
// objects are kept as sent, and keys Clockify adds later in Extra.
type WorkspaceSettings struct {
	// OnlyAdminsSeeBillableRates hides billable rates from everyone but admins.
	OnlyAdminsSeeBillableRates bool `json:"onlyAdminsSeeBillableRates"`
	// LockTimeEntries is the date before which time entries are locked, nil when none.
	LockTimeEntries *string `json:"lockTimeEntries"`
	LockTimeZone    *string `json:"lockTimeZone"`
	// WorkingDays are the workspace's default working days.
	WorkingDays WeekdaySet `json:"workingDays"`
	// AdminOnlyPages are the pages only admins see (PROJECT, TEAM, REPORTS).
	AdminOnlyPages []string `json:"adminOnlyPages"`

	OnlyAdminsCreateProject            bool `json:"onlyAdminsCreateProject"`
	OnlyAdminsCreateTag                bool `json:"onlyAdminsCreateTag"`
	OnlyAdminsCreateTask               bool `json:"onlyAdminsCreateTask"`
	OnlyAdminsSeeAllTimeEntries        bool `json:"onlyAdminsSeeAllTimeEntries"`
	OnlyAdminsSeeDashboard             bool `json:"onlyAdminsSeeDashboard"`
	OnlyAdminsSeePublicProjectsEntries bool `json:"onlyAdminsSeePublicProjectsEntries"`
	OnlyAdminsCanChangeBillableStatus  bool `json:"onlyAdminsCanChangeBillableStatus"`
	ForceDescription                   bool `json:"forceDescription"`
	ForceProjects                      bool `json:"forceProjects"`
	ForceTags                          bool `json:"forceTags"`
	ForceTasks                         bool `json:"forceTasks"`
	DefaultBillableProjects            bool `json:"defaultBillableProjects"`
	IsProjectPublicByDefault           bool `json:"isProjectPublicByDefault"`
	CanSeeTimeSheet                    bool `json:"canSeeTimeSheet"`
	CanSeeTracker                      bool `json:"canSeeTracker"`
	MultiFactorEnabled                 bool `json:"multiFactorEnabled"`
	TimeRoundingInReports              bool `json:"timeRoundingInReports"`
	TrackTimeDownToSecond              bool `json:"trackTimeDownToSecond"`
	ProjectFavorites                   bool `json:"projectFavorites"`
	ProjectPickerSpecialFilter         bool `json:"projectPickerSpecialFilter"`
	ActiveBillableHours                bool `json:"activeBillableHours"`
	// TimeTrackingMode is DEFAULT or STOPWATCH_ONLY.
	TimeTrackingMode     string `json:"timeTrackingMode"`
	NumberFormat         string `json:"numberFormat"`
	CurrencyFormat       string `json:"currencyFormat"`
	DurationFormat       string `json:"durationFormat"`
	ProjectGroupingLabel string `json:"projectGroupingLabel"`

	// Round ({"round","minutes"}), AutomaticLock and EntityCreationPermissions, as sent.
	Round                     json.RawMessage `json:"round,omitempty"`
	AutomaticLock             json.RawMessage `json:"automaticLock,omitempty"`
	EntityCreationPermissions json.RawMessage `json:"entityCreationPermissions,omitempty"`

	// Extra holds every other key Clockify sent, as sent; MarshalJSON writes it back.
	Extra map[string]json.RawMessage `json:"-"`
}

var workspaceSettingsKeys = jsonKeys[WorkspaceSettings]()

// UnmarshalJSON decodes the settings, keeping the keys WorkspaceSettings has no field for in
// Extra. A workingDays that is not a list of days is an error.
func (ws *WorkspaceSettings) UnmarshalJSON(b []byte) error {
	type plain WorkspaceSettings
	var v plain
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*ws = WorkspaceSettings(v)
	ws.Extra = extraKeys(b, workspaceSettingsKeys)
	return nil
}

// MarshalJSON writes the settings with their Extra keys.
func (ws WorkspaceSettings) MarshalJSON() ([]byte, error) {
	type plain WorkspaceSettings
	b, err := json.Marshal(plain(ws))
	if err != nil {
		return nil, err
	}
	return appendExtra(b, ws.Extra, workspaceSettingsKeys)
}
