package clockify

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
)

// ProfilesService reads and edits members' profiles: week start, daily work capacity, working
// days and custom fields, with Clockify's documented rules checked and named.
type ProfilesService service

// Profile is a member's profile in a workspace.
type Profile struct {
	Email    string `json:"email"`
	Name     string `json:"name"`
	ImageURL string `json:"imageUrl"`
	// HasPassword reports whether the user signs in with a password.
	HasPassword bool `json:"hasPassword"`
	// HasPendingApprovalRequest is true while the member has approval requests pending;
	// WeekStart cannot change then.
	HasPendingApprovalRequest bool    `json:"hasPendingApprovalRequest"`
	WeekStart                 Weekday `json:"weekStart,omitempty"`
	// WorkCapacity is the member's daily work capacity.
	WorkCapacity Duration   `json:"workCapacity"`
	WorkingDays  WeekdaySet `json:"workingDays"`
	// WorkspaceNumber is how many workspaces the member belongs to. Above 1, only
	// WorkCapacity and WorkingDays can be changed.
	WorkspaceNumber int `json:"workspaceNumber"`
	// CustomFields are the member's custom-field values, each with the field's definition.
	CustomFields []CustomFieldValue `json:"userCustomFieldValues"`
}

// ProfileUpdate is a partial change to a member's profile: only the fields set are sent, the
// rest stay as they are. Name, ImageURL and RemoveProfileImage apply to limited members only;
// a member in several workspaces can only have WorkCapacity and WorkingDays changed.
type ProfileUpdate struct {
	WeekStart *Weekday `json:"weekStart,omitempty"`
	// WorkCapacity is the daily work capacity, between 0 and 24 hours.
	WorkCapacity *Duration `json:"workCapacity,omitempty"`
	// WorkingDays, when set, must hold at least one day.
	WorkingDays *WeekdaySet `json:"workingDays,omitempty"`
	// CustomFields sets the values of the custom fields listed; others are left as they are.
	CustomFields []CustomFieldUpsert `json:"userCustomFields,omitempty"`
	// Name is a limited member's name (1 to 100 characters).
	Name *string `json:"name,omitempty"`
	// ImageURL is a limited member's picture, an absolute http(s) URL.
	ImageURL *string `json:"imageUrl,omitempty"`
	// RemoveProfileImage removes a limited member's picture.
	RemoveProfileImage bool `json:"removeProfileImage,omitempty"`
}

// validate refuses what Clockify would refuse, or what would be sent wrongly, before sending.
func (u *ProfileUpdate) validate() error {
	if u == nil {
		return &ValidationError{Field: "update", Reason: "must not be nil"}
	}
	if !u.setsAnything() {
		return &ValidationError{Field: "update", Reason: "sets nothing"}
	}
	if u.WeekStart != nil && !u.WeekStart.Valid() {
		return &ValidationError{Field: "WeekStart", Reason: fmt.Sprintf("unknown weekday %q", string(*u.WeekStart))}
	}
	if err := validateSchedule("", u.WorkCapacity, u.WorkingDays); err != nil {
		return err
	}
	if err := validateCustomFields("CustomFields", u.CustomFields); err != nil {
		return err
	}
	if u.Name != nil {
		if err := validateName("Name", *u.Name); err != nil {
			return err
		}
	}
	if u.ImageURL != nil {
		if *u.ImageURL == "" {
			return &ValidationError{Field: "ImageURL", Reason: "must not be empty (use RemoveProfileImage to remove the picture)"}
		}
		if p, err := url.Parse(*u.ImageURL); err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			return &ValidationError{Field: "ImageURL", Reason: fmt.Sprintf("%q is not an absolute http(s) URL", *u.ImageURL)}
		}
		if u.RemoveProfileImage {
			return &ValidationError{Field: "ImageURL", Reason: "cannot be set together with RemoveProfileImage"}
		}
	}
	return nil
}

func (u *ProfileUpdate) setsAnything() bool {
	return u.WeekStart != nil || u.WorkCapacity != nil || u.WorkingDays != nil || len(u.CustomFields) > 0 ||
		u.setsIdentity()
}

// setsIdentity reports whether u changes the name or picture, which only limited members allow.
func (u *ProfileUpdate) setsIdentity() bool {
	return u.Name != nil || u.ImageURL != nil || u.RemoveProfileImage
}

// setsMoreThanSchedule reports whether u changes anything besides work capacity and working
// days, the only fields a member in several workspaces may have changed.
func (u *ProfileUpdate) setsMoreThanSchedule() bool {
	return u.WeekStart != nil || len(u.CustomFields) > 0 || u.setsIdentity()
}

// onlyWeekStart reports whether u changes the week start and nothing else, which every plan
// allows.
func (u *ProfileUpdate) onlyWeekStart() bool {
	return u.WeekStart != nil && u.WorkCapacity == nil && u.WorkingDays == nil && len(u.CustomFields) == 0 && !u.setsIdentity()
}

func profilePath(workspaceID, userID string) string {
	return "v1/workspaces/" + url.PathEscape(workspaceID) + "/member-profile/" + url.PathEscape(userID)
}

// Get returns a member's profile.
//
// Clockify API: GET /v1/workspaces/{workspaceId}/member-profile/{userId}
func (s *ProfilesService) Get(ctx context.Context, workspaceID, userID string) (*Profile, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID, "userID", userID); err != nil {
		return nil, nil, err
	}
	return do[Profile](ctx, clientOf(s), op{method: http.MethodGet, path: profilePath(workspaceID, userID), retrySafe: true})
}

// Update changes the parts of a member's profile that u sets; unset fields are left as they
// are. It costs one request. Input Clockify would refuse (an update setting nothing, a
// capacity outside 0–24h, an empty set of working days, a name over 100 characters, ...) is a
// *ValidationError before anything is sent.
//
// When Clockify refuses the update with a 4xx, Update runs the diagnosis of Check and returns
// the *RestrictionError naming the rule Check would name (the same Code and sentinel:
// errors.Is(err, ErrPendingApprovals), ...) with the server's *APIError in its Err field, so the
// HTTP sentinel holds too (errors.Is(err, ErrForbidden) for ErrAdminOnly). When no rule applies,
// or a lookup of the diagnosis fails, it returns the *APIError itself.
//
// Clockify API: PATCH /v1/workspaces/{workspaceId}/member-profile/{userId}
func (s *ProfilesService) Update(ctx context.Context, workspaceID, userID string, u *ProfileUpdate) (*Profile, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID, "userID", userID); err != nil {
		return nil, nil, err
	}
	if err := u.validate(); err != nil {
		return nil, nil, err
	}
	p, resp, err := do[Profile](ctx, clientOf(s), op{method: http.MethodPatch, path: profilePath(workspaceID, userID), body: u, retrySafe: true})
	if err != nil {
		return nil, resp, clientOf(s).explain(ctx, workspaceID, userID, err, profileRules(u))
	}
	return p, resp, nil
}

// Check reports whether one of Clockify's documented rules blocks u, without changing
// anything (https://clockify.me/help/administration/edit-profiles). It returns the
// *RestrictionError of the first rule that blocks, or nil when none does. Nothing was sent, so
// its Err is nil and it matches no HTTP sentinel: a Check that names ErrAdminOnly is not
// ErrForbidden, while Update, refused with a 403 for the same rule, returns the same rule with
// the 403 attached. Input errors are a *ValidationError; a failed lookup returns that lookup's
// error.
//
// The rules, in the order they are checked:
//
//  0. ErrAdminOnly: the client's key belongs to neither the workspace owner nor an admin (team
//     and project managers cannot edit profiles either).
//  1. ErrPaidFeature: the workspace is on the FREE plan or lacks the EDIT_MEMBER_PROFILE
//     feature; custom fields also need USER_CUSTOM_FIELDS. An update of WeekStart alone is
//     exempt: the help centre says week start can be edited on every plan.
//  2. ErrMultipleWorkspaces: the member belongs to more than one workspace and u sets more
//     than WorkCapacity and WorkingDays.
//  3. ErrMemberInactive: the member is deactivated in the workspace.
//  4. ErrInvitationPending: the member has not accepted the invitation (membership PENDING,
//     or DECLINED).
//  5. ErrLimitedMemberOnly: u sets Name, ImageURL or RemoveProfileImage and the member is not
//     a limited member. (Clockify's pages name the owner rule first. The owner is never a
//     limited member, so checking this rule first lets one member search answer both: it
//     refuses every member who is not limited, the owner included, and a limited member is
//     not the owner.)
//  6. ErrOwnerProfile: the member is the workspace owner.
//  7. ErrPendingApprovals: u changes WeekStart (sets it to another day than the current one)
//     while the member has pending approval requests.
//
// Check costs at most three requests, besides one to learn the caller's rights that the Client
// makes once per workspace (GET /v1/workspaces?roles=WORKSPACE_ADMIN&roles=OWNER): the
// workspace (plan, features, membership statuses), the member's profile, and one member search (by email or name to learn the account status
// when u sets name or picture fields, otherwise by the OWNER role). It stops at the first rule
// that blocks. A fact Clockify does not send (a workspace listing no features, a member the
// search does not find) blocks nothing.
//
// Clockify API: GET /v1/workspaces/{workspaceId}/member-profile/{userId},
// GET /v1/workspaces/{workspaceId}, GET /v1/workspaces, POST /v1/workspaces/{workspaceId}/users/info
func (s *ProfilesService) Check(ctx context.Context, workspaceID, userID string, u *ProfileUpdate) error {
	if err := requireIDs("workspaceID", workspaceID, "userID", userID); err != nil {
		return err
	}
	if err := u.validate(); err != nil {
		return err
	}
	return clientOf(s).blockedBy(ctx, workspaceID, userID, profileRules(u))
}
