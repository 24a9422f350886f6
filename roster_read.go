package clockify

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
)

// rosterMember is what the roster knows of one member of the workspace.
type rosterMember struct {
	user    *User
	status  MembershipStatus
	limited bool
	owner   bool
	admin   bool
	// roles are the manager roles held, the owner's OWNER grant excluded.
	roles        []RoleAssignment
	groups       map[string]bool // nil when in none
	hourly, cost *int64
	profile      *Profile // read only when the member's profile is managed
	index        int      // in rosterState.members
}

func (m *rosterMember) hasRole(a RoleAssignment) bool {
	for _, r := range m.roles {
		if r == a {
			return true
		}
	}
	return false
}

// rosterState is one reading of the workspace.
type rosterState struct {
	ws          *Workspace // plan and features; nil when not read
	callerID    string
	callerOwner bool
	callerAdmin bool
	// callerMayAdmin: the caller is the owner or an admin (or uses an addon token), from the
	// searches by role; read with rules.
	callerMayAdmin bool
	members        []*rosterMember // in list order
	byID           map[string]*rosterMember
	byEmail        map[string]*rosterMember   // lower-cased email
	byName         map[string][]*rosterMember // limited members by exact name
	groups         []*UserGroup
	groupByID      map[string]*UserGroup
	// owners and admins are the searches by role (admins include the owner); read with rules.
	owners, admins map[string]bool
}

// rosterRead says what to read: the member list always; the rest when asked.
type rosterRead struct {
	pageSize int
	groups   bool // the group list (names, and who is in each group)
	rules    bool // workspace plan and features, the caller, the owner and the admins
}

// readRoster reads the workspace for planning or for re-checking a plan. The member list is
// read once with everything the roster compares: workspace memberships (status and rates),
// roles (include-roles), every membership and account status (limited members are hidden
// otherwise). Cost: members/pageSize requests, groups/pageSize more with r.groups, and four
// with r.rules (workspace, caller, owner and admin searches).
func (c *Client) readRoster(ctx context.Context, workspaceID string, r rosterRead) (*rosterState, error) {
	st := &rosterState{byID: map[string]*rosterMember{}, byEmail: map[string]*rosterMember{},
		byName: map[string][]*rosterMember{}, groupByID: map[string]*UserGroup{}}
	var owners, admins map[string]bool
	if r.rules {
		var err error
		if st.ws, err = c.workspacePlan(ctx, workspaceID); err != nil {
			return nil, err
		}
		if st.callerID, err = c.currentUserID(ctx); err != nil {
			return nil, err
		}
		if owners, err = c.holders(ctx, workspaceID, RoleOwner); err != nil {
			return nil, err
		}
		// The search by role counts owners as admins.
		if admins, err = c.holders(ctx, workspaceID, RoleWorkspaceAdmin); err != nil {
			return nil, err
		}
		st.callerOwner, st.callerAdmin = owners[st.callerID], admins[st.callerID]
		st.callerMayAdmin = c.adminBySearch(workspaceID, st.callerOwner || st.callerAdmin)
		st.owners, st.admins = owners, admins
	}
	if err := st.readMembers(ctx, c, workspaceID, r.pageSize, owners, admins); err != nil {
		return nil, err
	}
	if r.groups {
		for g, err := range c.Groups.All(ctx, workspaceID, &ListGroupsOptions{ListOptions: ListOptions{PageSize: r.pageSize}}) {
			if err != nil {
				return nil, err
			}
			st.groups = append(st.groups, g)
			st.groupByID[g.ID] = g
			for _, id := range g.UserIDs {
				if m := st.byID[id]; m != nil {
					if m.groups == nil {
						m.groups = map[string]bool{}
					}
					m.groups[g.ID] = true
				}
			}
		}
	}
	return st, nil
}

// readMembers reads the member list into st, in pages of pageSize. A page larger than the
// client's response limit (members with very many roles, say) does not fail the reading: the
// list is read again in pages a tenth the size, down to 200 members a page.
func (st *rosterState) readMembers(ctx context.Context, c *Client, workspaceID string, pageSize int, owners, admins map[string]bool) error {
	for {
		opts := &ListMembersOptions{Status: MembershipAll, AccountStatuses: AllAccountStatuses(),
			Memberships: IncludeWorkspaceMemberships, IncludeRoles: true, ListOptions: ListOptions{PageSize: pageSize}}
		var err error
		for u, e := range c.Members.All(ctx, workspaceID, opts) {
			if err = e; err != nil {
				break
			}
			st.add(workspaceID, u, owners, admins)
		}
		if err == nil || !errors.Is(err, ErrResponseTooLarge) || pageSize <= defaultIterPageSize {
			return err
		}
		pageSize = max(pageSize/10, defaultIterPageSize)
		st.members = nil
		clear(st.byID)
		clear(st.byEmail)
		clear(st.byName)
	}
}

func (st *rosterState) add(workspaceID string, u *User, owners, admins map[string]bool) {
	// Only what the roster compares is kept of the listed user (not their settings, custom
	// fields or raw roles): a reading of 100,000 members keeps 100,000 of them.
	m := &rosterMember{user: &User{ID: u.ID, Email: u.Email, Name: u.Name, Status: u.Status},
		limited: u.Status == AccountLimited || u.Status == AccountLimitedDeleted}
	if ms, ok := u.Membership(workspaceID); ok {
		m.status = ms.MembershipStatus
		if ms.HourlyRate != nil {
			m.hourly = Ptr(ms.HourlyRate.Amount)
		}
		if ms.CostRate != nil {
			m.cost = Ptr(ms.CostRate.Amount)
		}
	}
	for _, g := range u.RoleGrants() {
		if g.Role == RoleOwner {
			m.owner = true
			continue
		}
		if a, err := g.Assignment(); err == nil && !m.hasRole(a) {
			m.roles = append(m.roles, a)
		}
	}
	m.owner = m.owner || owners[u.ID]
	m.admin = !m.owner && (admins[u.ID] || m.hasRole(WorkspaceAdmin(workspaceID)))
	if m.admin && !m.hasRole(WorkspaceAdmin(workspaceID)) {
		m.roles = append(m.roles, WorkspaceAdmin(workspaceID))
	}
	m.index = len(st.members)
	st.members = append(st.members, m)
	st.byID[u.ID] = m
	if m.limited {
		st.byName[u.Name] = append(st.byName[u.Name], m)
	} else if u.Email != "" {
		st.byEmail[strings.ToLower(u.Email)] = m
	}
}

// workspacePlan reads the workspace's plan and features, what the rules need of it, without
// decoding its memberships (one per member: the member list has them).
//
// Clockify API: GET /v1/workspaces/{workspaceId}
func (c *Client) workspacePlan(ctx context.Context, workspaceID string) (*Workspace, error) {
	var v struct {
		ID       string          `json:"id"`
		Name     string          `json:"name"`
		Plan     json.RawMessage `json:"featureSubscriptionType"`
		Features []string        `json:"features"`
	}
	_, err := c.call(ctx, op{method: http.MethodGet, path: "v1/workspaces/" + url.PathEscape(workspaceID), out: &v, retrySafe: true})
	if err != nil {
		return nil, err
	}
	ws := &Workspace{ID: v.ID, Name: v.Name, Features: v.Features}
	// The plan is a string (or null); an object, as one version of Clockify's spec declares it,
	// is no plan, as Workspace.UnmarshalJSON reads it.
	var plan string
	if raw := bytes.TrimSpace(v.Plan); len(raw) > 0 && raw[0] == '"' && json.Unmarshal(raw, &plan) == nil {
		ws.FeatureSubscriptionType = &plan
	}
	return ws, nil
}

// findGroup resolves a group by id, else by exact name; an error when none or several match.
func (st *rosterState) findGroup(ref string) (*UserGroup, error) {
	if g := st.groupByID[ref]; g != nil {
		return g, nil
	}
	var found *UserGroup
	for _, g := range st.groups {
		if g.Name == ref {
			if found != nil {
				return nil, fmt.Errorf("several groups are named %q; give the group's id", ref)
			}
			found = g
		}
	}
	if found == nil {
		return nil, fmt.Errorf("no group has the id or name %q", ref)
	}
	return found, nil
}

// readProfiles reads the profile of each member in ms, at most workers at a time (the client's
// limiter sets the pace); the first error stops the rest.
func (c *Client) readProfiles(ctx context.Context, workspaceID string, ms []*rosterMember, workers int) error {
	if workers <= 0 {
		workers = DefaultRosterReaders
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	queue := make(chan *rosterMember)
	var (
		wg       sync.WaitGroup
		once     sync.Once
		firstErr error
	)
	for range min(workers, len(ms)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for m := range queue {
				p, _, err := c.Profiles.Get(ctx, workspaceID, m.user.ID)
				if err != nil {
					once.Do(func() { firstErr = wrapf(err, "read profile of member %s", m.user.ID); cancel() })
					continue
				}
				m.profile = p
			}
		}()
	}
	for _, m := range ms {
		select {
		case queue <- m:
		case <-ctx.Done():
		}
	}
	close(queue)
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	return ctx.Err()
}
