package clockifytest

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
)

// MemberState is a snapshot of one member for assertions; changing it does
// not change the server.
type MemberState struct {
	ID               string
	Email            string
	Name             string
	AccountStatus    string
	MembershipStatus string
	Roles            Roles // Roles.Owner is set for the workspace owner
	WeekStart        string
	WorkCapacity     string   // as Clockify echoes it, e.g. "PT7H30M"
	WorkingDays      []string // Monday first
	PendingApprovals bool
	WorkspaceNumber  int
	HourlyRate       *Rate
	CostRate         *Rate
	// CustomFieldValues maps custom-field ids to the member's raw JSON values.
	CustomFieldValues map[string]json.RawMessage
	Groups            []string // ids of the user groups the member is in
}

// Member returns a snapshot of userID's membership in wsID.
func (s *Server) Member(wsID, userID string) (MemberState, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	ws := s.st.workspaces[wsID]
	if ws == nil || ws.members[userID] == nil {
		return MemberState{}, false
	}
	return s.st.memberState(ws, ws.members[userID]), true
}

// Members returns snapshots of every member of wsID in the order they were
// added (nil for an unknown workspace).
func (s *Server) Members(wsID string) []MemberState {
	s.mu.RLock()
	defer s.mu.RUnlock()
	ws := s.st.workspaces[wsID]
	if ws == nil {
		return nil
	}
	out := make([]MemberState, len(ws.memberList))
	for i, m := range ws.memberList {
		out[i] = s.st.memberState(ws, m)
	}
	return out
}

func copyRate(r *Rate) *Rate {
	if r == nil {
		return nil
	}
	c := *r
	return &c
}

func (st *store) memberState(ws *workspace, m *member) MemberState {
	var groups []string
	for _, g := range ws.groupsOf(m.user.id) {
		groups = append(groups, g.id)
	}
	return MemberState{
		ID: m.user.id, Email: m.user.email, Name: m.user.name, AccountStatus: m.user.status,
		MembershipStatus: m.status,
		Roles: Roles{
			Owner: ws.isOwner(m.user.id), Admin: m.admin,
			TeamManagerOf: slices.Clone(m.tmUsers), TeamManagerOfGroups: slices.Clone(m.tmGroups),
			ProjectManagerOf: slices.Clone(m.pmProjects),
		},
		WeekStart: m.weekStart, WorkCapacity: m.workCapacity, WorkingDays: m.workingDays.ordered(),
		PendingApprovals: m.pendingApprovals, WorkspaceNumber: st.workspaceNumber(m.user),
		HourlyRate: copyRate(m.hourlyRate), CostRate: copyRate(m.costRate),
		CustomFieldValues: maps.Clone(m.cfValues), Groups: groups,
	}
}

// WorkspaceState is a snapshot of a workspace.
type WorkspaceState struct {
	ID        string
	Name      string
	Plan      string
	Features  []string
	OwnerID   string
	MemberIDs []string // in the order they were added
}

// Workspace returns a snapshot of workspace wsID.
func (s *Server) Workspace(wsID string) (WorkspaceState, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	ws := s.st.workspaces[wsID]
	if ws == nil {
		return WorkspaceState{}, false
	}
	ids := make([]string, len(ws.memberList))
	for i, m := range ws.memberList {
		ids[i] = m.user.id
	}
	return WorkspaceState{ID: ws.id, Name: ws.name, Plan: ws.plan, Features: slices.Clone(ws.features),
		OwnerID: ws.ownerID, MemberIDs: ids}, true
}

// GroupState is a snapshot of a user group.
type GroupState struct {
	ID      string
	Name    string
	UserIDs []string
}

// Group returns a snapshot of user group groupID in wsID.
func (s *Server) Group(wsID, groupID string) (GroupState, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	ws := s.st.workspaces[wsID]
	if ws == nil || ws.groups[groupID] == nil {
		return GroupState{}, false
	}
	g := ws.groups[groupID]
	return GroupState{ID: g.id, Name: g.name, UserIDs: slices.Clone(g.userIDs)}, true
}

// FindMemberByEmail returns the id of the member of wsID with that e-mail
// address (exact, case-insensitive), e.g. to find an invited user.
func (s *Server) FindMemberByEmail(wsID, email string) (string, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	ws := s.st.workspaces[wsID]
	if ws == nil {
		return "", false
	}
	for _, m := range ws.memberList {
		if strings.EqualFold(m.user.email, email) {
			return m.user.id, true
		}
	}
	return "", false
}

// ProjectState is a snapshot of a project.
type ProjectState struct {
	ID      string
	Name    string
	Public  bool
	UserIDs []string
	// HourlyRates and CostRates are the project-scoped rates by user id.
	HourlyRates map[string]Rate
	CostRates   map[string]Rate
}

// Project returns a snapshot of project projectID in wsID.
func (s *Server) Project(wsID, projectID string) (ProjectState, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	ws := s.st.workspaces[wsID]
	if ws == nil || ws.projects[projectID] == nil {
		return ProjectState{}, false
	}
	p := ws.projects[projectID]
	rates := func(in map[string]*Rate) map[string]Rate {
		out := make(map[string]Rate, len(in))
		for uid, r := range in {
			out[uid] = *r
		}
		return out
	}
	return ProjectState{ID: p.id, Name: p.name, Public: p.public, UserIDs: slices.Clone(p.userIDs),
		HourlyRates: rates(p.hourlyRates), CostRates: rates(p.costRates)}, true
}
