package clockifytest

import (
	"cmp"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Seeding methods set up state before (or between) requests. They are meant
// for test set-up, so they panic with a clear message on a mistake (unknown
// workspace, duplicate id, invalid value) instead of returning an error.
// Ids left empty are generated: 24 hex characters, like Clockify's
// MongoDB ObjectIds, deterministic for a given sequence of calls.

// Rate is an amount of money in minor units (cents): 5000 = 50.00.
type Rate struct {
	Amount int64
	// Currency defaults to the workspace's currency when seeding.
	Currency string
}

// WorkspaceSeed describes a workspace for AddWorkspace.
type WorkspaceSeed struct {
	ID   string // "" = generated
	Name string
	// Plan is the featureSubscriptionType: PlanFree, or a paid plan such as
	// "STANDARD_2021", "PRO_2021", "BUNDLE_YEAR_2024". "" means "STANDARD_2021".
	Plan string
	// Features are the workspace feature flags. nil means DefaultPaidFeatures
	// for a paid plan and DefaultFreeFeatures for PlanFree; use an empty,
	// non-nil slice for none.
	Features []string
	// Currency is the default currency code; "" means "USD".
	Currency   string
	HourlyRate *Rate // workspace default billable rate; nil = null
	CostRate   *Rate // workspace default cost rate; nil = null
	ImageURL   string
}

// Feature flags that gate this API surface: a workspace without one gets
// 403 "Access Denied" from the operations it gates.
const (
	FeatureEditMemberProfile = "EDIT_MEMBER_PROFILE"
	FeatureUserCustomFields  = "USER_CUSTOM_FIELDS"
	FeatureManagerRole       = "MANAGER_ROLE"
	FeatureLaborCost         = "LABOR_COST"
	FeatureHistoricRates     = "HISTORIC_RATES"
	FeatureLimitedUsers      = "LIMITED_USERS"
)

// DefaultPaidFeatures returns the features of a seeded paid workspace: every
// flag of this surface plus a few others, including one the spec does not
// know (WEEKLY_OVERTIME_CALCULATION_PERIOD), as the live API sends. Each call
// returns a new slice, so changing one changes no server.
func DefaultPaidFeatures() []string {
	return []string{
		"ADD_TIME_FOR_OTHERS", "ADMIN_PANEL", "APPROVAL", "BULK_EDIT", "CUSTOM_FIELDS",
		FeatureEditMemberProfile, FeatureHistoricRates, FeatureLaborCost, FeatureLimitedUsers,
		FeatureManagerRole, "GRANT_PROJECT_MANAGER_ROLE", "KIOSK", "SCHEDULING", "TIME_OFF",
		"TIME_TRACKING", FeatureUserCustomFields, "WEEKLY_OVERTIME_CALCULATION_PERIOD",
	}
}

// DefaultFreeFeatures returns the features of a seeded free workspace; each
// call returns a new slice.
func DefaultFreeFeatures() []string {
	return []string{"TIME_TRACKING", "CSV_EXPORT", "UNLIMITED_REPORTS"}
}

// Roles are a member's roles in one workspace.
type Roles struct {
	Owner               bool     // the workspace owner (one per workspace)
	Admin               bool     // WORKSPACE_ADMIN
	TeamManagerOf       []string // TEAM_MANAGER of these user ids
	TeamManagerOfGroups []string // TEAM_MANAGER of these user-group ids (source USER_GROUP)
	ProjectManagerOf    []string // PROJECT_MANAGER of these project ids
}

// MemberSeed describes a member for AddMember. The account-level fields
// (Email, Name, AccountStatus, TimeZone, ProfilePicture) are taken from the
// first AddMember of a user id; adding the same ID to another workspace
// reuses the account.
type MemberSeed struct {
	ID    string // "" = generated
	Email string // "" = derived from Name (limited members have none)
	Name  string // "" is sent as null
	// MembershipStatus is ACTIVE (default), INACTIVE, PENDING or DECLINED.
	MembershipStatus string
	// AccountStatus defaults to NOT_REGISTERED for a PENDING member and
	// ACTIVE otherwise; LIMITED makes a limited (kiosk) member.
	AccountStatus string
	Roles         Roles
	// WorkspaceNumber is the number of workspaces the member profile
	// reports; the workspaces of this fake the user is in count too, and
	// the larger number wins. Above 1 it blocks most profile edits.
	WorkspaceNumber int
	// PendingApprovals sets hasPendingApprovalRequest (blocks weekStart changes).
	PendingApprovals bool
	WeekStart        string   // default "MONDAY"
	WorkCapacity     string   // ISO-8601 duration; default "PT8H"
	WorkingDays      []string // default MONDAY..FRIDAY; use an empty non-nil slice for none
	HourlyRate       *Rate
	CostRate         *Rate
	// CustomFieldValues maps custom-field ids to JSON-encodable values.
	CustomFieldValues map[string]any
	TimeZone          string // default "Europe/Berlin"
	ProfilePicture    string // default Clockify's no-user-image URL
}

// CustomFieldSeed describes a user custom field (entityType USER).
type CustomFieldSeed struct {
	ID               string
	Name             string
	Type             string // TXT (default), NUMBER, DROPDOWN_SINGLE, DROPDOWN_MULTIPLE, CHECKBOX, LINK
	AllowedValues    []string
	Required         bool
	OnlyAdminCanEdit bool
	Placeholder      string
	Description      string
	DefaultValue     any    // workspaceDefaultValue; nil = null
	Status           string // default "VISIBLE"
}

// GroupSeed describes a user group; UserIDs must already be members.
type GroupSeed struct {
	ID      string
	Name    string
	UserIDs []string
}

// ProjectSeed describes a project, needed as the target of PROJECT_MANAGER
// grants, of the project-id filter, of project-scoped rates and of time
// entries. A public project is open to every member; a private one to
// UserIDs and its project managers.
type ProjectSeed struct {
	ID       string
	Name     string
	Public   bool
	Billable bool
	Color    string // default "#03A9F4"
	// UserIDs are the project's members, the users project rates apply to.
	UserIDs []string
	// HourlyRates and CostRates are project-scoped rates by user id; each
	// user must be in UserIDs. The currency defaults to the workspace's.
	HourlyRates map[string]Rate
	CostRates   map[string]Rate
}

var hexID = regexp.MustCompile(`^[0-9a-f]{24}$`)

func (st *store) id(given, what string) string {
	if given == "" {
		return st.newID()
	}
	if !hexID.MatchString(given) {
		panic(fmt.Sprintf("clockifytest: %s id %q is not 24 lower-case hex characters", what, given))
	}
	return given
}

func seedPanic(format string, args ...any) {
	panic(fmt.Sprintf("clockifytest: "+format, args...))
}

func (st *store) mustWorkspace(fn, wsID string) *workspace {
	ws := st.workspaces[wsID]
	if ws == nil {
		seedPanic("%s: unknown workspace %q", fn, wsID)
	}
	return ws
}

// seedIn runs add on workspace wsID under the server's lock and returns what add returns; fn
// names the seeding method in the panic for an unknown workspace.
func (s *Server) seedIn(fn, wsID string, add func(st *store, ws *workspace) string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return add(s.st, s.st.mustWorkspace(fn, wsID))
}

// insert records v under id in table and at the end of list, the order Clockify lists them in.
func insert[T any](st *store, table map[string]*T, list *[]*T, id string, v *T) {
	table[id] = v
	*list = append(*list, v)
	st.touch()
}

// AddWorkspace adds a workspace and returns its id. It has no members yet;
// add its owner with AddMember and Roles{Owner: true}.
func (s *Server) AddWorkspace(w WorkspaceSeed) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.st
	id := st.id(w.ID, "workspace")
	if st.workspaces[id] != nil || st.users[id] != nil {
		seedPanic("AddWorkspace: id %q already used", id)
	}
	ws := &workspace{
		id: id, name: w.Name, plan: cmp.Or(w.Plan, "STANDARD_2021"), currency: cmp.Or(w.Currency, "USD"),
		imageURL: w.ImageURL, members: map[string]*member{}, cfs: map[string]*customField{},
		groups: map[string]*group{}, projects: map[string]*project{},
	}
	ws.features = slices.Clone(w.Features)
	if w.Features == nil {
		ws.features = DefaultPaidFeatures()
		if !ws.paid() {
			ws.features = DefaultFreeFeatures()
		}
	}
	ws.hourlyRate = ws.seedRate(w.HourlyRate)
	ws.costRate = ws.seedRate(w.CostRate)
	insert(st, st.workspaces, &st.wsOrder, id, ws)
	return id
}

func (ws *workspace) seedRate(r *Rate) *Rate {
	if r == nil {
		return nil
	}
	return &Rate{Amount: r.Amount, Currency: cmp.Or(r.Currency, ws.currency)}
}

// AddMember adds a member to workspace wsID and returns the user id.
func (s *Server) AddMember(wsID string, m MemberSeed) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st.addMember(wsID, m)
}

func (st *store) addMember(wsID string, m MemberSeed) string {
	ws := st.mustWorkspace("AddMember", wsID)
	id := st.id(m.ID, "user")
	if ws.members[id] != nil {
		seedPanic("AddMember: user %q is already a member of workspace %q", id, wsID)
	}
	if st.workspaces[id] != nil {
		seedPanic("AddMember: id %q is a workspace id", id)
	}
	status := cmp.Or(m.MembershipStatus, MembershipActive)
	if !slices.Contains(membershipStatuses[:4], status) {
		seedPanic("AddMember: unknown membership status %q", status)
	}
	u := st.users[id]
	if u == nil {
		u = st.newUser(id, m, status)
	}
	u.wsNumberSeed = max(u.wsNumberSeed, m.WorkspaceNumber)

	mem := &member{user: u, status: status, admin: m.Roles.Admin, pendingApprovals: m.PendingApprovals,
		tmUsers: slices.Clone(m.Roles.TeamManagerOf), tmGroups: slices.Clone(m.Roles.TeamManagerOfGroups),
		pmProjects: slices.Clone(m.Roles.ProjectManagerOf), cfValues: map[string]json.RawMessage{}}
	mem.weekStart = cmp.Or(m.WeekStart, "MONDAY")
	if !slices.Contains(weekdays, mem.weekStart) {
		seedPanic("AddMember: unknown week start %q", m.WeekStart)
	}
	capacity, err := normalizeDuration(cmp.Or(m.WorkCapacity, "PT8H"))
	if err != nil {
		seedPanic("AddMember: work capacity: %v", err)
	}
	mem.workCapacity = capacity
	days := m.WorkingDays
	if days == nil {
		days = weekdays[:5]
	}
	if mem.workingDays, err = parseDays(days); err != nil {
		seedPanic("AddMember: working days: %v", err)
	}
	mem.hourlyRate, mem.costRate = ws.seedRate(m.HourlyRate), ws.seedRate(m.CostRate)
	for cfID, v := range m.CustomFieldValues {
		raw, err := json.Marshal(v)
		if err != nil {
			seedPanic("AddMember: custom field %q: %v", cfID, err)
		}
		mem.cfValues[cfID] = raw
	}
	if m.Roles.Owner {
		if ws.ownerID != "" {
			seedPanic("AddMember: workspace %q already has an owner", wsID)
		}
		ws.ownerID = id
	}
	ws.members[id] = mem
	ws.memberList = append(ws.memberList, mem)
	if u.activeWS == "" {
		u.activeWS, u.defaultWS = wsID, wsID
	}
	st.touch()
	return id
}

func (st *store) newUser(id string, m MemberSeed, membershipStatus string) *user {
	acct := m.AccountStatus
	if acct == "" {
		acct = AccountActive
		if membershipStatus == MembershipPending {
			acct = AccountNotRegistered
		}
	}
	if !slices.Contains(accountStatuses, acct) {
		seedPanic("AddMember: unknown account status %q", acct)
	}
	email := m.Email
	limited := acct == AccountLimited || acct == AccountLimitedDeleted
	if email == "" && !limited {
		local := strings.Join(strings.Fields(strings.ToLower(m.Name)), ".")
		email = cmp.Or(local, id) + "@example.com"
	}
	if email != "" {
		if other, ok := st.emails[strings.ToLower(email)]; ok {
			seedPanic("AddMember: e-mail %q already belongs to user %q", email, other)
		}
		st.emails[strings.ToLower(email)] = id
	}
	u := &user{id: id, email: email, name: m.Name, status: acct, profilePicture: m.ProfilePicture,
		timeZone: cmp.Or(m.TimeZone, "Europe/Berlin")}
	st.users[id] = u
	return u
}

// AddCustomField adds a user custom field to workspace wsID and returns its id.
func (s *Server) AddCustomField(wsID string, f CustomFieldSeed) string {
	return s.seedIn("AddCustomField", wsID, func(st *store, ws *workspace) string { return st.addCustomField(ws, f) })
}

func (st *store) addCustomField(ws *workspace, f CustomFieldSeed) string {
	id := st.id(f.ID, "custom field")
	typ := cmp.Or(f.Type, "TXT")
	if !slices.Contains(customFieldTypes, typ) {
		seedPanic("AddCustomField: unknown type %q", typ)
	}
	cf := &customField{id: id, name: f.Name, typ: typ, description: f.Description, placeholder: f.Placeholder,
		status: cmp.Or(f.Status, "VISIBLE"), allowedValues: slices.Clone(f.AllowedValues),
		required: f.Required, onlyAdminCanEdit: f.OnlyAdminCanEdit}
	if f.DefaultValue != nil {
		raw, err := json.Marshal(f.DefaultValue)
		if err != nil {
			seedPanic("AddCustomField: default value: %v", err)
		}
		cf.defaultValue = raw
	}
	insert(st, ws.cfs, &ws.cfList, id, cf)
	return id
}

// AddUserGroup adds a user group to workspace wsID and returns its id.
func (s *Server) AddUserGroup(wsID string, g GroupSeed) string {
	return s.seedIn("AddUserGroup", wsID, func(st *store, ws *workspace) string {
		for _, uid := range g.UserIDs {
			if ws.members[uid] == nil {
				seedPanic("AddUserGroup: user %q is not a member of workspace %q", uid, wsID)
			}
		}
		return st.addGroup(ws, g).id
	})
}

func (st *store) addGroup(ws *workspace, g GroupSeed) *group {
	id := st.id(g.ID, "user group")
	if ws.groups[id] != nil {
		seedPanic("AddUserGroup: group id %q already used", id)
	}
	gr := &group{id: id, name: g.Name, userIDs: slices.Clone(g.UserIDs)}
	if gr.userIDs == nil {
		gr.userIDs = []string{}
	}
	insert(st, ws.groups, &ws.groupList, id, gr)
	return gr
}

// AddProject adds a project to workspace wsID and returns its id.
func (s *Server) AddProject(wsID string, p ProjectSeed) string {
	return s.seedIn("AddProject", wsID, func(st *store, ws *workspace) string { return st.addProject(ws, p) })
}

func (st *store) addProject(ws *workspace, p ProjectSeed) string {
	id := st.id(p.ID, "project")
	if ws.projects[id] != nil {
		seedPanic("AddProject: project id %q already used", id)
	}
	pr := &project{id: id, name: p.Name, public: p.Public, billable: p.Billable, color: cmp.Or(p.Color, "#03A9F4"),
		userIDs: slices.Clone(p.UserIDs), hourlyRates: map[string]*Rate{}, costRates: map[string]*Rate{}}
	for _, rates := range []struct {
		seed map[string]Rate
		into map[string]*Rate
	}{{p.HourlyRates, pr.hourlyRates}, {p.CostRates, pr.costRates}} {
		for uid, r := range rates.seed {
			if !slices.Contains(pr.userIDs, uid) {
				seedPanic("AddProject: rate for user %q, who is not in UserIDs", uid)
			}
			rates.into[uid] = ws.seedRate(&r)
		}
	}
	insert(st, ws.projects, &ws.projList, id, pr)
	return id
}

// SetPendingApprovals sets whether the member has approval requests pending,
// which blocks changing their week start; clearing it withdraws the member's
// pending approval requests (AddApprovalRequest adds real ones).
func (s *Server) SetPendingApprovals(wsID, userID string, pending bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := s.st.mustWorkspace("SetPendingApprovals", wsID)
	m := ws.members[userID]
	if m == nil {
		seedPanic("SetPendingApprovals: user %q is not a member of %q", userID, wsID)
	}
	m.pendingApprovals = pending
	if !pending {
		ws.withdrawPending(userID)
	}
	s.st.touch()
}

// SetFeatures replaces the feature flags of workspace wsID.
func (s *Server) SetFeatures(wsID string, features ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := s.st.mustWorkspace("SetFeatures", wsID)
	ws.features = append([]string{}, features...)
	s.st.touch()
}
