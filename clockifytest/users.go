package clockifytest

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// E1 GET /v1/user
func (s *Server) getCurrentUser(c *call) (int, any, *apiError) {
	incl, err := boolParam(c.r.URL.Query(), "include-memberships", false)
	if err != nil {
		// The live capture of exactly this error carries no code
		// (fixture go-clockify__GET_user_bad-bool__400__2026-05-20).
		err.code = 0
		return 0, nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	uid := c.p.userID
	if c.p.addonWS != "" {
		uid = s.st.workspaces[c.p.addonWS].ownerID
	}
	u := s.st.users[uid]
	if u == nil { // a key of a user who was never a member anywhere
		return 0, nil, &apiError{status: http.StatusNotFound, msg: "WORKSPACE with ID 'null' not found"}
	}
	weekStart := "MONDAY"
	d := userDTO{
		ID: u.id, Email: u.email, Name: u.nameOrNull(), Memberships: []membershipDTO{},
		ProfilePicture: u.picture(), ActiveWorkspace: u.activeWS, DefaultWorkspace: u.defaultWS,
		Status: u.status, CustomFields: []customFieldValueDTO{},
	}
	for _, ws := range s.st.wsOrder {
		m := ws.members[u.id]
		if m == nil {
			continue
		}
		if incl {
			d.Memberships = append(d.Memberships, ws.membershipsOf(m, "ALL")...)
		}
		if ws.id == u.activeWS {
			weekStart = m.weekStart
			d.CustomFields = ws.customFieldValues(m)
		}
	}
	d.Settings = s.st.settingsOf(u, weekStart)
	return http.StatusOK, d, nil
}

// listSpec is the common filter of E4 (query) and E5 (body).
type listSpec struct {
	email, name, projectID, status string
	accountStatuses                []string // nil = the default three
	sortColumn, sortOrder          string
	page, pageSize                 int
	memberships                    string
	includeRoles                   bool
	roles, userGroups              []string // E5 only
}

// E4 GET /v1/workspaces/{workspaceId}/users
func (s *Server) listUsers(c *call) (int, any, *apiError) {
	q := c.r.URL.Query()
	spec := listSpec{email: q.Get("email"), name: q.Get("name"), projectID: q.Get("project-id")}
	var err *apiError
	if spec.status, err = enumParam(q, "status", "MembershipStatus", membershipStatuses, ""); err != nil {
		return 0, nil, err
	}
	for _, a := range multiParam(q, "account-statuses") {
		if !slices.Contains(accountStatuses, a) {
			return 0, nil, badEnumParam("account-statuses", "AccountStatus", a)
		}
		spec.accountStatuses = append(spec.accountStatuses, a)
	}
	if spec.sortColumn, spec.sortOrder, spec.page, spec.pageSize, err = sortAndPage(q); err != nil {
		return 0, nil, err
	}
	if spec.memberships, err = enumParam(q, "memberships", "MembershipsInclude", membershipIncludes, "NONE"); err != nil {
		return 0, nil, err
	}
	// include-roles is declared required; Spring's default of "false" makes
	// leaving it out harmless, so the fake accepts that too (the recorded
	// request shows whether a client sent it).
	if spec.includeRoles, err = boolParam(q, "include-roles", false); err != nil {
		return 0, nil, err
	}
	out, err := s.list(c, spec)
	if err != nil {
		return 0, nil, err
	}
	setLastPage(c.w, len(out), spec.pageSize)
	return http.StatusOK, out, nil
}

// setLastPage sets the Last-Page header by the rule recorded live
// (clockify-api.md §7): "false" on a full page, "true" on a short or empty
// one. So an exactly full last page says "false", and a client reading the
// header fetches one more, empty, page.
func setLastPage(w http.ResponseWriter, n, size int) {
	w.Header().Set("Last-Page", strconv.FormatBool(n < size))
}

// sortAndPage reads sort-column, sort-order, page and page-size (E4, E15).
func sortAndPage(q map[string][]string) (col, order string, page, size int, err *apiError) {
	if col, err = enumParam(q, "sort-column", "SortColumn", sortColumns, "EMAIL"); err != nil {
		return
	}
	if order, err = enumParam(q, "sort-order", "SortOrder", sortOrders, "ASCENDING"); err != nil {
		return
	}
	if page, err = intParam(q, "page", 1); err != nil {
		return
	}
	if size, err = intParam(q, "page-size", 50); err != nil {
		return
	}
	err = checkPaging(page, size, "page", "page-size")
	return
}

// getUsersRequest is GetUsersRequestV1 (clockify-api.md §12.6).
type getUsersRequest struct {
	AccountStatuses []string `json:"accountStatuses"`
	Email           string   `json:"email"`
	IncludeRoles    bool     `json:"includeRoles"`
	Memberships     string   `json:"memberships"`
	Name            string   `json:"name"`
	Page            *int32   `json:"page"`
	PageSize        *int32   `json:"pageSize"`
	ProjectID       string   `json:"projectId"`
	Roles           []string `json:"roles"`
	SortColumn      string   `json:"sortColumn"`
	SortOrder       string   `json:"sortOrder"`
	Status          string   `json:"status"`
	UserGroups      []string `json:"userGroups"`
}

// E5 POST /v1/workspaces/{workspaceId}/users/info
func (s *Server) filterUsers(c *call) (int, any, *apiError) {
	var req getUsersRequest
	if err := c.decode(&req); err != nil {
		return 0, nil, err
	}
	for _, err := range []*apiError{
		checkEnumJSON("MembershipStatus", membershipStatuses, req.Status),
		checkEnumJSON("SortColumn", sortColumns, req.SortColumn),
		checkEnumJSON("SortOrder", sortOrders, req.SortOrder),
		checkEnumJSON("MembershipsInclude", membershipIncludes, req.Memberships),
		checkEnumJSON("AccountStatus", accountStatuses, req.AccountStatuses...),
		checkEnumJSON("Role", filterRoles, req.Roles...),
	} {
		if err != nil {
			return 0, nil, err
		}
	}
	spec := listSpec{
		email: req.Email, name: req.Name, projectID: req.ProjectID, status: req.Status,
		accountStatuses: req.AccountStatuses, sortColumn: cmp.Or(req.SortColumn, "EMAIL"),
		sortOrder: cmp.Or(req.SortOrder, "ASCENDING"), page: 1, pageSize: 50,
		memberships: cmp.Or(req.Memberships, "NONE"), includeRoles: req.IncludeRoles,
		roles: req.Roles, userGroups: req.UserGroups,
	}
	if len(spec.accountStatuses) == 0 {
		spec.accountStatuses = nil
	}
	if req.Page != nil {
		spec.page = int(*req.Page)
	}
	if req.PageSize != nil {
		spec.pageSize = int(*req.PageSize)
	}
	if err := checkPaging(spec.page, spec.pageSize, "page", "pageSize"); err != nil {
		return 0, nil, err
	}
	// No Last-Page here: only E4, E15 and the group list are recorded
	// sending it, so a client must detect the end by a short page.
	out, err := s.list(c, spec)
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, out, nil
}

// list runs a member listing (E4, E5) and returns one page.
func (s *Server) list(c *call, spec listSpec) ([]userDTO, *apiError) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	ws, err := c.workspace()
	if err != nil {
		return nil, err
	}
	var proj *project
	if spec.projectID != "" {
		if proj = ws.projects[spec.projectID]; proj == nil {
			return nil, notFound("Project")
		}
	}
	var inGroups map[string]bool
	if len(spec.userGroups) > 0 {
		inGroups = map[string]bool{}
		for _, gid := range spec.userGroups {
			g := ws.groups[gid]
			if g == nil {
				return nil, notFound("UserGroup")
			}
			for _, uid := range g.userIDs {
				inGroups[uid] = true
			}
		}
	}
	statuses := spec.accountStatuses
	if statuses == nil {
		statuses = defaultAccountStatuses
	}
	email, name := strings.ToLower(spec.email), strings.ToLower(spec.name)
	match := func(m *member) bool {
		switch {
		case spec.status != "" && spec.status != "ALL" && m.status != spec.status,
			!slices.Contains(statuses, m.user.status),
			email != "" && !strings.Contains(strings.ToLower(m.user.email), email),
			name != "" && !strings.Contains(strings.ToLower(m.user.name), name),
			proj != nil && !proj.hasAccess(m),
			inGroups != nil && !inGroups[m.user.id]:
			return false
		}
		if len(spec.roles) == 0 {
			return true
		}
		return slices.ContainsFunc(spec.roles, func(r string) bool { return ws.hasRole(m, r, true) })
	}
	page := s.page(ws, spec.sortColumn, spec.sortOrder, spec.page, spec.pageSize, match)
	out := make([]userDTO, len(page))
	for i, m := range page {
		out[i] = s.st.userDTO(ws, m, spec.memberships, spec.includeRoles)
	}
	return out, nil
}

// page returns one page of the members of ws that match, in the requested
// order. It walks the cached sorted index at most once: O(members) per
// request, no sorting.
func (s *Server) page(ws *workspace, col, order string, page, size int, match func(*member) bool) []*member {
	sorted := ws.sortedMembers(col, s.st.version)
	start := (page - 1) * size
	var out []*member
	seen := 0
	for i := range sorted {
		m := sorted[i]
		if order == "DESCENDING" {
			m = sorted[len(sorted)-1-i]
		}
		if !match(m) {
			continue
		}
		if seen >= start+size {
			break
		}
		if seen >= start {
			out = append(out, m)
		}
		seen++
	}
	return out
}

// E15 GET /v1/workspaces/{workspaceId}/users/{userId}/managers
func (s *Server) listManagers(c *call) (int, any, *apiError) {
	col, order, page, size, err := sortAndPage(c.r.URL.Query())
	if err != nil {
		return 0, nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	ws, err := c.workspace()
	if err != nil {
		return 0, nil, err
	}
	target, err := c.target(ws, "userId")
	if err != nil {
		return 0, nil, err
	}
	managers := ws.managersOf(target.user.id)
	list := s.page(ws, col, order, page, size, func(m *member) bool { return managers[m] })
	out := make([]userDTO, len(list))
	for i, m := range list {
		out[i] = s.st.userDTO(ws, m, "NONE", false)
	}
	setLastPage(c.w, len(out), size)
	return http.StatusOK, out, nil
}
