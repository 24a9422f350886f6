package clockify

import (
	"context"
	"iter"
	"net/http"
	"net/url"
	"strings"
)

// GroupsService manages a workspace's user groups: listing, finding by name, creating, renaming
// and deleting them. Putting members in and out of a group is Members.AddToGroup and
// Members.RemoveFromGroup. Clockify has no GET for one group: FindByName and the lists are the
// way to read one.
type GroupsService service

// MaxGroupName is the longest user-group name Clockify accepts, in characters.
const MaxGroupName = maxNameLength

// UserGroup is a workspace's user group.
type UserGroup struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	WorkspaceID string   `json:"workspaceId"`
	UserIDs     []string `json:"userIds"`
	// TeamManagers are the group's team managers, by id and name. Lists fill it only when
	// ListGroupsOptions.IncludeTeamManagers is set.
	TeamManagers []UserSummary `json:"teamManagers"`
}

// UserSummary is a user reduced to id and name.
type UserSummary struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// HasMember reports whether userID is in the group; a nil *UserGroup has no members.
func (g *UserGroup) HasMember(userID string) bool {
	if g == nil {
		return false
	}
	for _, id := range g.UserIDs {
		if id == userID {
			return true
		}
	}
	return false
}

// GroupSortColumn is what a list of user groups is sorted by.
type GroupSortColumn string

// Sort columns of the user-group list.
const (
	GroupSortByID   GroupSortColumn = "ID"
	GroupSortByName GroupSortColumn = "NAME"
)

// Valid reports whether c is a sort column Clockify knows for groups.
func (c GroupSortColumn) Valid() bool { return c == GroupSortByID || c == GroupSortByName }

// ListGroupsOptions filters, sorts and pages the user-group list. Zero fields are not sent.
type ListGroupsOptions struct {
	// Name matches a substring of the group's name.
	Name string `url:"name,omitempty"`
	// ProjectID lists the groups with access to that project.
	ProjectID string `url:"project-id,omitempty"`
	// SortColumn defaults to Clockify's own order; SortOrder to Ascending.
	SortColumn GroupSortColumn `url:"sort-column,omitempty"`
	SortOrder  SortOrder       `url:"sort-order,omitempty"`
	// IncludeTeamManagers fills UserGroup.TeamManagers. (Clockify spells this one query
	// parameter in camelCase.)
	IncludeTeamManagers bool `url:"includeTeamManagers,omitempty"`
	ListOptions
}

func (o *ListGroupsOptions) validate() error {
	if o == nil {
		return nil
	}
	return firstError(
		checkEnum("SortColumn", "group sort column", o.SortColumn),
		checkEnum("SortOrder", "sort order", o.SortOrder),
		o.ListOptions.validate(),
	)
}

func groupsPath(workspaceID string) string {
	return "v1/workspaces/" + url.PathEscape(workspaceID) + "/user-groups"
}

func groupPath(workspaceID, userGroupID string) string {
	return groupsPath(workspaceID) + "/" + url.PathEscape(userGroupID)
}

func groupUsersPath(workspaceID, userGroupID string) string {
	return groupPath(workspaceID, userGroupID) + "/users"
}

// List returns one page of the workspace's user groups (page 1 unless opts.Page says
// otherwise); resp.LastPage says whether more follow. It costs one request.
//
// Clockify API: GET /v1/workspaces/{workspaceId}/user-groups
func (s *GroupsService) List(ctx context.Context, workspaceID string, opts *ListGroupsOptions) ([]*UserGroup, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID); err != nil {
		return nil, nil, err
	}
	if err := opts.validate(); err != nil {
		return nil, nil, err
	}
	q := orZero(opts)
	return doList[UserGroup](ctx, clientOf(s), op{method: http.MethodGet, path: groupsPath(workspaceID), query: &q,
		retrySafe: true, page: q.pageNumber()})
}

// All iterates every user group matching opts, fetching pages lazily as the loop asks for them
// (opts.Page is ignored; opts.PageSize defaults to 200): one request per page. Breaking out of
// the loop stops the fetching; an error ends the iteration after being yielded once.
//
// Clockify API: GET /v1/workspaces/{workspaceId}/user-groups
func (s *GroupsService) All(ctx context.Context, workspaceID string, opts *ListGroupsOptions) iter.Seq2[*UserGroup, error] {
	return allPages(ctx, opts, idOfGroup, func(ctx context.Context, opts *ListGroupsOptions) ([]*UserGroup, *Response, error) {
		return s.List(ctx, workspaceID, opts)
	})
}

func idOfGroup(g *UserGroup) string { return g.ID }

// FindByName returns the user group named exactly name (case and spaces count). Clockify's
// name filter matches substrings, so FindByName searches with it and compares the names
// itself; usually one request, one more per further page of near-matches. No group of that
// name is an error matching ErrNotFound.
//
// Clockify API: GET /v1/workspaces/{workspaceId}/user-groups?name=…
func (s *GroupsService) FindByName(ctx context.Context, workspaceID, name string) (*UserGroup, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID); err != nil {
		return nil, nil, err
	}
	if strings.TrimSpace(name) == "" {
		return nil, nil, &ValidationError{Field: "name", Reason: "must not be empty"}
	}
	opts := &ListGroupsOptions{Name: name, ListOptions: ListOptions{PageSize: MaxPageSize}}
	return findFirst(ctx, opts, idOfGroup, func(ctx context.Context, o *ListGroupsOptions) ([]*UserGroup, *Response, error) {
		return s.List(ctx, workspaceID, o)
	}, func(g *UserGroup) bool { return g.Name == name },
		func() error {
			return wrapf(ErrNotFound, "no user group named %q in workspace %s", name, workspaceID)
		})
}

type groupNameBody struct {
	Name string `json:"name"`
}

// Create makes a user group with this name and returns it. A name another group already has,
// in any case ("night shift" when "Night Shift" exists), is refused by Clockify; that refusal
// comes back as a *RestrictionError (errors.Is(err, ErrGroupExists)), found with one more
// request after the refusal. Create is not repeated after the server may have acted: a second
// attempt would only be refused as a duplicate.
//
// Clockify API: POST /v1/workspaces/{workspaceId}/user-groups
func (s *GroupsService) Create(ctx context.Context, workspaceID, name string) (*UserGroup, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID); err != nil {
		return nil, nil, err
	}
	if err := validateName("name", name); err != nil {
		return nil, nil, err
	}
	g, resp, err := do[UserGroup](ctx, clientOf(s), op{method: http.MethodPost, path: groupsPath(workspaceID), body: groupNameBody{name}})
	if err != nil {
		return nil, resp, clientOf(s).explain(ctx, workspaceID, "", err, groupNameRules("", name))
	}
	return g, resp, nil
}

// Rename gives the user group a new name and returns it. A name another group has, in any
// case, comes back as a *RestrictionError (errors.Is(err, ErrGroupExists)), found with one more
// request after the refusal; an unknown group id matches ErrNotFound. It costs one request.
//
// Clockify API: PUT /v1/workspaces/{workspaceId}/user-groups/{id}
func (s *GroupsService) Rename(ctx context.Context, workspaceID, userGroupID, name string) (*UserGroup, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID, "userGroupID", userGroupID); err != nil {
		return nil, nil, err
	}
	if err := validateName("name", name); err != nil {
		return nil, nil, err
	}
	g, resp, err := do[UserGroup](ctx, clientOf(s), op{method: http.MethodPut, path: groupPath(workspaceID, userGroupID), body: groupNameBody{name}, retrySafe: true})
	if err != nil {
		return nil, resp, clientOf(s).explain(ctx, workspaceID, "", err, groupNameRules(userGroupID, name))
	}
	return g, resp, nil
}

// Delete deletes the user group (its members stay in the workspace) and returns the group as it
// was. An unknown group id matches ErrNotFound; since a lost answer is retried, a group deleted
// by the first attempt can also end in ErrNotFound. It costs one request.
//
// Clockify API: DELETE /v1/workspaces/{workspaceId}/user-groups/{id}
func (s *GroupsService) Delete(ctx context.Context, workspaceID, userGroupID string) (*UserGroup, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID, "userGroupID", userGroupID); err != nil {
		return nil, nil, err
	}
	g, resp, err := do[UserGroup](ctx, clientOf(s), op{method: http.MethodDelete, path: groupPath(workspaceID, userGroupID), retrySafe: true})
	if err != nil {
		return nil, resp, clientOf(s).explain(ctx, workspaceID, "", err, adminRules())
	}
	return g, resp, nil
}

// groupNameRules: a group's name is unique in its workspace, compared without regard to case,
// so a name another group (not userGroupID itself) already has, in any case, is refused.
// Clockify states the rule by refusing; the existing group is looked up by name.
func groupNameRules(userGroupID, name string) []check {
	return []check{adminOnly, func(ctx context.Context, f *facts) *RestrictionError {
		g, err := f.c.Groups.nameHolder(ctx, f.workspaceID, userGroupID, name)
		if err != nil {
			return nil // no other group of that name, or it could not be told: the refusal stands
		}
		return f.restrict(ErrGroupExists, "user group %s is already named %q; group names are unique in a workspace, whatever their case", g.ID, g.Name)
	}}
}

// nameHolder returns a group other than except whose name is name when case is ignored, the
// way Clockify compares group names; none is an error.
func (s *GroupsService) nameHolder(ctx context.Context, workspaceID, except, name string) (*UserGroup, error) {
	opts := &ListGroupsOptions{Name: name, ListOptions: ListOptions{PageSize: MaxPageSize}}
	g, _, err := findFirst(ctx, opts, idOfGroup, func(ctx context.Context, o *ListGroupsOptions) ([]*UserGroup, *Response, error) {
		return s.List(ctx, workspaceID, o)
	}, func(g *UserGroup) bool { return g.ID != except && strings.EqualFold(g.Name, name) },
		func() error { return ErrNotFound })
	return g, err
}
