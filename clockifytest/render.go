package clockifytest

import (
	"slices"
)

// Rendering the state as the wire structs Clockify sends. Callers hold s.mu
// (read or write).

// defaultImageURL is the profile image of a member without a picture.
const defaultImageURL = "https://img.clockify.me/no-user-image.png"

func (ws *workspace) rate(r *Rate) *rateDTO {
	if r == nil {
		return nil
	}
	return &rateDTO{Amount: r.Amount, Currency: r.Currency}
}

func (ws *workspace) membershipDTO(m *member) membershipDTO {
	return membershipDTO{
		UserID: m.user.id, HourlyRate: ws.rate(m.hourlyRate), CostRate: ws.rate(m.costRate),
		TargetID: ws.id, MembershipType: "WORKSPACE", MembershipStatus: m.status,
	}
}

// membershipsOf lists the memberships of m in ws of the kinds include asks for
// (ALL, WORKSPACE, PROJECT, USERGROUP; NONE gives []).
func (ws *workspace) membershipsOf(m *member, include string) []membershipDTO {
	out := []membershipDTO{}
	if include == "ALL" || include == "WORKSPACE" {
		out = append(out, ws.membershipDTO(m))
	}
	if include == "ALL" || include == "PROJECT" {
		for _, p := range ws.projList {
			if slices.Contains(p.userIDs, m.user.id) {
				out = append(out, ws.projectMembership(p, m.user.id))
			}
		}
	}
	if include == "ALL" || include == "USERGROUP" {
		for _, g := range ws.groupsOf(m.user.id) {
			out = append(out, membershipDTO{UserID: m.user.id, TargetID: g.id, MembershipType: "USERGROUP", MembershipStatus: MembershipActive})
		}
	}
	return out
}

// rolesOf is the RoleDetailsDtoV1 list that include-roles=true adds to a user.
// The owner appears as role OWNER on the workspace id.
func (ws *workspace) rolesOf(m *member) []roleDetailsDTO {
	out := []roleDetailsDTO{}
	add := func(id, name string, src *authSourceDTO) {
		out = append(out, roleDetailsDTO{Role: roleDTO{ID: id, Name: name, Source: src}, UserID: m.user.id, WorkspaceID: ws.id})
	}
	if ws.isOwner(m.user.id) {
		add(ws.id, RoleOwner, nil)
	}
	if m.admin {
		add(ws.id, RoleWorkspaceAdmin, nil)
	}
	for _, id := range m.tmUsers {
		add(id, RoleTeamManager, nil)
	}
	for _, id := range m.tmGroups {
		add(id, RoleTeamManager, &authSourceDTO{ID: id, Type: "USER_GROUP"})
	}
	for _, id := range m.pmProjects {
		add(id, RoleProjectManager, nil)
	}
	return out
}

func (ws *workspace) customFieldValues(m *member) []customFieldValueDTO {
	out := []customFieldValueDTO{}
	for _, cf := range ws.cfList {
		if v, ok := m.cfValues[cf.id]; ok {
			out = append(out, customFieldValueDTO{CustomFieldID: cf.id, CustomFieldName: cf.name, CustomFieldType: cf.typ, UserID: m.user.id, Value: v})
		}
	}
	return out
}

// hasSettings: members who never finished onboarding (invited but not
// registered, and limited members who never log in) have "settings": null.
func (u *user) hasSettings() bool {
	return u.status != AccountNotRegistered && u.status != AccountLimited && u.status != AccountLimitedDeleted
}

func (u *user) nameOrNull() *string {
	if u.name == "" {
		return nil
	}
	n := u.name
	return &n
}

func (u *user) picture() string {
	if u.profilePicture == "" {
		return defaultImageURL
	}
	return u.profilePicture
}

func (st *store) settingsOf(u *user, weekStart string) *userSettingsDTO {
	if !u.hasSettings() {
		return nil
	}
	return &userSettingsDTO{
		WeekStart: weekStart, TimeZone: u.timeZone, TimeFormat: "HOUR24", DateFormat: "DD/MM/YYYY",
		SummaryReportSettings: summaryReportSettingsDTO{Group: "Project", Subgroup: "Time Entry"},
		DashboardSelection:    "ME", DashboardViewType: "PROJECT", ProjectListCollapse: 50,
		MyStartOfDay: "09:00", Lang: "EN", Theme: "DEFAULT", Approval: true, Pto: true,
	}
}

// userDTO renders m as listed in ws.
func (st *store) userDTO(ws *workspace, m *member, memberships string, includeRoles bool) userDTO {
	u := m.user
	d := userDTO{
		ID: u.id, Email: u.email, Name: u.nameOrNull(),
		Memberships:    ws.membershipsOf(m, memberships),
		ProfilePicture: u.picture(), ActiveWorkspace: u.activeWS, DefaultWorkspace: u.defaultWS,
		Settings: st.settingsOf(u, m.weekStart), Status: u.status,
		CustomFields: ws.customFieldValues(m),
	}
	if includeRoles {
		roles := ws.rolesOf(m)
		d.Roles = &roles
	}
	return d
}

func (ws *workspace) dto() workspaceDTO {
	members := make([]membershipDTO, len(ws.memberList))
	for i, m := range ws.memberList {
		members[i] = ws.membershipDTO(m)
	}
	var plan *string
	if ws.plan != "" {
		p := ws.plan
		plan = &p
	}
	return workspaceDTO{
		ID: ws.id, Name: ws.name,
		HourlyRate: ws.rate(ws.hourlyRate), CostRate: ws.rate(ws.costRate),
		Memberships: members,
		WorkspaceSettings: workspaceSettingsDTO{
			OnlyAdminsSeeBillableRates: true, OnlyAdminsCreateProject: true, DefaultBillableProjects: true,
			Round:            roundDTO{Round: "Round to nearest", Minutes: "15"},
			ProjectFavorites: true, CanSeeTracker: true, TrackTimeDownToSecond: true,
			ProjectGroupingLabel: "client", AdminOnlyPages: []string{},
			TimeTrackingMode: "DEFAULT", IsProjectPublicByDefault: true,
			NumberFormat: "COMMA_PERIOD", CurrencyFormat: "CURRENCY_SPACE_VALUE", DurationFormat: "FULL",
			EntityCreationPermissions: entityCreationPermissionsDTO{
				WhoCanCreateProjectsAndClients: "ADMINS", WhoCanCreateTags: "ADMINS", WhoCanCreateTasks: "ADMINS",
			},
			WorkingDays: []string{"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"},
		},
		ImageURL:                ws.imageURL,
		FeatureSubscriptionType: plan,
		Features:                slices.Clone(ws.features),
		Currencies:              []currencyDTO{{ID: ws.id[:16] + "c0000001", Code: ws.currency, IsDefault: true}},
		Subdomain:               subdomainDTO{},
		CakeOrganizationID:      ws.id[:16] + "0c0c0c0c",
	}
}

func (cf *customField) dto(wsID string) customFieldDTO {
	allowed := cf.allowedValues
	if allowed == nil {
		allowed = []string{}
	}
	return customFieldDTO{
		ID: cf.id, Name: cf.name, Type: cf.typ, Description: cf.description, Placeholder: cf.placeholder,
		Status: cf.status, EntityType: "USER", AllowedValues: allowed, Required: cf.required,
		OnlyAdminCanEdit: cf.onlyAdminCanEdit, WorkspaceDefaultValue: cf.defaultValue,
		ProjectDefaultValues: []any{}, WorkspaceID: wsID,
	}
}

// profileDTO renders a MemberProfileDtoV1. Every user custom field of
// the workspace is listed: the member's own value (sourceType USER) or the
// workspace default (sourceType WORKSPACE).
func (st *store) profileDTO(ws *workspace, m *member) memberProfileDTO {
	u := m.user
	cfs := []customFieldValueFullDTO{}
	for _, cf := range ws.cfList {
		v, src := m.cfValues[cf.id], "USER"
		if v == nil {
			v, src = cf.defaultValue, "WORKSPACE"
		}
		cfs = append(cfs, customFieldValueFullDTO{
			CustomField: cf.dto(ws.id), CustomFieldID: cf.id, Name: cf.name, SourceType: src,
			Type: cf.typ, UserID: u.id, Value: v,
		})
	}
	return memberProfileDTO{
		Email: u.email, HasPassword: u.status == AccountActive, HasPendingApprovalRequest: m.pendingApprovals,
		ImageURL: u.picture(), Name: u.name, UserCustomFieldValues: cfs,
		WeekStart: m.weekStart, WorkCapacity: m.workCapacity, WorkingDays: m.workingDays.wire(),
		WorkspaceNumber: st.workspaceNumber(u),
	}
}

func (st *store) groupDTO(ws *workspace, g *group) userGroupDTO {
	managers := []userRedactedDTO{}
	for _, m := range ws.memberList {
		if slices.Contains(m.tmGroups, g.id) {
			managers = append(managers, userRedactedDTO{ID: m.user.id, Name: m.user.name})
		}
	}
	return userGroupDTO{ID: g.id, Name: g.name, TeamManagers: managers, UserIDs: append([]string{}, g.userIDs...), WorkspaceID: ws.id}
}

// projectMembership is userID's PROJECT membership of p, with its
// project-scoped rates (null when unset).
func (ws *workspace) projectMembership(p *project, userID string) membershipDTO {
	return membershipDTO{UserID: userID, HourlyRate: ws.rate(p.hourlyRates[userID]), CostRate: ws.rate(p.costRates[userID]),
		TargetID: p.id, MembershipType: "PROJECT", MembershipStatus: MembershipActive}
}

func (ws *workspace) projectDTO(p *project) projectDTO {
	members := []membershipDTO{}
	for _, uid := range p.userIDs {
		members = append(members, ws.projectMembership(p, uid))
	}
	return projectDTO{ID: p.id, Name: p.name, WorkspaceID: ws.id, Billable: p.billable, Memberships: members,
		Color: p.color, Duration: "PT0S", Public: p.public}
}
