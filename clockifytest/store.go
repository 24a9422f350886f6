package clockifytest

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// The in-memory state. Everything here is guarded by Server.mu; the sort
// cache of a workspace additionally has its own mutex so that readers holding
// only the read lock can fill it.

// Account statuses (UserDtoV1.status).
const (
	AccountActive                   = "ACTIVE"
	AccountPendingEmailVerification = "PENDING_EMAIL_VERIFICATION"
	AccountDeleted                  = "DELETED"
	AccountNotRegistered            = "NOT_REGISTERED"
	AccountLimited                  = "LIMITED"
	AccountLimitedDeleted           = "LIMITED_DELETED"
)

// Membership statuses (MembershipDtoV1.membershipStatus).
const (
	MembershipPending  = "PENDING"
	MembershipActive   = "ACTIVE"
	MembershipDeclined = "DECLINED"
	MembershipInactive = "INACTIVE"
)

// Role names as Clockify spells them.
const (
	RoleOwner          = "OWNER"
	RoleWorkspaceAdmin = "WORKSPACE_ADMIN"
	RoleTeamManager    = "TEAM_MANAGER"
	RoleProjectManager = "PROJECT_MANAGER"
)

// PlanFree is the featureSubscriptionType of a free workspace. Every other
// plan (e.g. "STANDARD_2021", "PRO_2021", "BUNDLE_YEAR_2024") counts as paid.
const PlanFree = "FREE"

var (
	accountStatuses    = []string{AccountActive, AccountPendingEmailVerification, AccountDeleted, AccountNotRegistered, AccountLimited, AccountLimitedDeleted}
	membershipStatuses = []string{MembershipPending, MembershipActive, MembershipDeclined, MembershipInactive, "ALL"}
	filterRoles        = []string{RoleWorkspaceAdmin, RoleOwner, RoleTeamManager, RoleProjectManager}
	assignableRoles    = []string{RoleWorkspaceAdmin, RoleTeamManager, RoleProjectManager}
	sortColumns        = []string{"ID", "EMAIL", "NAME", "NAME_LOWERCASE", "ACCESS", "HOURLYRATE", "COSTRATE"}
	sortOrders         = []string{"ASCENDING", "DESCENDING"}
	membershipIncludes = []string{"ALL", "NONE", "WORKSPACE", "PROJECT", "USERGROUP"}
	customFieldTypes   = []string{"TXT", "NUMBER", "DROPDOWN_SINGLE", "DROPDOWN_MULTIPLE", "CHECKBOX", "LINK"}

	// Listing without account-statuses shows only these.
	// https://docs.clockify.me/#tag/User/operation/getUsersOfWorkspace
	defaultAccountStatuses = []string{AccountActive, AccountPendingEmailVerification, AccountNotRegistered}
)

type store struct {
	workspaces map[string]*workspace
	wsOrder    []*workspace
	users      map[string]*user
	emails     map[string]string // lower-cased email -> user id
	keys       map[string]string // API key -> user id
	addons     map[string]string // add-on token -> workspace id
	images     map[string][]byte // uploaded image URL -> bytes
	idSeq      uint64
	generated  int    // members made by GenerateMembers so far
	version    uint64 // bumped on every mutation; invalidates sort caches
}

func newStore() *store {
	return &store{
		workspaces: map[string]*workspace{},
		users:      map[string]*user{},
		emails:     map[string]string{},
		keys:       map[string]string{},
		addons:     map[string]string{},
		images:     map[string][]byte{},
	}
}

// touch records a mutation, invalidating cached sort orders.
func (st *store) touch() { st.version++ }

// newID returns a deterministic 24-hex-character id shaped like a MongoDB
// ObjectId: a fixed timestamp part followed by a counter.
func (st *store) newID() string {
	for {
		st.idSeq++
		id := fmt.Sprintf("6650f1c2%016x", st.idSeq)
		if st.workspaces[id] == nil && st.users[id] == nil {
			return id
		}
	}
}

type user struct {
	id             string
	email          string
	name           string
	status         string // account status
	profilePicture string
	timeZone       string
	activeWS       string
	defaultWS      string
	wsNumberSeed   int // WorkspaceNumber from the seed: workspaces outside this fake
}

type member struct {
	user             *user
	status           string
	admin            bool
	tmUsers          []string
	tmGroups         []string
	pmProjects       []string
	weekStart        string
	workCapacity     string
	workingDays      daySet
	pendingApprovals bool
	hourlyRate       *Rate
	costRate         *Rate
	cfValues         map[string]json.RawMessage
}

type customField struct {
	id, name, typ    string
	description      string
	placeholder      string
	status           string
	allowedValues    []string
	required         bool
	onlyAdminCanEdit bool
	defaultValue     json.RawMessage
}

type group struct {
	id, name string
	userIDs  []string
}

type project struct {
	id, name string
	public   bool
	billable bool
	color    string
	userIDs  []string
	// Project-scoped rates by user id; absent = null.
	hourlyRates, costRates map[string]*Rate
}

type workspace struct {
	id, name   string
	plan       string
	features   []string
	currency   string
	imageURL   string
	hourlyRate *Rate
	costRate   *Rate
	ownerID    string
	members    map[string]*member
	memberList []*member // insertion order
	cfs        map[string]*customField
	cfList     []*customField
	groups     map[string]*group
	groupList  []*group
	projects   map[string]*project
	projList   []*project // insertion order
	entries    []*timeEntry
	approvals  []*approvalRequest

	cacheMu sync.Mutex
	sorted  map[string]sortedIndex
}

type sortedIndex struct {
	version uint64
	list    []*member
}

func (ws *workspace) paid() bool { return ws.plan != PlanFree }

func (ws *workspace) hasFeature(f string) bool { return slices.Contains(ws.features, f) }

func (ws *workspace) isOwner(userID string) bool { return ws.ownerID == userID }

// isAdmin reports whether userID may administer ws: the owner or a workspace admin.
func (ws *workspace) isAdmin(userID string) bool {
	if ws.isOwner(userID) {
		return true
	}
	m := ws.members[userID]
	return m != nil && m.admin
}

func (ws *workspace) groupsOf(userID string) []*group {
	var out []*group
	for _, g := range ws.groupList {
		if slices.Contains(g.userIDs, userID) {
			out = append(out, g)
		}
	}
	return out
}

// hasRole implements the role filters. ownerIsAdmin is false for the
// workspace list's roles filter and true for the member search's.
func (ws *workspace) hasRole(m *member, role string, ownerIsAdmin bool) bool {
	switch role {
	case RoleOwner:
		return ws.isOwner(m.user.id)
	case RoleWorkspaceAdmin:
		return m.admin || (ownerIsAdmin && ws.isOwner(m.user.id))
	case RoleTeamManager:
		return len(m.tmUsers) > 0 || len(m.tmGroups) > 0
	case RoleProjectManager:
		return len(m.pmProjects) > 0
	}
	return false
}

// managersOf returns the members who are team manager of userID, directly or
// through one of userID's groups.
func (ws *workspace) managersOf(userID string) map[*member]bool {
	groups := ws.groupsOf(userID)
	out := map[*member]bool{}
	for _, m := range ws.memberList {
		if slices.Contains(m.tmUsers, userID) {
			out[m] = true
			continue
		}
		for _, g := range groups {
			if slices.Contains(m.tmGroups, g.id) {
				out[m] = true
				break
			}
		}
	}
	return out
}

// hasProjectAccess: public projects are open to every member; private ones
// to their listed users and their project managers.
func (p *project) hasAccess(m *member) bool {
	return p.public || slices.Contains(p.userIDs, m.user.id) || slices.Contains(m.pmProjects, p.id)
}

// accessRank orders members for sort-column=ACCESS: owner, admins, managers, others.
func (ws *workspace) accessRank(m *member) int {
	switch {
	case ws.isOwner(m.user.id):
		return 0
	case m.admin:
		return 1
	case len(m.tmUsers)+len(m.tmGroups)+len(m.pmProjects) > 0:
		return 2
	}
	return 3
}

// sortedMembers returns the members of ws in ascending order of column, ties
// broken by id. The result is cached until the next mutation, so paging
// through a large workspace sorts once, not once per page. Callers hold at
// least the read lock and must not modify the returned slice.
func (ws *workspace) sortedMembers(column string, version uint64) []*member {
	ws.cacheMu.Lock()
	defer ws.cacheMu.Unlock()
	if idx, ok := ws.sorted[column]; ok && idx.version == version {
		return idx.list
	}
	list := slices.Clone(ws.memberList)
	rate := func(r *Rate) int64 {
		if r == nil {
			return -1
		}
		return r.Amount
	}
	var key func(a, b *member) int
	switch column {
	case "ID":
		key = func(a, b *member) int { return 0 }
	case "NAME":
		key = func(a, b *member) int { return strings.Compare(a.user.name, b.user.name) }
	case "NAME_LOWERCASE":
		key = func(a, b *member) int {
			return strings.Compare(strings.ToLower(a.user.name), strings.ToLower(b.user.name))
		}
	case "ACCESS":
		key = func(a, b *member) int { return cmp.Compare(ws.accessRank(a), ws.accessRank(b)) }
	case "HOURLYRATE":
		key = func(a, b *member) int { return cmp.Compare(rate(a.hourlyRate), rate(b.hourlyRate)) }
	case "COSTRATE":
		key = func(a, b *member) int { return cmp.Compare(rate(a.costRate), rate(b.costRate)) }
	default: // EMAIL
		key = func(a, b *member) int { return strings.Compare(a.user.email, b.user.email) }
	}
	slices.SortFunc(list, func(a, b *member) int {
		if c := key(a, b); c != 0 {
			return c
		}
		return strings.Compare(a.user.id, b.user.id)
	})
	if ws.sorted == nil {
		ws.sorted = map[string]sortedIndex{}
	}
	ws.sorted[column] = sortedIndex{version: version, list: list}
	return list
}

// workspaceNumber is what the member profile reports: the number of
// workspaces the user belongs to, here or (per the seed) elsewhere.
func (st *store) workspaceNumber(u *user) int {
	n := 0
	for _, ws := range st.wsOrder {
		if ws.members[u.id] != nil {
			n++
		}
	}
	return max(n, u.wsNumberSeed)
}

// daySet is a set of weekdays, bit 0 = MONDAY.
type daySet uint8

var weekdays = []string{"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"}

// wireDayOrder is the order in which working days are sent: deliberately not
// Monday-first, like the live API (a 2026 capture shows
// THURSDAY, MONDAY, FRIDAY, ...), so clients must not rely on order.
var wireDayOrder = []int{3, 0, 4, 2, 1, 5, 6}

func parseDays(days []string) (daySet, error) {
	var s daySet
	for _, d := range days {
		i := slices.Index(weekdays, d)
		if i < 0 {
			return 0, fmt.Errorf("unknown day %q", d)
		}
		s |= 1 << i
	}
	return s, nil
}

// wire returns the days in the live API's scrambled order.
func (s daySet) wire() []string {
	out := []string{}
	for _, i := range wireDayOrder {
		if s&(1<<i) != 0 {
			out = append(out, weekdays[i])
		}
	}
	return out
}

// ordered returns the days Monday first, for assertions in tests.
func (s daySet) ordered() []string {
	out := []string{}
	for i, d := range weekdays {
		if s&(1<<i) != 0 {
			out = append(out, d)
		}
	}
	return out
}

func removeString(list []string, v string) []string {
	return slices.DeleteFunc(list, func(s string) bool { return s == v })
}

func appendUnique(list []string, v string) []string {
	if slices.Contains(list, v) {
		return list
	}
	return append(list, v)
}
