package clockify

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// MembersService manages a workspace's members: listing and filtering them, invitations,
// limited members, activation, rates, managers and custom-field values.
type MembersService service

// AllAccountStatuses lists every documented account status. Clockify's lists hide LIMITED
// (and deleted) users unless asked for them; pass it to see everyone
// (ListMembersOptions{AccountStatuses: clockify.AllAccountStatuses()}). Each call returns a new
// slice, so changing one changes nothing else.
func AllAccountStatuses() []AccountStatus {
	return []AccountStatus{AccountActive, AccountPendingEmailVerification, AccountDeleted,
		AccountNotRegistered, AccountLimited, AccountLimitedDeleted}
}

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
	return firstError(
		checkEnum("Status", "membership status", f.Status),
		checkEnums("AccountStatuses", "account status", f.AccountStatuses),
		checkEnums("Roles", "role", f.Roles),
		checkEnum("SortColumn", "sort column", f.SortColumn),
		checkEnum("SortOrder", "sort order", f.SortOrder),
		checkEnum("Memberships", "memberships option", f.Memberships),
		f.ListOptions.validate(),
	)
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
	body := orZero(f)
	return doList[User](ctx, clientOf(s), op{method: http.MethodPost, path: usersPath(workspaceID) + "/info",
		body: &body, retrySafe: true, page: body.pageNumber()})
}

// FilterAll iterates every member matching f, fetching pages lazily (f.Page is ignored;
// f.PageSize defaults to 200).
//
// Clockify API: POST /v1/workspaces/{workspaceId}/users/info
func (s *MembersService) FilterAll(ctx context.Context, workspaceID string, f *MemberFilter) iter.Seq2[*User, error] {
	return allPages(ctx, f, idOfUser, func(ctx context.Context, f *MemberFilter) ([]*User, *Response, error) {
		return s.Filter(ctx, workspaceID, f)
	})
}

// idOfUser names a user for the pager.
func idOfUser(u *User) string { return u.ID }

func usersPath(workspaceID string) string {
	return "v1/workspaces/" + url.PathEscape(workspaceID) + "/users"
}

func memberPath(workspaceID, userID string) string {
	return usersPath(workspaceID) + "/" + url.PathEscape(userID)
}

// Current returns the user the credential belongs to, without memberships (Clockify sends an
// empty list unless asked; see CurrentWithMemberships).
//
// Clockify API: GET /v1/user
func (s *MembersService) Current(ctx context.Context) (*User, *Response, error) {
	return s.current(ctx, false)
}

// CurrentWithMemberships returns the credential's user with all of its workspace, project and
// user-group memberships filled in. The list can hold hundreds of entries.
//
// Clockify API: GET /v1/user?include-memberships=true
func (s *MembersService) CurrentWithMemberships(ctx context.Context) (*User, *Response, error) {
	return s.current(ctx, true)
}

func (s *MembersService) current(ctx context.Context, memberships bool) (*User, *Response, error) {
	var q url.Values
	if memberships {
		q = url.Values{"include-memberships": {"true"}}
	}
	return do[User](ctx, clientOf(s), op{method: http.MethodGet, path: "v1/user", query: q, retrySafe: true})
}

// ListMembersOptions filters, sorts and pages the member list. Zero fields are not sent, except
// IncludeRoles, which Clockify declares required and is always sent (include-roles=false by
// default).
//
// Without AccountStatuses Clockify lists only ACTIVE, PENDING_EMAIL_VERIFICATION and
// NOT_REGISTERED accounts, hiding limited members; pass AllAccountStatuses() to see everyone.
// Several account statuses travel comma-joined in one parameter
// (account-statuses=ACTIVE,LIMITED), as the parameter's string type suggests.
type ListMembersOptions struct {
	// Email and Name match substrings.
	Email string `url:"email,omitempty"`
	Name  string `url:"name,omitempty"`
	// ProjectID lists the members with access to that project.
	ProjectID string `url:"project-id,omitempty"`
	// Status filters by workspace membership status (MembershipAll for every status).
	Status          MembershipStatus `url:"status,omitempty"`
	AccountStatuses []AccountStatus  `url:"account-statuses,comma,omitempty"`
	// SortColumn defaults to SortByEmail, SortOrder to Ascending.
	SortColumn SortColumn `url:"sort-column,omitempty"`
	SortOrder  SortOrder  `url:"sort-order,omitempty"`
	// Memberships selects which memberships (and so which rates) each user carries; Clockify's
	// default is none.
	Memberships MembershipsInclude `url:"memberships,omitempty"`
	// IncludeRoles adds each member's manager roles (User.Roles, User.RoleGrants).
	IncludeRoles bool `url:"include-roles"`
	ListOptions
}

func (o *ListMembersOptions) validate() error {
	if o == nil {
		return nil
	}
	return firstError(
		checkEnum("Status", "membership status", o.Status),
		checkEnums("AccountStatuses", "account status", o.AccountStatuses),
		checkEnum("SortColumn", "sort column", o.SortColumn),
		checkEnum("SortOrder", "sort order", o.SortOrder),
		checkEnum("Memberships", "memberships option", o.Memberships),
		o.ListOptions.validate(),
	)
}

// List returns one page of the workspace's members (page 1 unless opts.Page says otherwise).
// resp.LastPage says whether more pages follow; All iterates them for you.
//
// Clockify API: GET /v1/workspaces/{workspaceId}/users
func (s *MembersService) List(ctx context.Context, workspaceID string, opts *ListMembersOptions) ([]*User, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID); err != nil {
		return nil, nil, err
	}
	if err := opts.validate(); err != nil {
		return nil, nil, err
	}
	q := orZero(opts)
	return doList[User](ctx, clientOf(s), op{method: http.MethodGet, path: usersPath(workspaceID), query: &q,
		retrySafe: true, page: q.pageNumber()})
}

// All iterates every member matching opts, fetching pages lazily as the loop asks for them
// (opts.Page is ignored; opts.PageSize defaults to 200). Breaking out of the loop stops the
// fetching; an error ends the iteration after being yielded once.
//
// Clockify API: GET /v1/workspaces/{workspaceId}/users
func (s *MembersService) All(ctx context.Context, workspaceID string, opts *ListMembersOptions) iter.Seq2[*User, error] {
	return allPages(ctx, opts, idOfUser, func(ctx context.Context, opts *ListMembersOptions) ([]*User, *Response, error) {
		return s.List(ctx, workspaceID, opts)
	})
}

// InviteOptions tunes an invitation.
type InviteOptions struct {
	// SendEmail says whether Clockify emails the invitation; nil means the API default, true.
	SendEmail *bool
}

// Invite adds the user with this email to the workspace; they show as a pending member ("not
// joined yet") until they accept, and until then their profile cannot be edited
// (Profiles.Update refuses with ErrInvitationPending). Clockify answers with the whole
// workspace, not the new user: InviteMember returns the new member instead, at the cost of one
// more request (or find them with FindByEmail). Inviting by API works only on paid
// workspaces; a refusal on a Free-plan workspace comes back as a *RestrictionError
// (errors.Is(err, ErrPaidFeature)).
//
// Invite is not repeated after the server may have acted (a 5xx or a dropped connection), since
// Clockify does not de-duplicate requests; check the member list before calling it again.
//
// Clockify API: POST /v1/workspaces/{workspaceId}/users?send-email=true|false
func (s *MembersService) Invite(ctx context.Context, workspaceID, email string, opts *InviteOptions) (*Workspace, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID); err != nil {
		return nil, nil, err
	}
	email = strings.TrimSpace(email)
	if err := validateEmail(email); err != nil {
		return nil, nil, err
	}
	send := true
	if opts != nil && opts.SendEmail != nil {
		send = *opts.SendEmail
	}
	q := url.Values{"send-email": {strconv.FormatBool(send)}}
	body := struct {
		Email string `json:"email"`
	}{email}
	ws, resp, err := do[Workspace](ctx, clientOf(s), op{method: http.MethodPost, path: usersPath(workspaceID), query: q, body: body})
	if err != nil {
		return nil, resp, clientOf(s).explain(ctx, workspaceID, "", err, inviteRules())
	}
	return ws, resp, nil
}

// MaxLimitedMembers is the most limited members one AddLimited call takes.
const MaxLimitedMembers = 250

// LimitedMember is a new limited member: a name without an email or login, who tracks time only
// through a kiosk and takes a cheaper limited seat. Only Name is required; unset fields are not
// sent. Rates are in minor units (2500 is 25.00 in the workspace currency).
type LimitedMember struct {
	// Name is required, 1 to 100 characters.
	Name             string              `json:"name"`
	HourlyRate       *int64              `json:"hourlyRate,omitempty"`
	CostRate         *int64              `json:"costRate,omitempty"`
	WeekStart        Weekday             `json:"weekStart,omitempty"`
	WorkCapacity     *Duration           `json:"workCapacity,omitempty"`
	WorkingDays      *WeekdaySet         `json:"workingDays,omitempty"`
	UserCustomFields []CustomFieldUpsert `json:"userCustomFields,omitempty"`
	// UserGroups are ids of groups to put the member in.
	UserGroups []string `json:"userGroups,omitempty"`
}

func (m *LimitedMember) validate(i int) error {
	field := func(name string) string { return fmt.Sprintf("members[%d].%s", i, name) }
	return firstError(
		validateName(field("Name"), m.Name),
		validateAmount(field("HourlyRate"), m.HourlyRate),
		validateAmount(field("CostRate"), m.CostRate),
		checkEnum(field("WeekStart"), "weekday", m.WeekStart),
		validateSchedule(field(""), m.WorkCapacity, m.WorkingDays),
		validateCustomFields(field("UserCustomFields"), m.UserCustomFields),
		validateIDSet(field("UserGroups"), "group", m.UserGroups),
	)
}

// AddLimited adds 1 to MaxLimitedMembers limited members in one call. Clockify answers with an
// undocumented object, so only the *Response is returned; list the new members with
// ListMembersOptions{AccountStatuses: []AccountStatus{AccountLimited}}. Limited members cannot be
// removed by API. A workspace without the LIMITED_USERS feature refuses with a *RestrictionError
// (errors.Is(err, ErrPaidFeature)).
//
// Like Invite it is not repeated after the server may have acted.
//
// Clockify API: POST /v1/workspaces/{workspaceId}/limited-users
func (s *MembersService) AddLimited(ctx context.Context, workspaceID string, members []LimitedMember) (*Response, error) {
	if err := requireIDs("workspaceID", workspaceID); err != nil {
		return nil, err
	}
	if len(members) == 0 || len(members) > MaxLimitedMembers {
		return nil, &ValidationError{Field: "members", Reason: fmt.Sprintf("must hold 1 to %d members, not %d", MaxLimitedMembers, len(members))}
	}
	for i := range members {
		if err := members[i].validate(i); err != nil {
			return nil, err
		}
	}
	body := struct {
		Users []LimitedMember `json:"users"`
	}{members}
	resp, err := clientOf(s).call(ctx, op{method: http.MethodPost, path: "v1/workspaces/" + url.PathEscape(workspaceID) + "/limited-users", body: body})
	if err != nil {
		return resp, clientOf(s).explain(ctx, workspaceID, "", err, limitedMemberRules())
	}
	return resp, nil
}

// Activate sets the member's workspace membership to ACTIVE, e.g. to take back someone
// deactivated earlier. Clockify answers with the whole workspace.
//
// Clockify API: PUT /v1/workspaces/{workspaceId}/users/{userId}
func (s *MembersService) Activate(ctx context.Context, workspaceID, userID string) (*Workspace, *Response, error) {
	ws, resp, err := s.setStatus(ctx, workspaceID, userID, MembershipActive)
	if err != nil {
		return nil, resp, clientOf(s).explain(ctx, workspaceID, userID, err, adminRules())
	}
	return ws, resp, nil
}

// Deactivate sets the member's workspace membership to INACTIVE: they keep their data but can no
// longer use the workspace. This is how members leave a workspace by API (see Remove). If they
// are in no other workspace of the organisation, CAKE.com deactivates them there too.
//
// Clockify's rules come back as a *RestrictionError wrapping the server's *APIError: the owner
// cannot be deactivated (ErrOwnerImmutable), a pending invitation cannot be deactivated
// (ErrInvitationPending; the owner revokes it on the CAKE.com account's Members page), and only
// the owner can deactivate an admin (ErrOwnerOnly). The rule is looked up only after a refusal,
// so a successful call costs one request.
//
// Clockify API: PUT /v1/workspaces/{workspaceId}/users/{userId}
func (s *MembersService) Deactivate(ctx context.Context, workspaceID, userID string) (*Workspace, *Response, error) {
	ws, resp, err := s.setStatus(ctx, workspaceID, userID, MembershipInactive)
	if err != nil {
		return nil, resp, clientOf(s).explain(ctx, workspaceID, userID, err, deactivateRules())
	}
	return ws, resp, nil
}

func (s *MembersService) setStatus(ctx context.Context, workspaceID, userID string, status MembershipStatus) (*Workspace, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID, "userID", userID); err != nil {
		return nil, nil, err
	}
	body := struct {
		Status MembershipStatus `json:"status"`
	}{status}
	return do[Workspace](ctx, clientOf(s), op{method: http.MethodPut, path: memberPath(workspaceID, userID), body: body, retrySafe: true})
}

// Remove is Clockify's deprecated member removal, kept so that programs get Clockify's rules
// explained instead of a bare 400. Clockify no longer removes members by API: members leave a
// workspace by Deactivate, and are deleted on the CAKE.com account's Members page once they are
// deactivated in every workspace of the organisation.
//
// Remove first reads the workspace and refuses, without sending the DELETE, to remove the owner
// (ErrOwnerImmutable), an active member (ErrMustDeactivateFirst) or a pending invitation
// (ErrInvitationPending). Otherwise it sends the DELETE, and Clockify's answer "User is migrated
// to Cake" comes back as ErrRemovedInCAKE. Each is a *RestrictionError; the first three have no
// Err (nothing was sent), ErrRemovedInCAKE wraps the server's 400 *APIError.
//
// Clockify API: DELETE /v1/workspaces/{workspaceId}/users/{userId} (deprecated)
func (s *MembersService) Remove(ctx context.Context, workspaceID, userID string) (*Response, error) {
	if err := requireIDs("workspaceID", workspaceID, "userID", userID); err != nil {
		return nil, err
	}
	if err := clientOf(s).blockedBy(ctx, workspaceID, userID, removeRules()); err != nil {
		return nil, err
	}
	resp, err := clientOf(s).call(ctx, op{method: http.MethodDelete, path: memberPath(workspaceID, userID), retrySafe: true})
	if err != nil {
		return resp, removedInCAKE(userID, clientOf(s).explain(ctx, workspaceID, userID, err, adminRules()))
	}
	return resp, nil
}

// ListManagersOptions sorts and pages a member's team managers.
type ListManagersOptions struct {
	// SortColumn defaults to SortByEmail, SortOrder to Ascending.
	SortColumn SortColumn `url:"sort-column,omitempty"`
	SortOrder  SortOrder  `url:"sort-order,omitempty"`
	ListOptions
}

func (o *ListManagersOptions) validate() error {
	if o == nil {
		return nil
	}
	return firstError(
		checkEnum("SortColumn", "sort column", o.SortColumn),
		checkEnum("SortOrder", "sort order", o.SortOrder),
		o.ListOptions.validate(),
	)
}

// Managers returns one page of the member's team managers (page 1 unless opts.Page says
// otherwise); ManagersAll iterates them all.
//
// Clockify API: GET /v1/workspaces/{workspaceId}/users/{userId}/managers
func (s *MembersService) Managers(ctx context.Context, workspaceID, userID string, opts *ListManagersOptions) ([]*User, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID, "userID", userID); err != nil {
		return nil, nil, err
	}
	if err := opts.validate(); err != nil {
		return nil, nil, err
	}
	q := orZero(opts)
	return doList[User](ctx, clientOf(s), op{method: http.MethodGet, path: memberPath(workspaceID, userID) + "/managers", query: &q,
		retrySafe: true, page: q.pageNumber()})
}

// ManagersAll iterates all of the member's team managers, fetching pages lazily (opts.Page is
// ignored; opts.PageSize defaults to 200).
//
// Clockify API: GET /v1/workspaces/{workspaceId}/users/{userId}/managers
func (s *MembersService) ManagersAll(ctx context.Context, workspaceID, userID string, opts *ListManagersOptions) iter.Seq2[*User, error] {
	return allPages(ctx, opts, idOfUser, func(ctx context.Context, opts *ListManagersOptions) ([]*User, *Response, error) {
		return s.Managers(ctx, workspaceID, userID, opts)
	})
}

// SetCustomField sets the member's value of a user custom field (entity type USER). value is
// encoded as JSON as it is: a string, number, bool or list by the field's type; nil clears it.
// Clockify answers 201 with the stored value.
//
// Clockify API: PUT /v1/workspaces/{workspaceId}/users/{userId}/custom-field/{customFieldId}/value
func (s *MembersService) SetCustomField(ctx context.Context, workspaceID, userID, customFieldID string, value any) (*CustomFieldValue, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID, "userID", userID, "customFieldID", customFieldID); err != nil {
		return nil, nil, err
	}
	raw, err := json.Marshal(value)
	if err != nil {
		return nil, nil, &ValidationError{Field: "value", Reason: "cannot be encoded as JSON: " + err.Error()}
	}
	body := struct {
		Value json.RawMessage `json:"value"`
	}{raw}
	path := memberPath(workspaceID, userID) + "/custom-field/" + url.PathEscape(customFieldID) + "/value"
	v, resp, err := do[CustomFieldValue](ctx, clientOf(s), op{method: http.MethodPut, path: path, body: body, retrySafe: true})
	if err != nil {
		return nil, resp, clientOf(s).explain(ctx, workspaceID, userID, err, customFieldRules())
	}
	return v, resp, nil
}
