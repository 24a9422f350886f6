package clockify

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/url"
)

// MembersService manages a workspace's members: listing and filtering them, invitations,
// limited members, activation, rates, managers and custom-field values.
type MembersService service

// AllAccountStatuses lists every documented account status. Clockify's lists hide LIMITED
// (and deleted) users unless asked for them; pass this to see everyone.
var AllAccountStatuses = []AccountStatus{AccountActive, AccountPendingEmailVerification, AccountDeleted,
	AccountNotRegistered, AccountLimited, AccountLimitedDeleted}

// MemberFilter is the search of POST …/users/info. Unlike the list it can filter by role
// (owners count as admins there) and user group. Zero fields are not sent.
type MemberFilter struct {
	Email           string             `json:"email,omitempty"`
	Name            string             `json:"name,omitempty"`
	ProjectID       string             `json:"projectId,omitempty"`
	Status          MembershipStatus   `json:"status,omitempty"`
	AccountStatuses []AccountStatus    `json:"accountStatuses,omitempty"`
	Roles           []Role             `json:"roles,omitempty"`
	UserGroups      []string           `json:"userGroups,omitempty"`
	SortColumn      SortColumn         `json:"sortColumn,omitempty"`
	SortOrder       SortOrder          `json:"sortOrder,omitempty"`
	Memberships     MembershipsInclude `json:"memberships,omitempty"`
	IncludeRoles    bool               `json:"includeRoles"`
	ListOptions
}

func (f *MemberFilter) validate() error {
	if f == nil {
		return nil
	}
	if f.Status != "" && !f.Status.Valid() {
		return &ValidationError{Field: "Status", Reason: fmt.Sprintf("unknown membership status %q", f.Status)}
	}
	for _, s := range f.AccountStatuses {
		if !s.Valid() {
			return &ValidationError{Field: "AccountStatuses", Reason: fmt.Sprintf("unknown account status %q", s)}
		}
	}
	for _, r := range f.Roles {
		if !r.Valid() {
			return &ValidationError{Field: "Roles", Reason: fmt.Sprintf("unknown role %q", r)}
		}
	}
	if f.SortColumn != "" && !f.SortColumn.Valid() {
		return &ValidationError{Field: "SortColumn", Reason: fmt.Sprintf("unknown sort column %q", f.SortColumn)}
	}
	if f.SortOrder != "" && !f.SortOrder.Valid() {
		return &ValidationError{Field: "SortOrder", Reason: fmt.Sprintf("unknown sort order %q", f.SortOrder)}
	}
	if f.Memberships != "" && !f.Memberships.Valid() {
		return &ValidationError{Field: "Memberships", Reason: fmt.Sprintf("unknown memberships option %q", f.Memberships)}
	}
	return f.ListOptions.validate()
}

// Filter searches the workspace's members. It only reads, so it is retried like a GET.
//
// Clockify API: POST /v1/workspaces/{workspaceId}/users/info
func (s *MembersService) Filter(ctx context.Context, workspaceID string, f *MemberFilter) ([]*User, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID); err != nil {
		return nil, nil, err
	}
	if err := f.validate(); err != nil {
		return nil, nil, err
	}
	body := f
	if body == nil {
		body = &MemberFilter{}
	}
	page := body.Page
	if page == 0 {
		page = 1
	}
	var users []*User
	resp, err := s.client.call(ctx, op{method: http.MethodPost, path: "v1/workspaces/" + url.PathEscape(workspaceID) + "/users/info",
		body: body, out: &users, retrySafe: true, page: page})
	if err != nil {
		return nil, resp, err
	}
	return users, resp, nil
}

// FilterAll iterates every member matching f, fetching pages lazily (f.Page is ignored;
// f.PageSize defaults to 200).
//
// Clockify API: POST /v1/workspaces/{workspaceId}/users/info
func (s *MembersService) FilterAll(ctx context.Context, workspaceID string, f *MemberFilter) iter.Seq2[*User, error] {
	q := MemberFilter{}
	if f != nil {
		q = *f
	}
	if q.PageSize == 0 {
		q.PageSize = defaultIterPageSize
	}
	return pages(ctx, q.PageSize, userID, func(ctx context.Context, page int) ([]*User, *Response, error) {
		q.Page = page
		return s.Filter(ctx, workspaceID, &q)
	})
}

// defaultIterPageSize is the page size of the All-style iterators when the caller sets none:
// fewer requests than Clockify's default of 50, while a page stays a modest size.
const defaultIterPageSize = 200

func userID(u *User) string { return u.ID }
