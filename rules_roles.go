package clockify

// assignRoleRules: roles need an admin, manager roles MANAGER_ROLE; the admin role needs no feature.
func assignRoleRules(a RoleAssignment) []check {
	if a.role == RoleWorkspaceAdmin {
		return adminRules()
	}
	return []check{adminOnly, needsFeature(featureManagerRole)}
}

// removeRoleRules: only admins remove roles, and only the owner can take the admin role away
// (https://clockify.me/help/users/admins). Only a refusal to take it from an actual admin is
// that rule.
func removeRoleRules(a RoleAssignment) []check {
	if a.role != RoleWorkspaceAdmin {
		return adminRules()
	}
	return []check{adminOnly, when(adminAndCallerNotOwner, ErrOwnerOnly, "only the workspace owner can remove the admin role (from member %s)")}
}
