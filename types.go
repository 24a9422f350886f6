package clockify

import (
	"encoding/json"
	"fmt"
	"slices"
)

// Role is a role a member holds in a workspace.
type Role string

// Roles. OWNER can be filtered on but never assigned.
const (
	RoleOwner          Role = "OWNER"
	RoleWorkspaceAdmin Role = "WORKSPACE_ADMIN"
	RoleTeamManager    Role = "TEAM_MANAGER"
	RoleProjectManager Role = "PROJECT_MANAGER"
)

// Valid reports whether r is a role Clockify knows.
func (r Role) Valid() bool {
	switch r {
	case RoleOwner, RoleWorkspaceAdmin, RoleTeamManager, RoleProjectManager:
		return true
	}
	return false
}

// MembershipStatus is the state of a membership: invited, active, declined or deactivated.
type MembershipStatus string

// Membership statuses. MembershipAll is only a filter value.
const (
	MembershipPending  MembershipStatus = "PENDING"
	MembershipActive   MembershipStatus = "ACTIVE"
	MembershipDeclined MembershipStatus = "DECLINED"
	MembershipInactive MembershipStatus = "INACTIVE"
	MembershipAll      MembershipStatus = "ALL"
)

// Valid reports whether s is a status Clockify knows.
func (s MembershipStatus) Valid() bool {
	switch s {
	case MembershipPending, MembershipActive, MembershipDeclined, MembershipInactive, MembershipAll:
		return true
	}
	return false
}

// AccountStatus is the state of a user's account (not of a workspace membership). It is an
// open set: values Clockify adds later decode as they are.
type AccountStatus string

// Account statuses Clockify documents.
const (
	AccountActive                   AccountStatus = "ACTIVE"
	AccountPendingEmailVerification AccountStatus = "PENDING_EMAIL_VERIFICATION"
	AccountDeleted                  AccountStatus = "DELETED"
	AccountNotRegistered            AccountStatus = "NOT_REGISTERED"
	AccountLimited                  AccountStatus = "LIMITED"
	AccountLimitedDeleted           AccountStatus = "LIMITED_DELETED"
)

// Valid reports whether s is a documented account status (used to check filters).
func (s AccountStatus) Valid() bool {
	switch s {
	case AccountActive, AccountPendingEmailVerification, AccountDeleted, AccountNotRegistered,
		AccountLimited, AccountLimitedDeleted:
		return true
	}
	return false
}

// MembershipType says what a membership is of: the workspace, a project or a user group.
type MembershipType string

// Membership types.
const (
	MembershipTypeWorkspace MembershipType = "WORKSPACE"
	MembershipTypeProject   MembershipType = "PROJECT"
	MembershipTypeUserGroup MembershipType = "USERGROUP"
)

// SortColumn orders member lists.
type SortColumn string

// Sort columns; Clockify's default is SortByEmail.
const (
	SortByID            SortColumn = "ID"
	SortByEmail         SortColumn = "EMAIL"
	SortByName          SortColumn = "NAME"
	SortByNameLowercase SortColumn = "NAME_LOWERCASE"
	SortByAccess        SortColumn = "ACCESS"
	SortByHourlyRate    SortColumn = "HOURLYRATE"
	SortByCostRate      SortColumn = "COSTRATE"
)

// Valid reports whether c is a column Clockify sorts by.
func (c SortColumn) Valid() bool {
	switch c {
	case SortByID, SortByEmail, SortByName, SortByNameLowercase, SortByAccess, SortByHourlyRate, SortByCostRate:
		return true
	}
	return false
}

// SortOrder is ascending or descending.
type SortOrder string

// Sort orders; Clockify's default is Ascending.
const (
	Ascending  SortOrder = "ASCENDING"
	Descending SortOrder = "DESCENDING"
)

// Valid reports whether o is a sort order Clockify knows.
func (o SortOrder) Valid() bool { return o == Ascending || o == Descending }

// MembershipsInclude selects which memberships a member list carries on each user.
type MembershipsInclude string

// Membership inclusion options; Clockify's default is IncludeNoMemberships.
const (
	IncludeAllMemberships       MembershipsInclude = "ALL"
	IncludeNoMemberships        MembershipsInclude = "NONE"
	IncludeWorkspaceMemberships MembershipsInclude = "WORKSPACE"
	IncludeProjectMemberships   MembershipsInclude = "PROJECT"
	IncludeUserGroupMemberships MembershipsInclude = "USERGROUP"
)

// Valid reports whether m is an inclusion option Clockify knows.
func (m MembershipsInclude) Valid() bool {
	switch m {
	case IncludeAllMemberships, IncludeNoMemberships, IncludeWorkspaceMemberships,
		IncludeProjectMemberships, IncludeUserGroupMemberships:
		return true
	}
	return false
}

// CustomFieldType is the kind of a custom field. It is an open set.
type CustomFieldType string

// Custom field types Clockify documents.
const (
	CustomFieldText             CustomFieldType = "TXT"
	CustomFieldNumber           CustomFieldType = "NUMBER"
	CustomFieldDropdownSingle   CustomFieldType = "DROPDOWN_SINGLE"
	CustomFieldDropdownMultiple CustomFieldType = "DROPDOWN_MULTIPLE"
	CustomFieldCheckbox         CustomFieldType = "CHECKBOX"
	CustomFieldLink             CustomFieldType = "LINK"
)

// User is a Clockify user as the member lists, the filter and GET /v1/user return it.
// Name may be empty (Clockify sends null for members who never finished sign-up), and
// Settings is nil for them.
type User struct {
	ID               string             `json:"id"`
	Email            string             `json:"email"`
	Name             string             `json:"name"`
	ProfilePicture   string             `json:"profilePicture"`
	ActiveWorkspace  string             `json:"activeWorkspace"`
	DefaultWorkspace string             `json:"defaultWorkspace"`
	Status           AccountStatus      `json:"status"`
	Memberships      []Membership       `json:"memberships"`
	Settings         *UserSettings      `json:"settings"`
	CustomFields     []CustomFieldValue `json:"customFields"`
	// Roles holds the role details Clockify adds when a list asks for include-roles. Clockify
	// does not document their shape, so they are kept raw; DecodeRoleGrants reads both shapes
	// seen.
	Roles []json.RawMessage `json:"roles"`
	// Extra holds every other key Clockify sent, as sent; MarshalJSON writes it back.
	Extra map[string]json.RawMessage `json:"-"`
}

// Membership returns u's membership of the workspace (or project or group) with the given id.
// Like every getter on a result, it is safe on a nil *User: it reports no membership.
func (u *User) Membership(targetID string) (Membership, bool) {
	if u == nil {
		return Membership{}, false
	}
	for _, m := range u.Memberships {
		if m.TargetID == targetID {
			return m, true
		}
	}
	return Membership{}, false
}

// RoleGrants returns the grants DecodeRoleGrants reads, leaving out any entry of a shape it
// cannot read (use DecodeRoleGrants to be told about those). A nil *User has none.
func (u *User) RoleGrants() []RoleGrant {
	grants, _ := u.DecodeRoleGrants()
	return grants
}

// DecodeRoleGrants decodes the Roles that Clockify attached with include-roles. Clockify
// documents no shape for them; both shapes seen are read: {"role":{"id","name","source"},...}
// (one grant) and {"role":"NAME","entities":[{"id",...},...]} (one grant per entity). A grant
// without a user id gets u's. An entry of neither shape is skipped and reported in the error,
// with the grants of the other entries still returned. A nil *User has none.
func (u *User) DecodeRoleGrants() ([]RoleGrant, error) {
	if u == nil {
		return nil, nil
	}
	var out []RoleGrant
	var bad []int
	for i, raw := range u.Roles {
		grants, err := decodeRoleEntry(raw)
		if err != nil {
			bad = append(bad, i)
			continue
		}
		for _, g := range grants {
			if g.UserID == "" {
				g.UserID = u.ID
			}
			out = append(out, g)
		}
	}
	if len(bad) > 0 {
		return out, fmt.Errorf("clockify: user %s: %d of %d role entries are of an unknown shape (entries %v)", u.ID, len(bad), len(u.Roles), bad)
	}
	return out, nil
}

// Membership is a user's membership of a workspace, project or user group, with its rates.
// HourlyRate and CostRate are nil when unset.
type Membership struct {
	UserID           string           `json:"userId"`
	TargetID         string           `json:"targetId"`
	MembershipType   MembershipType   `json:"membershipType"`
	MembershipStatus MembershipStatus `json:"membershipStatus"`
	HourlyRate       *Money           `json:"hourlyRate"`
	CostRate         *Money           `json:"costRate"`
	// Extra holds every other key Clockify sent, as sent; MarshalJSON writes it back.
	Extra map[string]json.RawMessage `json:"-"`
}

// UserSettings are a user's personal settings, as Clockify's API reference lists them
// (UserSettingsDtoV1). Keys Clockify adds later are kept in Extra.
type UserSettings struct {
	WeekStart    Weekday `json:"weekStart"`
	TimeZone     string  `json:"timeZone"`
	TimeFormat   string  `json:"timeFormat"`
	DateFormat   string  `json:"dateFormat"`
	Lang         string  `json:"lang"`
	Theme        string  `json:"theme"`
	MyStartOfDay string  `json:"myStartOfDay"`
	// Notification and view preferences.
	SendNewsletter              bool   `json:"sendNewsletter"`
	WeeklyUpdates               bool   `json:"weeklyUpdates"`
	LongRunning                 bool   `json:"longRunning"`
	ScheduledReports            bool   `json:"scheduledReports"`
	Approval                    bool   `json:"approval"`
	Pto                         bool   `json:"pto"`
	Alerts                      bool   `json:"alerts"`
	Reminders                   bool   `json:"reminders"`
	InvoiceReminders            bool   `json:"invoiceReminders"`
	TimeTrackingManual          bool   `json:"timeTrackingManual"`
	IsCompactViewOn             bool   `json:"isCompactViewOn"`
	DashboardSelection          string `json:"dashboardSelection"`
	DashboardViewType           string `json:"dashboardViewType"`
	DashboardPinToTop           bool   `json:"dashboardPinToTop"`
	ProjectListCollapse         int    `json:"projectListCollapse"`
	CollapseAllProjectLists     bool   `json:"collapseAllProjectLists"`
	GroupSimilarEntriesDisabled bool   `json:"groupSimilarEntriesDisabled"`
	ProjectPickerTaskFilter     bool   `json:"projectPickerTaskFilter"`
	MultiFactorEnabled          bool   `json:"multiFactorEnabled"`
	Scheduling                  bool   `json:"scheduling"`
	Onboarding                  bool   `json:"onboarding"`
	ShowOnlyWorkingDays         bool   `json:"showOnlyWorkingDays"`
	// SummaryReportSettings is {"group","subgroup"}, as sent.
	SummaryReportSettings json.RawMessage `json:"summaryReportSettings,omitempty"`
	// Extra holds every other key Clockify sent, as sent; MarshalJSON writes it back.
	Extra map[string]json.RawMessage `json:"-"`
}

// Workspace is a workspace as Clockify returns it, including from member mutations (invite,
// status and rate changes answer with the whole workspace, not the user).
type Workspace struct {
	ID          string       `json:"id"`
	Name        string       `json:"name"`
	ImageURL    string       `json:"imageUrl"`
	Memberships []Membership `json:"memberships"`
	HourlyRate  *Money       `json:"hourlyRate"`
	CostRate    *Money       `json:"costRate"`
	// FeatureSubscriptionType is the plan when Clockify sends it as a string, as it does, e.g.
	// "FREE" or "STANDARD_2021"; nil when it sent null (old workspaces) or the object
	// FeaturePlan holds. Plan names the plan from either.
	FeatureSubscriptionType *string `json:"-"`
	// FeaturePlan is featureSubscriptionType when Clockify sends it as the object its API
	// reference declares ({"addonSubscriptionPlan", "featurePermissions", ...}).
	FeaturePlan *FeaturePlan `json:"-"`
	// Features lists the workspace's feature flags; Clockify returns values its spec omits.
	Features           []string           `json:"features"`
	Currencies         []Currency         `json:"currencies"`
	CakeOrganizationID string             `json:"cakeOrganizationId"`
	Subdomain          *Subdomain         `json:"subdomain"`
	WorkspaceSettings  *WorkspaceSettings `json:"workspaceSettings"`
	// Extra holds every other key Clockify sent, as sent; MarshalJSON writes it back. A
	// featureSubscriptionType of a shape the SDK cannot read is kept here too (Plan then
	// reports PlanUnreadable).
	Extra map[string]json.RawMessage `json:"-"`
}

// Subdomain is a workspace's own subdomain, if it has one.
type Subdomain struct {
	Name    *string `json:"name"`
	Enabled bool    `json:"enabled"`
}

// HasFeature reports whether the workspace has the feature flag f (e.g. "EDIT_MEMBER_PROFILE").
// Like every getter on a result, it is safe on a nil *Workspace, which has no features.
func (w *Workspace) HasFeature(f string) bool { return w != nil && slices.Contains(w.Features, f) }

// Membership returns the workspace membership of userID, if Clockify included it; a nil
// *Workspace reports none.
func (w *Workspace) Membership(userID string) (Membership, bool) {
	if w == nil {
		return Membership{}, false
	}
	var found Membership
	ok := false
	for _, m := range w.Memberships {
		if m.UserID != userID {
			continue
		}
		// Prefer the membership of the workspace itself over any project or group one.
		if m.MembershipType == MembershipTypeWorkspace && (w.ID == "" || m.TargetID == w.ID) {
			return m, true
		}
		if !ok && (m.MembershipType == "" || m.MembershipType == MembershipTypeWorkspace) {
			found, ok = m, true
		}
	}
	return found, ok
}

// CustomFieldValue is a user's value of a custom field. Clockify uses two shapes for it (on
// users and from the value upsert: customFieldName/customFieldType; on member profiles:
// name/type/sourceType with the field's definition embedded); both decode into this type.
type CustomFieldValue struct {
	CustomFieldID string          `json:"customFieldId"`
	Name          string          `json:"customFieldName,omitempty"`
	Type          CustomFieldType `json:"customFieldType,omitempty"`
	UserID        string          `json:"userId,omitempty"`
	// SourceType is "WORKSPACE" (a default) or "USER" (set on the user); profiles only.
	SourceType string `json:"sourceType,omitempty"`
	// Value is the raw JSON value: a string, number, bool or list by field type.
	Value json.RawMessage `json:"value,omitempty"`
	// CustomField is the field's definition; profiles only.
	CustomField *CustomField `json:"customField,omitempty"`
}

// UnmarshalJSON accepts both of Clockify's shapes.
func (v *CustomFieldValue) UnmarshalJSON(b []byte) error {
	type plain CustomFieldValue
	var w struct {
		plain
		AltName string          `json:"name"`
		AltType CustomFieldType `json:"type"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*v = CustomFieldValue(w.plain)
	if v.Name == "" {
		v.Name = w.AltName
	}
	if v.Type == "" {
		v.Type = w.AltType
	}
	return nil
}

// CustomField is the definition of a custom field.
type CustomField struct {
	ID                    string          `json:"id"`
	Name                  string          `json:"name"`
	Type                  CustomFieldType `json:"type"`
	EntityType            string          `json:"entityType,omitempty"`
	Status                string          `json:"status,omitempty"`
	Required              bool            `json:"required"`
	OnlyAdminCanEdit      bool            `json:"onlyAdminCanEdit"`
	AllowedValues         []string        `json:"allowedValues,omitempty"`
	Placeholder           string          `json:"placeholder,omitempty"`
	Description           string          `json:"description,omitempty"`
	WorkspaceID           string          `json:"workspaceId,omitempty"`
	WorkspaceDefaultValue json.RawMessage `json:"workspaceDefaultValue,omitempty"`
}

// CustomFieldUpsert sets one custom field's value in a profile update or a new limited member.
type CustomFieldUpsert struct {
	CustomFieldID string `json:"customFieldId"`
	Value         any    `json:"value"`
}

// Ptr returns a pointer to v, for the optional fields of request structs:
//
//	&clockify.ProfileUpdate{WeekStart: clockify.Ptr(clockify.Monday)}
func Ptr[T any](v T) *T { return &v }

// Money is an amount in minor units (cents) as Clockify stores rates: 20000 USD is 200.00 USD.
type Money struct {
	Amount   int64  `json:"amount"`
	Currency string `json:"currency,omitempty"`
}

// KeyWorkspace is a workspace a credential reaches and the user's role in it.
type KeyWorkspace struct {
	Workspace *Workspace
	// Role is RoleOwner, RoleWorkspaceAdmin, or "" for any other member (team and project
	// managers included).
	Role Role
}

// IsAdmin reports whether the user is the workspace's owner or one of its admins, which
// inviting, deactivating, setting rates and editing profiles require.
func (w KeyWorkspace) IsAdmin() bool { return w.Role == RoleOwner || w.Role == RoleWorkspaceAdmin }
