package clockifytest

import (
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDemoServer_team(t *testing.T) {
	s := newDemo(t)
	assert.Equal(t, DemoWorkspaceID, s.WorkspaceID())
	assert.Equal(t, DemoOwnerID, s.OwnerID())
	ws, ok := s.Workspace(DemoWorkspaceID)
	require.True(t, ok)
	assert.Equal(t, "Acme Studio", ws.Name)
	assert.Equal(t, DemoOwnerID, ws.OwnerID)
	assert.Len(t, ws.MemberIDs, 10)
	free, ok := s.Workspace(DemoFreeWorkspaceID)
	require.True(t, ok)
	assert.Equal(t, PlanFree, free.Plan)
	assert.Equal(t, DemoOwnerID, free.OwnerID)

	member := func(id string) MemberState {
		m, ok := s.Member(DemoWorkspaceID, id)
		require.True(t, ok, id)
		return m
	}
	assert.True(t, member(DemoOwnerID).Roles.Owner)
	assert.True(t, member(DemoAdminID).Roles.Admin)
	assert.Equal(t, []string{DemoMemberID}, member(DemoTeamManagerID).Roles.TeamManagerOf)
	assert.Equal(t, []string{DemoProjectID}, member(DemoProjectManagerID).Roles.ProjectManagerOf)
	assert.Equal(t, "PT10H", member(DemoProjectManagerID).WorkCapacity)
	assert.Equal(t, "PT7H30M", member(DemoTeamManagerID).WorkCapacity)
	assert.Equal(t, []string{"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}, member(DemoMemberID).WorkingDays)
	assert.Equal(t, 3, member(DemoMultiWorkspaceID).WorkspaceNumber)
	assert.True(t, member(DemoPendingApprovalsID).PendingApprovals)
	assert.Equal(t, MembershipInactive, member(DemoInactiveID).MembershipStatus)
	assert.Equal(t, MembershipPending, member(DemoInvitedID).MembershipStatus)
	assert.Equal(t, AccountNotRegistered, member(DemoInvitedID).AccountStatus)
	assert.Equal(t, AccountLimited, member(DemoLimitedID).AccountStatus)
	assert.Equal(t, []string{DemoGroupID}, member(DemoMemberID).Groups)

	me := decodeJSON[wireUser](t, send(t, s, http.MethodGet, "/v1/user", ""))
	assert.Equal(t, DemoOwnerID, me.ID, "OwnerKey is the owner's")
}

func TestDemoServer_groupsProjectsAndTimers(t *testing.T) {
	s := newDemo(t)
	for id, name := range map[string]string{DemoGroupID: "Design Team", DemoEngineeringGroupID: "Engineering", DemoKioskGroupID: "Kiosk Staff"} {
		g, ok := s.Group(DemoWorkspaceID, id)
		require.True(t, ok, name)
		assert.Equal(t, name, g.Name)
		assert.NotEmpty(t, g.UserIDs)
	}
	mobile, ok := s.Project(DemoWorkspaceID, DemoMobileProjectID)
	require.True(t, ok)
	assert.Equal(t, "Mobile App", mobile.Name)
	assert.Equal(t, Rate{Amount: 12500, Currency: "EUR"}, mobile.HourlyRates[DemoProjectManagerID])

	for user, id := range map[string]string{DemoMemberID: DemoRunningTimerID, DemoTeamManagerID: DemoTeamManagerTimerID} {
		e, ok := s.RunningTimer(DemoWorkspaceID, user)
		require.True(t, ok, user)
		assert.Equal(t, id, e.ID)
		assert.Equal(t, DemoProjectID, e.ProjectID)
		assert.True(t, e.Start.Before(time.Now()))
	}
	_, ok = s.RunningTimer(DemoWorkspaceID, DemoAdminID)
	assert.False(t, ok)
	got := decodeJSON[[]wireTimeEntry](t, send(t, s, http.MethodGet, demoWS+"/time-entries/status/in-progress", ""))
	require.Len(t, got, 2)
	assert.Equal(t, DemoTeamManagerTimerID, got[0].ID, "the most recent first")
}

func TestNewServer_default(t *testing.T) {
	s := NewServer()
	defer s.Close()
	assert.Equal(t, DefaultWorkspaceID, s.WorkspaceID())
	assert.Equal(t, DefaultOwnerID, s.OwnerID())
	ws := decodeJSON[[]wireWorkspace](t, send(t, s, http.MethodGet, "/v1/workspaces", ""))
	require.Len(t, ws, 1)
	assert.Equal(t, "STANDARD_2021", *ws[0].FeatureSubscriptionType)
	assert.ElementsMatch(t, DefaultPaidFeatures(), ws[0].Features)
}

func TestSeeding_panicsOnMistakes(t *testing.T) {
	s := NewServer()
	defer s.Close()
	assert.PanicsWithValue(t, `clockifytest: AddMember: unknown workspace "nope"`, func() { s.AddMember("nope", MemberSeed{}) })
	assert.Panics(t, func() { s.AddWorkspace(WorkspaceSeed{ID: DefaultWorkspaceID}) }, "duplicate id")
	assert.Panics(t, func() { s.AddWorkspace(WorkspaceSeed{ID: "xyz"}) }, "not an ObjectId")
	assert.Panics(t, func() { s.AddMember(DefaultWorkspaceID, MemberSeed{Roles: Roles{Owner: true}}) }, "second owner")
	assert.Panics(t, func() { s.AddMember(DefaultWorkspaceID, MemberSeed{Email: "olivia.owner@example.com"}) }, "duplicate e-mail")
	assert.Panics(t, func() { s.AddMember(DefaultWorkspaceID, MemberSeed{WorkCapacity: "8h"}) })
	assert.Panics(t, func() { s.AddUserGroup(DefaultWorkspaceID, GroupSeed{UserIDs: []string{"64f0a1b2c3d4e5f6020000ff"}}) })
	assert.Panics(t, func() { s.IssueKey("64f0a1b2c3d4e5f6020000ff") })

	id := s.AddMember(DefaultWorkspaceID, MemberSeed{Name: "Ann Lee"})
	assert.Regexp(t, `^[0-9a-f]{24}$`, id)
	m, _ := s.Member(DefaultWorkspaceID, id)
	assert.Equal(t, "ann.lee@example.com", m.Email)
	assert.Equal(t, "PT8H", m.WorkCapacity)
}

func TestGeneratedMembers_deterministicAndUnique(t *testing.T) {
	a := NewServer(WithGeneratedMembers(2000))
	defer a.Close()
	b := NewServer(WithGeneratedMembers(2000))
	defer b.Close()
	ma, mb := a.Members(DefaultWorkspaceID), b.Members(DefaultWorkspaceID)
	require.Len(t, ma, 2001)
	assert.Equal(t, ma, mb, "same seed, same members")
	emails := map[string]bool{}
	for _, m := range ma {
		assert.False(t, emails[m.Email], "duplicate e-mail %s", m.Email)
		emails[m.Email] = true
	}
	assert.Equal(t, "Ava Andersen", ma[1].Name)
	assert.Equal(t, "ava.andersen@team.example.com", ma[1].Email)
}

func TestGeneratedMembers_listInPagesOf5000(t *testing.T) {
	s := NewServer(WithGeneratedMembers(10_000))
	defer s.Close()
	seen := map[string]bool{}
	for page := 1; ; page++ {
		r := send(t, s, http.MethodGet, "/v1/workspaces/"+DefaultWorkspaceID+"/users?include-roles=false&page-size=5000&page="+strconv.Itoa(page), "")
		require.Equal(t, http.StatusOK, r.status)
		users := decodeJSON[[]wireUser](t, r)
		for _, u := range users {
			assert.False(t, seen[u.ID])
			seen[u.ID] = true
		}
		if r.header.Get("Last-Page") == "true" {
			assert.Equal(t, 3, page)
			assert.Len(t, users, 1)
			break
		}
		assert.Len(t, users, 5000)
	}
	assert.Len(t, seen, 10_001)
}
