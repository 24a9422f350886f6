package clockifytest

import "time"

// Ids of what NewDemoServer seeds. They are fixed, so examples and tests
// that print them are reproducible.
const (
	// DemoWorkspaceID is "Acme Studio", a paid (STANDARD_2021) workspace
	// with every feature of this API surface.
	DemoWorkspaceID = "64f0a1b2c3d4e5f601000001"
	// DemoFreeWorkspaceID is "Maya's Sandbox", a FREE workspace that the
	// demo owner and DemoMultiWorkspaceID also belong to.
	DemoFreeWorkspaceID = "64f0a1b2c3d4e5f601000002"

	// DemoOwnerID is Maya Lindqvist, owner of both workspaces; OwnerKey is hers.
	DemoOwnerID = "64f0a1b2c3d4e5f602000001"
	// DemoAdminID is Daniel Okafor, a workspace admin.
	DemoAdminID = "64f0a1b2c3d4e5f602000002"
	// DemoTeamManagerID is Priya Raman, team manager of DemoMemberID and of DemoGroupID.
	DemoTeamManagerID = "64f0a1b2c3d4e5f602000003"
	// DemoProjectManagerID is Lucas Ferreira, project manager of DemoProjectID
	// (four 10-hour days, Monday to Thursday).
	DemoProjectManagerID = "64f0a1b2c3d4e5f602000004"
	// DemoMemberID is Emma Schultz, an ordinary active member.
	DemoMemberID = "64f0a1b2c3d4e5f602000005"
	// DemoMultiWorkspaceID is Noah Bennett, who belongs to 3 workspaces
	// (workspaceNumber 3), so only his capacity and working days can be edited.
	DemoMultiWorkspaceID = "64f0a1b2c3d4e5f602000006"
	// DemoPendingApprovalsID is Sofia Rossi, who has approval requests
	// pending, so her week start can't be changed.
	DemoPendingApprovalsID = "64f0a1b2c3d4e5f602000007"
	// DemoInactiveID is Oliver Grant, a deactivated member.
	DemoInactiveID = "64f0a1b2c3d4e5f602000008"
	// DemoInvitedID is leo.dubois@example.com, invited but not joined yet
	// (membership PENDING, account NOT_REGISTERED, name and settings null).
	DemoInvitedID = "64f0a1b2c3d4e5f602000009"
	// DemoLimitedID is Tomás Vega, a limited (kiosk) member without e-mail,
	// hidden from listings unless account-statuses includes LIMITED.
	DemoLimitedID = "64f0a1b2c3d4e5f60200000a"

	// DemoProjectID is the private project "Website Redesign"
	// (DemoMemberID and DemoTeamManagerID work on it).
	DemoProjectID = "64f0a1b2c3d4e5f603000001"
	// DemoMobileProjectID is the billable project "Mobile App" (DemoAdminID
	// and DemoProjectManagerID work on it, Lucas at a project hourly rate of
	// 125.00 EUR).
	DemoMobileProjectID = "64f0a1b2c3d4e5f603000002"
	// DemoGroupID is the user group "Design Team" (DemoMemberID,
	// DemoMultiWorkspaceID, DemoPendingApprovalsID; DemoTeamManagerID
	// manages it).
	DemoGroupID = "64f0a1b2c3d4e5f604000001"
	// DemoEngineeringGroupID is the user group "Engineering" (DemoAdminID,
	// DemoProjectManagerID).
	DemoEngineeringGroupID = "64f0a1b2c3d4e5f604000002"
	// DemoKioskGroupID is the user group "Kiosk Staff" (DemoLimitedID).
	DemoKioskGroupID = "64f0a1b2c3d4e5f604000003"
	// DemoRunningTimerID is Emma Schultz's (DemoMemberID) running timer,
	// "Homepage wireframes" on DemoProjectID, started 95 minutes before the
	// server.
	DemoRunningTimerID = "64f0a1b2c3d4e5f606000001"
	// DemoTeamManagerTimerID is Priya Raman's (DemoTeamManagerID) running
	// timer, "Design review" on DemoProjectID, started 25 minutes before the
	// server.
	DemoTeamManagerTimerID = "64f0a1b2c3d4e5f606000002"
	// DemoApprovalRequestID is the older of Sofia Rossi's (DemoPendingApprovalsID) two pending
	// approval requests, for the week of 2 November 2026, submitted on 9 November; the other is
	// for the week of 9 November, submitted on 16 November.
	DemoApprovalRequestID = "64f0a1b2c3d4e5f607000001"
	// DemoCustomFieldID is the user custom field "Department" (DROPDOWN_SINGLE).
	DemoCustomFieldID = "64f0a1b2c3d4e5f605000001"
)

// NewDemoServer starts a fake seeded with a realistic team, for examples and
// tests that want one: the paid workspace "Acme Studio" (DemoWorkspaceID)
// with an owner, an admin, a team manager, a project manager, an ordinary
// member, a member of three workspaces, a member with pending approvals, an
// inactive member, a pending invitation and a limited member (see the Demo*
// ids), three user groups, two projects (one with a project rate), two
// running timers, a "Department" custom field and some rates; and the free
// workspace "Maya's Sandbox" (DemoFreeWorkspaceID). OwnerKey and Client act
// as the owner, Maya Lindqvist.
func NewDemoServer(opts ...ServerOption) *Server {
	return newServer(seedDemo, opts)
}

func seedDemo(s *Server) {
	ws := s.AddWorkspace(WorkspaceSeed{ID: DemoWorkspaceID, Name: "Acme Studio", Plan: "STANDARD_2021",
		Currency: "EUR", HourlyRate: &Rate{Amount: 9000}, CostRate: &Rate{Amount: 5500}})
	s.AddCustomField(ws, CustomFieldSeed{ID: DemoCustomFieldID, Name: "Department", Type: "DROPDOWN_SINGLE",
		AllowedValues: []string{"Design", "Engineering", "Operations", "Sales"}, Placeholder: "Choose a department"})
	monThu := []string{"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"}
	tueSat := []string{"TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"}
	members := []MemberSeed{
		{ID: DemoOwnerID, Name: "Maya Lindqvist", Email: "maya.lindqvist@acme-studio.example",
			Roles: Roles{Owner: true}, HourlyRate: &Rate{Amount: 15000}, CostRate: &Rate{Amount: 9000},
			TimeZone: "Europe/Stockholm", CustomFieldValues: map[string]any{DemoCustomFieldID: "Operations"}},
		{ID: DemoAdminID, Name: "Daniel Okafor", Email: "daniel.okafor@acme-studio.example",
			Roles: Roles{Admin: true}, HourlyRate: &Rate{Amount: 12000}, CostRate: &Rate{Amount: 7000},
			TimeZone: "Europe/London", CustomFieldValues: map[string]any{DemoCustomFieldID: "Engineering"}},
		{ID: DemoTeamManagerID, Name: "Priya Raman", Email: "priya.raman@acme-studio.example",
			Roles:        Roles{TeamManagerOf: []string{DemoMemberID}, TeamManagerOfGroups: []string{DemoGroupID}},
			WorkCapacity: "PT7H30M", HourlyRate: &Rate{Amount: 10000}, CustomFieldValues: map[string]any{DemoCustomFieldID: "Design"}},
		{ID: DemoProjectManagerID, Name: "Lucas Ferreira", Email: "lucas.ferreira@acme-studio.example",
			Roles: Roles{ProjectManagerOf: []string{DemoProjectID}}, WorkCapacity: "PT10H", WorkingDays: monThu,
			TimeZone: "Europe/Lisbon", HourlyRate: &Rate{Amount: 11000}},
		{ID: DemoMemberID, Name: "Emma Schultz", Email: "emma.schultz@acme-studio.example",
			HourlyRate: &Rate{Amount: 7500}, CustomFieldValues: map[string]any{DemoCustomFieldID: "Design"}},
		{ID: DemoMultiWorkspaceID, Name: "Noah Bennett", Email: "noah.bennett@acme-studio.example",
			WorkspaceNumber: 3, WorkCapacity: "PT6H", TimeZone: "America/New_York"},
		{ID: DemoPendingApprovalsID, Name: "Sofia Rossi", Email: "sofia.rossi@acme-studio.example",
			PendingApprovals: true, WeekStart: "MONDAY", TimeZone: "Europe/Rome"},
		{ID: DemoInactiveID, Name: "Oliver Grant", Email: "oliver.grant@acme-studio.example",
			MembershipStatus: MembershipInactive, WorkCapacity: "PT7H"},
		{ID: DemoInvitedID, Email: "leo.dubois@example.com", MembershipStatus: MembershipPending},
		{ID: DemoLimitedID, Name: "Tomás Vega", AccountStatus: AccountLimited, WorkCapacity: "PT6H",
			WorkingDays: tueSat, WeekStart: "TUESDAY"},
	}
	for _, m := range members {
		s.AddMember(ws, m)
	}
	s.AddUserGroup(ws, GroupSeed{ID: DemoGroupID, Name: "Design Team",
		UserIDs: []string{DemoMemberID, DemoMultiWorkspaceID, DemoPendingApprovalsID}})
	s.AddUserGroup(ws, GroupSeed{ID: DemoEngineeringGroupID, Name: "Engineering",
		UserIDs: []string{DemoAdminID, DemoProjectManagerID}})
	s.AddUserGroup(ws, GroupSeed{ID: DemoKioskGroupID, Name: "Kiosk Staff", UserIDs: []string{DemoLimitedID}})
	s.AddProject(ws, ProjectSeed{ID: DemoProjectID, Name: "Website Redesign",
		UserIDs: []string{DemoMemberID, DemoTeamManagerID}})
	s.AddProject(ws, ProjectSeed{ID: DemoMobileProjectID, Name: "Mobile App", Billable: true, Color: "#8BC34A",
		UserIDs: []string{DemoAdminID, DemoProjectManagerID}, HourlyRates: map[string]Rate{DemoProjectManagerID: {Amount: 12500}}})
	week := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	s.AddApprovalRequest(ws, ApprovalRequestSeed{ID: DemoApprovalRequestID, UserID: DemoPendingApprovalsID, Start: week, UpdatedAt: week.AddDate(0, 0, 7).Add(9 * time.Hour)})
	s.AddApprovalRequest(ws, ApprovalRequestSeed{ID: "64f0a1b2c3d4e5f607000002", UserID: DemoPendingApprovalsID, Start: week.AddDate(0, 0, 7), UpdatedAt: week.AddDate(0, 0, 14).Add(9 * time.Hour)})
	now := time.Now()
	s.AddTimeEntry(ws, TimeEntrySeed{ID: DemoRunningTimerID, UserID: DemoMemberID, ProjectID: DemoProjectID,
		Description: "Homepage wireframes", Billable: true, Start: now.Add(-95 * time.Minute)})
	s.AddTimeEntry(ws, TimeEntrySeed{ID: DemoTeamManagerTimerID, UserID: DemoTeamManagerID, ProjectID: DemoProjectID,
		Description: "Design review", Start: now.Add(-25 * time.Minute)})

	free := s.AddWorkspace(WorkspaceSeed{ID: DemoFreeWorkspaceID, Name: "Maya's Sandbox", Plan: PlanFree})
	s.AddMember(free, MemberSeed{ID: DemoOwnerID, Roles: Roles{Owner: true}})
	s.AddMember(free, MemberSeed{ID: DemoMultiWorkspaceID})

	s.wsID, s.ownerID = DemoWorkspaceID, DemoOwnerID
}
