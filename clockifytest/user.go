package clockifytest

import "net/http"

// parseCurrentUser reads include-memberships. The live answer to a value
// that is not a boolean carries no code (captured 2026-05-20), unlike other
// query conversions.
func parseCurrentUser(c *call) (bool, *apiError) {
	incl, err := boolParam(c.r.URL.Query(), "include-memberships", false)
	if err != nil {
		err.code = 0
	}
	return incl, err
}

// getCurrentUser serves GET /v1/user: the key's owner (the workspace owner
// for an add-on), with every membership when include-memberships is true.
// https://docs.clockify.me/#tag/User/operation/getLoggedUser
func (s *Server) getCurrentUser(c *call, includeMemberships bool) (int, any, *apiError) {
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
		if includeMemberships {
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
