package clockify

import "context"

// The member searches the rules layer's facts come from (restrictions.go).

// hasRole reports whether userID holds role in the workspace, searching the members filtered by
// that role (the filter counts owners as admins).
func (c *Client) hasRole(ctx context.Context, workspaceID, userID string, role Role) (bool, error) {
	ids, err := c.holders(ctx, workspaceID, role)
	return ids[userID], err
}

// holders returns the ids of the members holding role, from the filter by role.
func (c *Client) holders(ctx context.Context, workspaceID string, role Role) (map[string]bool, error) {
	f := &MemberFilter{Roles: []Role{role}, Status: MembershipAll, AccountStatuses: AllAccountStatuses,
		ListOptions: ListOptions{PageSize: MaxPageSize}}
	ids := map[string]bool{}
	for u, err := range c.Members.FilterAll(ctx, workspaceID, f) {
		if err != nil {
			return nil, err
		}
		ids[u.ID] = true
	}
	return ids, nil
}

// findMember finds userID among the members matching email or name (a limited member has no
// email), with its workspace membership and account status; nil when not found.
func (c *Client) findMember(ctx context.Context, workspaceID, userID, email, name string) (*User, error) {
	f := &MemberFilter{Email: email, Status: MembershipAll, AccountStatuses: AllAccountStatuses,
		ListOptions: ListOptions{PageSize: MaxPageSize}}
	if email == "" {
		f.Name = name
	}
	for u, err := range c.Members.FilterAll(ctx, workspaceID, f) {
		if err != nil {
			return nil, err
		}
		if u.ID == userID {
			return u, nil
		}
	}
	return nil, nil
}
