package clockifytest

import "encoding/json"

// The fake's own wire structs, written from Clockify's API reference
// (https://docs.clockify.me/) and captured answers rather than shared with
// the SDK, so that an SDK decoding mistake shows up in tests.

type rateDTO struct {
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
}

type membershipDTO struct {
	UserID           string   `json:"userId"`
	HourlyRate       *rateDTO `json:"hourlyRate"`
	CostRate         *rateDTO `json:"costRate"`
	TargetID         string   `json:"targetId"`
	MembershipType   string   `json:"membershipType"`
	MembershipStatus string   `json:"membershipStatus"`
}

type summaryReportSettingsDTO struct {
	Group    string `json:"group"`
	Subgroup string `json:"subgroup"`
}

type userSettingsDTO struct {
	WeekStart                   string                   `json:"weekStart"`
	TimeZone                    string                   `json:"timeZone"`
	TimeFormat                  string                   `json:"timeFormat"`
	DateFormat                  string                   `json:"dateFormat"`
	SendNewsletter              bool                     `json:"sendNewsletter"`
	WeeklyUpdates               bool                     `json:"weeklyUpdates"`
	LongRunning                 bool                     `json:"longRunning"`
	ScheduledReports            bool                     `json:"scheduledReports"`
	Approval                    bool                     `json:"approval"`
	Pto                         bool                     `json:"pto"`
	Alerts                      bool                     `json:"alerts"`
	Reminders                   bool                     `json:"reminders"`
	TimeTrackingManual          bool                     `json:"timeTrackingManual"`
	SummaryReportSettings       summaryReportSettingsDTO `json:"summaryReportSettings"`
	IsCompactViewOn             bool                     `json:"isCompactViewOn"`
	DashboardSelection          string                   `json:"dashboardSelection"`
	DashboardViewType           string                   `json:"dashboardViewType"`
	DashboardPinToTop           bool                     `json:"dashboardPinToTop"`
	ProjectListCollapse         int                      `json:"projectListCollapse"`
	CollapseAllProjectLists     bool                     `json:"collapseAllProjectLists"`
	GroupSimilarEntriesDisabled bool                     `json:"groupSimilarEntriesDisabled"`
	MyStartOfDay                string                   `json:"myStartOfDay"`
	ProjectPickerTaskFilter     bool                     `json:"projectPickerTaskFilter"`
	Lang                        string                   `json:"lang"`
	MultiFactorEnabled          bool                     `json:"multiFactorEnabled"`
	Scheduling                  bool                     `json:"scheduling"`
	Onboarding                  bool                     `json:"onboarding"`
	ShowOnlyWorkingDays         bool                     `json:"showOnlyWorkingDays"`
	Theme                       string                   `json:"theme"`
}

type customFieldValueDTO struct {
	CustomFieldID   string          `json:"customFieldId"`
	CustomFieldName string          `json:"customFieldName"`
	CustomFieldType string          `json:"customFieldType"`
	UserID          string          `json:"userId"`
	Value           json.RawMessage `json:"value"`
}

type authSourceDTO struct {
	ID   string `json:"id"`
	Type string `json:"type"`
}

type roleDTO struct {
	ID     string         `json:"id"`
	Name   string         `json:"name"`
	Source *authSourceDTO `json:"source"`
}

type roleDetailsDTO struct {
	Role        roleDTO `json:"role"`
	UserID      string  `json:"userId"`
	WorkspaceID string  `json:"workspaceId"`
}

type userDTO struct {
	ID               string                `json:"id"`
	Email            string                `json:"email"`
	Name             *string               `json:"name"`
	Memberships      []membershipDTO       `json:"memberships"`
	ProfilePicture   string                `json:"profilePicture"`
	ActiveWorkspace  string                `json:"activeWorkspace"`
	DefaultWorkspace string                `json:"defaultWorkspace"`
	Settings         *userSettingsDTO      `json:"settings"`
	Status           string                `json:"status"`
	CustomFields     []customFieldValueDTO `json:"customFields"`
	Roles            *[]roleDetailsDTO     `json:"roles,omitempty"` // only with include-roles
}

type roundDTO struct {
	Round   string `json:"round"`
	Minutes string `json:"minutes"`
}

type entityCreationPermissionsDTO struct {
	WhoCanCreateProjectsAndClients string `json:"whoCanCreateProjectsAndClients"`
	WhoCanCreateTags               string `json:"whoCanCreateTags"`
	WhoCanCreateTasks              string `json:"whoCanCreateTasks"`
}

type workspaceSettingsDTO struct {
	TimeRoundingInReports              bool                         `json:"timeRoundingInReports"`
	OnlyAdminsSeeBillableRates         bool                         `json:"onlyAdminsSeeBillableRates"`
	OnlyAdminsCreateProject            bool                         `json:"onlyAdminsCreateProject"`
	OnlyAdminsSeeDashboard             bool                         `json:"onlyAdminsSeeDashboard"`
	DefaultBillableProjects            bool                         `json:"defaultBillableProjects"`
	LockTimeEntries                    *string                      `json:"lockTimeEntries"`
	LockTimeZone                       *string                      `json:"lockTimeZone"`
	Round                              roundDTO                     `json:"round"`
	ProjectFavorites                   bool                         `json:"projectFavorites"`
	CanSeeTimeSheet                    bool                         `json:"canSeeTimeSheet"`
	CanSeeTracker                      bool                         `json:"canSeeTracker"`
	ProjectPickerSpecialFilter         bool                         `json:"projectPickerSpecialFilter"`
	ForceProjects                      bool                         `json:"forceProjects"`
	ForceTasks                         bool                         `json:"forceTasks"`
	ForceTags                          bool                         `json:"forceTags"`
	ForceDescription                   bool                         `json:"forceDescription"`
	OnlyAdminsSeeAllTimeEntries        bool                         `json:"onlyAdminsSeeAllTimeEntries"`
	OnlyAdminsSeePublicProjectsEntries bool                         `json:"onlyAdminsSeePublicProjectsEntries"`
	TrackTimeDownToSecond              bool                         `json:"trackTimeDownToSecond"`
	ProjectGroupingLabel               string                       `json:"projectGroupingLabel"`
	AdminOnlyPages                     []string                     `json:"adminOnlyPages"`
	AutomaticLock                      *json.RawMessage             `json:"automaticLock"`
	OnlyAdminsCreateTag                bool                         `json:"onlyAdminsCreateTag"`
	OnlyAdminsCreateTask               bool                         `json:"onlyAdminsCreateTask"`
	TimeTrackingMode                   string                       `json:"timeTrackingMode"`
	IsProjectPublicByDefault           bool                         `json:"isProjectPublicByDefault"`
	MultiFactorEnabled                 bool                         `json:"multiFactorEnabled"`
	NumberFormat                       string                       `json:"numberFormat"`
	CurrencyFormat                     string                       `json:"currencyFormat"`
	DurationFormat                     string                       `json:"durationFormat"`
	EntityCreationPermissions          entityCreationPermissionsDTO `json:"entityCreationPermissions"`
	WorkingDays                        []string                     `json:"workingDays"`
}

type currencyDTO struct {
	ID        string `json:"id"`
	Code      string `json:"code"`
	IsDefault bool   `json:"isDefault"`
}

type subdomainDTO struct {
	Name    *string `json:"name"`
	Enabled bool    `json:"enabled"`
}

type workspaceDTO struct {
	ID                      string               `json:"id"`
	Name                    string               `json:"name"`
	HourlyRate              *rateDTO             `json:"hourlyRate"`
	CostRate                *rateDTO             `json:"costRate"`
	Memberships             []membershipDTO      `json:"memberships"`
	WorkspaceSettings       workspaceSettingsDTO `json:"workspaceSettings"`
	ImageURL                string               `json:"imageUrl"`
	FeatureSubscriptionType *string              `json:"featureSubscriptionType"`
	Features                []string             `json:"features"`
	Currencies              []currencyDTO        `json:"currencies"`
	Subdomain               subdomainDTO         `json:"subdomain"`
	CakeOrganizationID      string               `json:"cakeOrganizationId"`
}

type customFieldDTO struct {
	ID                    string          `json:"id"`
	Name                  string          `json:"name"`
	Type                  string          `json:"type"`
	Description           string          `json:"description"`
	Placeholder           string          `json:"placeholder"`
	Status                string          `json:"status"`
	EntityType            string          `json:"entityType"`
	AllowedValues         []string        `json:"allowedValues"`
	Required              bool            `json:"required"`
	OnlyAdminCanEdit      bool            `json:"onlyAdminCanEdit"`
	WorkspaceDefaultValue json.RawMessage `json:"workspaceDefaultValue"`
	ProjectDefaultValues  []any           `json:"projectDefaultValues"`
	WorkspaceID           string          `json:"workspaceId"`
}

type customFieldValueFullDTO struct {
	CustomField   customFieldDTO  `json:"customField"`
	CustomFieldID string          `json:"customFieldId"`
	Name          string          `json:"name"`
	SourceType    string          `json:"sourceType"`
	Type          string          `json:"type"`
	UserID        string          `json:"userId"`
	Value         json.RawMessage `json:"value"`
}

type memberProfileDTO struct {
	Email                     string                    `json:"email"`
	HasPassword               bool                      `json:"hasPassword"`
	HasPendingApprovalRequest bool                      `json:"hasPendingApprovalRequest"`
	ImageURL                  string                    `json:"imageUrl"`
	Name                      string                    `json:"name"`
	UserCustomFieldValues     []customFieldValueFullDTO `json:"userCustomFieldValues"`
	WeekStart                 string                    `json:"weekStart"`
	WorkCapacity              string                    `json:"workCapacity"`
	WorkingDays               []string                  `json:"workingDays"`
	WorkspaceNumber           int                       `json:"workspaceNumber"`
}

type userRedactedDTO struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type userGroupDTO struct {
	ID           string            `json:"id"`
	Name         string            `json:"name"`
	TeamManagers []userRedactedDTO `json:"teamManagers"`
	UserIDs      []string          `json:"userIds"`
	WorkspaceID  string            `json:"workspaceId"`
}

// projectDTO is ProjectDtoImplV1, the answer to a project-scoped rate change.
type projectDTO struct {
	ID          string          `json:"id"`
	Name        string          `json:"name"`
	HourlyRate  *rateDTO        `json:"hourlyRate"`
	CostRate    *rateDTO        `json:"costRate"`
	ClientID    string          `json:"clientId"`
	ClientName  string          `json:"clientName"`
	WorkspaceID string          `json:"workspaceId"`
	Billable    bool            `json:"billable"`
	Memberships []membershipDTO `json:"memberships"`
	Color       string          `json:"color"`
	Archived    bool            `json:"archived"`
	Duration    string          `json:"duration"`
	Note        string          `json:"note"`
	Template    bool            `json:"template"`
	Public      bool            `json:"public"`
}

// uploadDTO is UploadFileResponseV1.
type uploadDTO struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

type timeIntervalDTO struct {
	Start    string  `json:"start"`
	End      *string `json:"end"`      // null while running
	Duration *string `json:"duration"` // ISO-8601, null while running
}

// timeEntryDTO is TimeEntryDtoImplV1, the answer to stopping a timer.
type timeEntryDTO struct {
	ID                string            `json:"id"`
	Description       string            `json:"description"`
	TagIDs            []string          `json:"tagIds"`
	UserID            string            `json:"userId"`
	Billable          bool              `json:"billable"`
	TaskID            *string           `json:"taskId"`
	ProjectID         *string           `json:"projectId"`
	WorkspaceID       string            `json:"workspaceId"`
	TimeInterval      timeIntervalDTO   `json:"timeInterval"`
	CustomFieldValues []json.RawMessage `json:"customFieldValues"`
	Type              string            `json:"type"`
	KioskID           *string           `json:"kioskId"`
	IsLocked          bool              `json:"isLocked"`
}

// timeEntryWithRatesDTO is TimeEntryWithRatesDtoV1, an item of the running
// timers list.
type timeEntryWithRatesDTO struct {
	timeEntryDTO
	HourlyRate *rateDTO `json:"hourlyRate"`
	CostRate   *rateDTO `json:"costRate"`
}
