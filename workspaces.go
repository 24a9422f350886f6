package clockify

import (
	"context"
	"net/http"
	"net/url"
)

// WorkspacesService reads the workspaces the credential reaches: their plan
// (Workspace.Plan), feature flags (Workspace.HasFeature), members' workspace memberships
// (Workspace.Membership), and the caller's role in them; and sets its default rates
// (SetHourlyRate, SetCostRate), the only part of a workspace Clockify's API changes.
type WorkspacesService service

// List returns every workspace the caller is an active member of, in Clockify's order. It costs
// one request; Clockify serves it to API keys only (an addon token is refused).
//
// Clockify API: GET /v1/workspaces
func (s *WorkspacesService) List(ctx context.Context) ([]*Workspace, *Response, error) {
	return s.list(ctx, s.currentCred(), "")
}

// currentCred is the client's credential now; nil for the nil service of a zero Client, whose
// requests then fail with ErrNoClient.
func (s *WorkspacesService) currentCred() *credential {
	if c := clientOf(s); c != nil {
		return c.cred.Load()
	}
	return nil
}

// list lists the workspaces cred reaches, only those where its user holds role if role is set.
// Clockify does not document how several roles are encoded, so one role per call.
func (s *WorkspacesService) list(ctx context.Context, cred *credential, role Role) ([]*Workspace, *Response, error) {
	var q url.Values
	if role != "" {
		q = url.Values{"roles": {string(role)}}
	}
	return doList[Workspace](ctx, clientOf(s), op{method: http.MethodGet, path: "v1/workspaces", query: q, retrySafe: true, cred: cred})
}

// Get returns the workspace with its plan, features, settings and every member's workspace
// membership (status and rates). It costs one request.
//
// Clockify API: GET /v1/workspaces/{workspaceId}
func (s *WorkspacesService) Get(ctx context.Context, workspaceID string) (*Workspace, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID); err != nil {
		return nil, nil, err
	}
	return do[Workspace](ctx, clientOf(s), op{method: http.MethodGet, path: "v1/workspaces/" + url.PathEscape(workspaceID), retrySafe: true})
}

// FindByName returns the caller's workspace named exactly name (case and spaces count). None is
// an error matching ErrNotFound; several workspaces of that name (names are unique only within
// an organisation) an error matching ErrAmbiguousName, naming their ids. It costs one request.
//
// Clockify API: GET /v1/workspaces
func (s *WorkspacesService) FindByName(ctx context.Context, name string) (*Workspace, *Response, error) {
	if name == "" {
		return nil, nil, &ValidationError{Field: "name", Reason: "must not be empty"}
	}
	list, resp, err := s.List(ctx)
	if err != nil {
		return nil, resp, err
	}
	var found []*Workspace
	for _, ws := range list {
		if ws.Name == name {
			found = append(found, ws)
		}
	}
	switch len(found) {
	case 0:
		return nil, resp, wrapf(ErrNotFound, "no workspace named %q among the caller's %d", name, len(list))
	case 1:
		return found[0], resp, nil
	}
	ids := make([]string, len(found))
	for i, ws := range found {
		ids[i] = ws.ID
	}
	return nil, resp, wrapf(ErrAmbiguousName, "%d workspaces are named %q (%v); use the id", len(found), name, ids)
}

// CallerRole returns the caller's role in the workspace: RoleOwner, RoleWorkspaceAdmin, or ""
// for any other member (team and project managers included; Roles.Of tells those) and for a
// workspace the caller is not an active member of. Inviting, deactivating, setting rates and
// editing profiles need the owner or an admin. It costs one request for an owner and two
// otherwise, and needs an API key like List.
//
// Clockify API: GET /v1/workspaces?roles=OWNER, GET /v1/workspaces?roles=WORKSPACE_ADMIN
func (s *WorkspacesService) CallerRole(ctx context.Context, workspaceID string) (Role, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID); err != nil {
		return "", nil, err
	}
	var resp *Response
	// Clockify does not count owners as admins in this filter, so the owner is asked first.
	for _, role := range []Role{RoleOwner, RoleWorkspaceAdmin} {
		list, r, err := s.list(ctx, s.currentCred(), role)
		resp = r
		if err != nil {
			return "", resp, err
		}
		for _, ws := range list {
			if ws.ID == workspaceID {
				return role, resp, nil
			}
		}
	}
	return "", resp, nil
}

// ListWithRoles returns every workspace the caller is an active member of, each with the
// caller's role there (as CallerRole reports it), in Clockify's order. It costs three requests
// (all workspaces, those filtered by roles=OWNER and by roles=WORKSPACE_ADMIN), however many
// workspaces there are.
//
// Clockify API: GET /v1/workspaces (unfiltered, ?roles=OWNER, ?roles=WORKSPACE_ADMIN)
func (s *WorkspacesService) ListWithRoles(ctx context.Context) ([]KeyWorkspace, *Response, error) {
	return s.withRoles(ctx, s.currentCred())
}

// withRoles is ListWithRoles with every request carrying cred, so that APIKeys.Verify reads
// the workspaces of the credential it checks even if Rotate swaps it meanwhile.
func (s *WorkspacesService) withRoles(ctx context.Context, cred *credential) ([]KeyWorkspace, *Response, error) {
	all, resp, err := s.list(ctx, cred, "")
	if err != nil || len(all) == 0 {
		return nil, resp, err
	}
	roles := make(map[string]Role)
	// Admins first, so that OWNER wins should a server ever list a workspace under both.
	for _, role := range []Role{RoleWorkspaceAdmin, RoleOwner} {
		list, r, err := s.list(ctx, cred, role)
		resp = r
		if err != nil {
			return nil, resp, err
		}
		for _, ws := range list {
			roles[ws.ID] = role
		}
	}
	out := make([]KeyWorkspace, len(all))
	for i, ws := range all {
		out[i] = KeyWorkspace{Workspace: ws, Role: roles[ws.ID]}
	}
	return out, resp, nil
}
