package clockify

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"sync"
)

// Who may do what: only the workspace owner and its admins invite members, add limited members,
// activate and deactivate them, set their workspace and project rates, manage groups and their
// members, set another member's custom field values, stop another member's timer, edit profiles
// and assign or remove roles; team and project managers can do none of that, whatever they
// manage (https://clockify.me/help/users/who-can-do-what,
// https://clockify.me/help/getting-started/team-overview). Clockify answers anyone else with a
// bare 403 "Access Denied".

// adminOnly blocks with ErrAdminOnly when the credential's user is neither the owner nor an
// admin of the workspace. After a refusal it looks only at a 403, the answer Clockify gives a
// caller without the rights, so a 400 costs no lookup. The caller's rights are cached on the
// Client (see callerIsAdmin), so any number of runs costs at most one request per workspace.
func adminOnly(ctx context.Context, f *facts) *RestrictionError {
	if f.refusal != nil && !errors.Is(f.refusal, ErrForbidden) {
		return nil
	}
	if get(f, &f.admin, func() (bool, error) { return f.c.callerIsAdmin(ctx, f.workspaceID) }) {
		return nil
	}
	return f.restrict(ErrAdminOnly, "this operation needs a workspace Admin's or the Owner's API key; the key belongs to a member "+
		"who is neither an Admin nor the Owner of workspace %s (team and project managers cannot do it either); "+
		"run it with an Admin's or the Owner's API key", f.workspaceID)
}

// adminRules: operations whose only documented rule is who may call them (activation, group
// membership, group deletion, the refusal of a removal).
func adminRules() []check { return []check{adminOnly} }

// adminCache is what the client learned about its caller's rights, per workspace, for the
// credential it was read with. Its zero value is ready; it is safe for concurrent use.
type adminCache struct {
	mu      sync.Mutex
	cred    *credential // the credential the entries were read with (compared by its secret)
	entries map[string]*adminEntry
}

// adminEntry is one workspace's answer; done is closed once admin or err is set.
type adminEntry struct {
	done  chan struct{}
	admin bool
	err   error
}

// forget drops every answer, for a new credential (APIKeys.Rotate).
func (a *adminCache) forget() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.cred, a.entries = nil, nil
}

// entry returns the workspace's entry for cred, and whether the caller must look it up (no
// lookup has answered or is under way).
func (a *adminCache) entry(cred *credential, workspaceID string) (*adminEntry, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.entries == nil || a.cred.secret != cred.secret {
		a.cred, a.entries = cred, map[string]*adminEntry{}
	}
	if e := a.entries[workspaceID]; e != nil {
		return e, false
	}
	e := &adminEntry{done: make(chan struct{})}
	a.entries[workspaceID] = e
	return e, true
}

// settle records a lookup's answer in e: admin is the set of workspaces where the caller is owner
// or admin. A failed lookup is not kept, so the next run asks again. The answer also settles the
// other listed workspaces nobody asked about yet, for free.
func (a *adminCache) settle(cred *credential, workspaceID string, e *adminEntry, admin map[string]bool, err error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	current := a.entries != nil && a.cred.secret == cred.secret
	e.admin, e.err = admin[workspaceID], err
	close(e.done)
	switch {
	case !current:
	case err != nil:
		if a.entries[workspaceID] == e {
			delete(a.entries, workspaceID)
		}
	default:
		for id := range admin {
			if a.entries[id] == nil {
				known := &adminEntry{done: make(chan struct{}), admin: true}
				close(known.done)
				a.entries[id] = known
			}
		}
	}
}

// callerIsAdmin reports whether the credential's user is the owner or an admin of the workspace.
// An addon token acts as the owner. For an API key the answer is looked up at most once per
// client, credential and workspace (concurrent callers wait for the one lookup), and one lookup
// answers every workspace where the caller is owner or admin.
func (c *Client) callerIsAdmin(ctx context.Context, workspaceID string) (bool, error) {
	cred := c.cred.Load()
	if cred.header != apiKeyHeader {
		return true, nil
	}
	for {
		e, lookup := c.admins.entry(cred, workspaceID)
		if lookup {
			admin, err := c.adminWorkspaces(ctx, cred)
			c.admins.settle(cred, workspaceID, e, admin, err)
		}
		select {
		case <-e.done:
		case <-ctx.Done():
			return false, ctx.Err()
		}
		// Another caller's lookup that ended with its own context is no answer for this one:
		// ask again (the failed entry is gone).
		if !lookup && isContextError(e.err) {
			continue
		}
		return e.admin, e.err
	}
}

// adminBySearch is callerIsAdmin answered by a search of workspaceID's owners and admins that
// found the caller (found) or not, as the roster reads them: an addon token acts as the owner
// whatever the search says. It costs no request, and the answer is kept like a lookup's, so the
// rule checks of later calls need none either.
func (c *Client) adminBySearch(workspaceID string, found bool) bool {
	cred := c.cred.Load()
	if cred.header != apiKeyHeader {
		return true
	}
	if e, unknown := c.admins.entry(cred, workspaceID); unknown {
		c.admins.settle(cred, workspaceID, e, map[string]bool{workspaceID: found}, nil)
	}
	return found
}

// isContextError reports whether err is a cancelled or expired context's.
func isContextError(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// adminWorkspaces returns the ids of the workspaces where cred's user is the owner or an admin,
// in one request: Clockify's workspace list filtered by both roles (the filter does not count
// owners as admins). The API reference declares roles an array; it is sent as the OpenAPI
// default for a query array, the parameter repeated
// (https://docs.clockify.me/#tag/Workspace/operation/getWorkspacesOfUser).
//
// Clockify API: GET /v1/workspaces?roles=WORKSPACE_ADMIN&roles=OWNER
func (c *Client) adminWorkspaces(ctx context.Context, cred *credential) (map[string]bool, error) {
	var list []struct {
		ID string `json:"id"`
	}
	q := url.Values{"roles": {string(RoleWorkspaceAdmin), string(RoleOwner)}}
	if _, err := c.call(ctx, op{method: http.MethodGet, path: "v1/workspaces", query: q, out: &list, retrySafe: true, cred: cred}); err != nil {
		return nil, err
	}
	ids := make(map[string]bool, len(list))
	for _, ws := range list {
		ids[ws.ID] = true
	}
	return ids, nil
}
