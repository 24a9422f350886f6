package clockifytest

import (
	"cmp"
	"net/http"
	"net/mail"
	"slices"
	"strconv"
	"strings"
)

// listSpec is the filter shared by the member list (query) and the member
// search (body).
type listSpec struct {
	email, name, projectID, status string
	accountStatuses                []string // nil = the default three
	sortColumn, sortOrder          string
	page, pageSize                 int
	memberships                    string
	includeRoles                   bool
	roles, userGroups              []string // search only
}

// parseListUsers reads the query of GET …/users. include-roles is required,
// as Clockify declares it; its absence is refused after the conversions.
func parseListUsers(c *call) (listSpec, *apiError) {
	q := c.r.URL.Query()
	spec := listSpec{email: q.Get("email"), name: q.Get("name"), projectID: q.Get("project-id")}
	var err *apiError
	if spec.status, err = enumParam(q, "status", "MembershipStatus", membershipStatuses, ""); err != nil {
		return spec, err
	}
	for _, a := range multiParam(q, "account-statuses") {
		if !slices.Contains(accountStatuses, a) {
			return spec, badEnumParam("account-statuses", "AccountStatus", a)
		}
		spec.accountStatuses = append(spec.accountStatuses, a)
	}
	if spec.sortColumn, spec.sortOrder, spec.page, spec.pageSize, err = sortAndPage(q); err != nil {
		return spec, err
	}
	if spec.memberships, err = enumParam(q, "memberships", "MembershipsInclude", membershipIncludes, "NONE"); err != nil {
		return spec, err
	}
	if spec.includeRoles, err = boolParam(q, "include-roles", false); err != nil {
		return spec, err
	}
	return spec, requiredParam(q, "include-roles", "Boolean")
}

// listUsers serves GET /v1/workspaces/{workspaceId}/users, with Last-Page.
// https://docs.clockify.me/#tag/User/operation/getUsersOfWorkspace
func (s *Server) listUsers(c *call, spec listSpec) (int, any, *apiError) {
	out, err := s.list(c, spec)
	if err != nil {
		return 0, nil, err
	}
	setLastPage(c.w, len(out), spec.pageSize)
	return http.StatusOK, out, nil
}

// setLastPage sets the Last-Page header by the rule seen live: "false" on a
// full page, "true" on a short or empty one. So an exactly full last page
// says "false", and a client reading the header fetches one more, empty,
// page.
func setLastPage(w http.ResponseWriter, n, size int) {
	w.Header().Set("Last-Page", strconv.FormatBool(n < size))
}

// parseSortAndPage reads sort-column, sort-order, page and page-size.
func parseSortAndPage(c *call) (listSpec, *apiError) {
	var spec listSpec
	var err *apiError
	spec.sortColumn, spec.sortOrder, spec.page, spec.pageSize, err = sortAndPage(c.r.URL.Query())
	return spec, err
}

// sortAndPage reads sort-column, sort-order, page and page-size.
func sortAndPage(q map[string][]string) (col, order string, page, size int, err *apiError) {
	if col, err = enumParam(q, "sort-column", "SortColumn", sortColumns, "EMAIL"); err != nil {
		return
	}
	if order, err = enumParam(q, "sort-order", "SortOrder", sortOrders, "ASCENDING"); err != nil {
		return
	}
	page, size, err = pageParams(q, 50, maxPageSize)
	return
}

// getUsersRequest is GetUsersRequestV1, the member search's body.
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

func parseFilterUsers(c *call) (listSpec, *apiError) {
	var req getUsersRequest
	if err := c.decode(&req, sig("UserDtoV1", "user.UserHttpAdapter", "filterUsersOfWorkspace", "GetUsersRequestV1")); err != nil {
		return listSpec{}, err
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
			return listSpec{}, err
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
	return spec, checkPaging(spec.page, spec.pageSize, maxPageSize, "page", "pageSize")
}

// filterUsers serves POST /v1/workspaces/{workspaceId}/users/info, a search
// by body. It sends no Last-Page: only the list endpoints are seen sending
// it, so a client must detect the end by a short page.
// https://docs.clockify.me/#tag/User/operation/filterUsersOfWorkspace
func (s *Server) filterUsers(c *call, spec listSpec) (int, any, *apiError) {
	out, err := s.list(c, spec)
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, out, nil
}

// list runs a member listing and returns one page.
func (s *Server) list(c *call, spec listSpec) ([]userDTO, *apiError) {
	ws := c.ws
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

// Messages of the state rules, answered as 400 without a code: Clockify
// documents no code for them. See
// https://clockify.me/help/troubleshooting/unable-to-deactivate and
// https://clockify.me/help/users/admins.
const (
	msgOwnerDeactivate = "The workspace owner can't be deactivated"
	msgOwnerRemove     = "The workspace owner can't be removed from the workspace"
	msgPendingStatus   = "User has not accepted the invitation yet; only the owner can revoke it in CAKE.com"
	msgDeclinedStatus  = "User has declined the invitation"
	msgDeactivateFirst = "User must be deactivated before being removed from the workspace"
)

func parseInvite(c *call) (string, *apiError) {
	if err := requiredParam(c.r.URL.Query(), "send-email", "String"); err != nil {
		return "", err
	}
	if v := c.r.URL.Query().Get("send-email"); v != "true" && v != "false" {
		return "", &apiError{status: http.StatusBadRequest, code: 3000, msg: "send-email: must be \"true\" or \"false\""}
	}
	var req struct {
		Email string `json:"email"`
	}
	if err := c.decode(&req, sig("WorkspaceDtoV1", "workspace.WorkspaceHttpAdapter", "addUsers", "AddUserToWorkspaceRequest")); err != nil {
		return "", err
	}
	email := strings.TrimSpace(req.Email)
	if email == "" {
		return "", invalidField("email", "This field can't be empty")
	}
	if a, err := mail.ParseAddress(email); err != nil || a.Address != email {
		return "", invalidField("email", "Email is not valid")
	}
	return email, nil
}

// inviteUser serves POST /v1/workspaces/{workspaceId}/users?send-email=…:
// it adds one e-mail address as a PENDING member (an existing account is
// reused; a new one is NOT_REGISTERED, name null, settings null) and
// answers the workspace. API invitations need a paid subscription.
// https://docs.clockify.me/#tag/Workspace/operation/addUsers
func (s *Server) inviteUser(c *call, email string) (int, any, *apiError) {
	ws, st := c.ws, s.st
	if !ws.paid() {
		return 0, nil, errAccessDenied
	}
	if uid, ok := st.emails[strings.ToLower(email)]; ok {
		if m := ws.members[uid]; m != nil {
			if m.status != MembershipDeclined {
				return 0, nil, restriction("User with email %s is already a member of the workspace", email)
			}
			m.status = MembershipPending
			st.touch()
			s.invitedEvent(ws, email)
			return http.StatusOK, ws.dto(), nil
		}
		st.addMember(ws.id, MemberSeed{ID: uid, MembershipStatus: MembershipPending})
	} else {
		st.addMember(ws.id, MemberSeed{Email: email, MembershipStatus: MembershipPending, AccountStatus: AccountNotRegistered})
	}
	s.invitedEvent(ws, email)
	return http.StatusOK, ws.dto(), nil
}

func parseStatus(c *call) (string, *apiError) {
	var req struct {
		Status string `json:"status"`
	}
	if err := c.decode(&req, sig("WorkspaceDtoV1", "workspace.WorkspaceHttpAdapter", "updateUserStatus", "UpdateUserStatusRequest")); err != nil {
		return "", err
	}
	if req.Status == "" {
		return "", invalidField("status", "This field can't be empty")
	}
	return req.Status, checkEnumJSON("UserStatus", []string{MembershipActive, MembershipInactive}, req.Status)
}

// updateUserStatus serves PUT /v1/workspaces/{workspaceId}/users/{userId}
// {"status":"ACTIVE"|"INACTIVE"}. Only the owner deactivates an admin; the
// owner is never deactivated; an invitation not yet accepted can't be
// activated or deactivated.
// https://docs.clockify.me/#tag/Workspace/operation/updateUserStatus
func (s *Server) updateUserStatus(c *call, status string) (int, any, *apiError) {
	ws, target := c.ws, c.target
	switch {
	case ws.isOwner(target.user.id) && status == MembershipInactive:
		return 0, nil, restriction(msgOwnerDeactivate)
	case target.status == MembershipPending:
		return 0, nil, restriction(msgPendingStatus)
	case target.status == MembershipDeclined:
		return 0, nil, restriction(msgDeclinedStatus)
	case target.admin && status == MembershipInactive && !ws.isOwner(c.caller):
		return 0, nil, errAccessDenied
	}
	target.status = status
	s.st.touch()
	s.statusEvent(ws, target, status)
	return http.StatusOK, ws.dto(), nil
}

// removeMember serves DELETE /v1/workspaces/{workspaceId}/users/{userId},
// deprecated and non-functional: members are removed in CAKE.com after
// being deactivated. https://cake.com/help/administration/deactivate-and-delete-user-account
func (s *Server) removeMember(c *call) (int, any, *apiError) {
	switch {
	case c.ws.isOwner(c.target.user.id):
		return 0, nil, restriction(msgOwnerRemove)
	case c.target.status == MembershipPending:
		return 0, nil, restriction(msgPendingStatus)
	case c.target.status == MembershipActive:
		return 0, nil, restriction(msgDeactivateFirst)
	}
	return 0, nil, errRemovedInCake
}

// AcceptInvitation makes the invited (PENDING) member userID of wsID join,
// as when they accept the e-mail invitation: the membership becomes ACTIVE
// and a NOT_REGISTERED account becomes ACTIVE, with settings and, if it had
// none, a name made from the e-mail address ("leo.dubois@…" → "Leo
// Dubois"). From then on the profile can be edited. It panics if userID is
// not a pending member of wsID.
func (s *Server) AcceptInvitation(wsID, userID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.st.mustPending("AcceptInvitation", wsID, userID)
	m.status = MembershipActive
	if u := m.user; u.status == AccountNotRegistered {
		u.status = AccountActive
		if u.name == "" {
			u.name = nameFromEmail(u.email)
		}
	}
	s.st.touch()
	s.memberEvent(s.st.workspaces[wsID], m, "USER_JOINED_WORKSPACE")
}

// DeclineInvitation makes the invited (PENDING) member userID of wsID
// decline: the membership becomes DECLINED (inviting the address again
// makes it PENDING). It panics if userID is not a pending member of wsID.
func (s *Server) DeclineInvitation(wsID, userID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.mustPending("DeclineInvitation", wsID, userID).status = MembershipDeclined
	s.st.touch()
}

func (st *store) mustPending(fn, wsID, userID string) *member {
	m := st.mustWorkspace(fn, wsID).members[userID]
	if m == nil || m.status != MembershipPending {
		seedPanic("%s: user %q is not a pending member of workspace %q", fn, userID, wsID)
	}
	return m
}

// nameFromEmail turns "leo.dubois@example.com" into "Leo Dubois".
func nameFromEmail(email string) string {
	local, _, _ := strings.Cut(email, "@")
	parts := strings.FieldsFunc(local, func(r rune) bool { return r == '.' || r == '_' || r == '-' || r == '+' })
	for i, p := range parts {
		parts[i] = strings.ToUpper(p[:1]) + p[1:]
	}
	return strings.Join(parts, " ")
}
