package clockify

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Sentinel errors for the kinds of failure Clockify reports. Match them with errors.Is; an
// *APIError (and a *RestrictionError wrapping one) matches every one of these that applies. They
// say what the answer was (a 403, a 404), not which product rule caused it: see the rule
// sentinels below.
var (
	// ErrInvalidInput: the request was refused before sending; see *ValidationError.
	ErrInvalidInput = errors.New("clockify: invalid input")
	// ErrUnauthorized: HTTP 401, whatever the reason.
	ErrUnauthorized = errors.New("clockify: unauthorized")
	// ErrInvalidAPIKey: the X-Api-Key is unknown or was deleted (401, code 4003). Keys are
	// per region and per subdomain: a key of one does not exist on another.
	ErrInvalidAPIKey = errors.New("clockify: API key does not exist")
	// ErrInvalidAddonToken: the X-Addon-Token is not valid (401, code 4017).
	ErrInvalidAddonToken = errors.New("clockify: addon token is not valid")
	// ErrAuthConflict: no credential, two credentials, or an Authorization header was sent
	// (401, code 1000). The client never does this by itself.
	ErrAuthConflict = errors.New("clockify: exactly one credential header is required")
	// ErrForbidden: HTTP 403; the credential's user lacks the permission.
	ErrForbidden = errors.New("clockify: forbidden")
	// ErrNotFound: the entity does not exist or is in another workspace. Clockify answers
	// HTTP 400 with code 501 ("… doesn't belong to Workspace") for this, not 404.
	ErrNotFound = errors.New("clockify: not found")
	// ErrRouteNotFound: HTTP 404 with code 3000; the path does not exist (wrong base URL?).
	ErrRouteNotFound = errors.New("clockify: no such route")
	// ErrMethodNotAllowed: HTTP 405; the route exists but not with this verb.
	ErrMethodNotAllowed = errors.New("clockify: method not allowed")
	// ErrRateLimited: HTTP 429, after the client's retries were used up.
	ErrRateLimited = errors.New("clockify: rate limited")
	// ErrServer: HTTP 5xx, after the client's retries (if the call was safe to retry).
	ErrServer = errors.New("clockify: server error")
)

// Sentinel errors for Clockify's documented product rules. The SDK returns a rule sentinel only
// inside a *RestrictionError (never bare, never matched by an *APIError by itself): it names the
// rule (Code, a stable RuleCode), the member and, when the server refused, its *APIError. So for
// the error of one call, errors.Is(err, ErrPendingApprovals) is the same test as RuleOf(err) ==
// RulePendingApprovals.
var (
	// ErrPaidFeature: the change needs a paid plan or a feature flag the workspace lacks
	// (profile editing, custom fields, manager roles, cost rates, invites by API).
	ErrPaidFeature = errors.New("clockify: feature not available on this workspace's plan")
	// ErrMultipleWorkspaces: the member belongs to more than one workspace, so only work
	// capacity and working days of their profile can be changed.
	ErrMultipleWorkspaces = errors.New("clockify: member belongs to more than one workspace")
	// ErrMemberInactive: the member is deactivated in this workspace.
	ErrMemberInactive = errors.New("clockify: member is inactive")
	// ErrInvitationPending: the member has not accepted the invitation yet.
	ErrInvitationPending = errors.New("clockify: invitation not accepted yet")
	// ErrOwnerProfile: the workspace owner's profile cannot be edited.
	ErrOwnerProfile = errors.New("clockify: the owner's profile cannot be edited")
	// ErrPendingApprovals: week start cannot change while the member has pending approvals.
	ErrPendingApprovals = errors.New("clockify: member has pending approval requests")
	// ErrLimitedMemberOnly: name and image can be changed only for limited members; full users
	// change them in their CAKE.com account.
	ErrLimitedMemberOnly = errors.New("clockify: only limited members' name and image can be changed")
	// ErrAdminOnly: only the workspace owner and its admins may do this (invite, add limited
	// members, activate or deactivate, set rates, manage groups and custom-field values, edit
	// profiles, assign or remove roles); the client's API key belongs to another member, team
	// and project managers included. Run it with an Admin's or the Owner's API key.
	ErrAdminOnly = errors.New("clockify: this operation needs a workspace Admin's or the Owner's API key")
	// ErrOwnerOnly: only the workspace owner may do this (remove the admin role, deactivate an
	// admin).
	ErrOwnerOnly = errors.New("clockify: only the workspace owner can do this")
	// ErrOwnerImmutable: the owner cannot be deactivated or removed.
	ErrOwnerImmutable = errors.New("clockify: the workspace owner cannot be deactivated or removed")
	// ErrMustDeactivateFirst: a member must be deactivated before removal.
	ErrMustDeactivateFirst = errors.New("clockify: member must be deactivated first")
	// ErrRemovedInCAKE: Clockify cannot remove members by API; remove them on the CAKE.com
	// account's Members page after deactivating them in every workspace.
	ErrRemovedInCAKE = errors.New("clockify: members are removed in the CAKE.com account, not by API")
)

// Error codes Clockify puts in error bodies ({"message": ..., "code": ...}). The API reference
// (https://docs.clockify.me/) declares no error answers, so these are the codes Clockify's
// servers are seen to send.
const (
	codeAuthConflict     = 1000
	codeInvalidAPIKey    = 4003
	codeInvalidAddon     = 4017
	codeNotInWorkspace   = 501
	codeGenericRejection = 3000
)

// maxErrorMessage bounds how much of an error body is kept, since Clockify's messages can echo
// request data and non-JSON bodies (a proxy's HTML page) can be large.
const maxErrorMessage = 512

// APIError is an error answer from Clockify. Code is Clockify's own code from the body (0 when
// absent); Message may echo submitted values, but never the client's credential (it is
// replaced by its Fingerprint). RetryAfter is set on 429 and 503 when the server said how long
// to wait, read as a wait between 0 and 24 h (an unreadable value is 0). errors.Is matches it
// against the HTTP sentinels above (ErrForbidden, ErrNotFound, ...) by status and code, never
// against a rule sentinel: a rule refusal is a *RestrictionError that wraps the *APIError.
type APIError struct {
	StatusCode int
	Code       int
	Message    string
	Method     string
	Path       string
	RetryAfter time.Duration
	// Attempts is how many times the call was sent before this answer (1 unless retried).
	Attempts int
}

func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString("clockify: ")
	if e.Method != "" {
		b.WriteString(e.Method)
		b.WriteByte(' ')
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(strconv.Itoa(e.StatusCode))
	if t := http.StatusText(e.StatusCode); t != "" {
		b.WriteByte(' ')
		b.WriteString(t)
	}
	if e.Code != 0 {
		b.WriteString(" (code ")
		b.WriteString(strconv.Itoa(e.Code))
		b.WriteByte(')')
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	if e.Attempts > 1 {
		b.WriteString(" (after ")
		b.WriteString(strconv.Itoa(e.Attempts))
		b.WriteString(" attempts)")
	}
	return b.String()
}

// Is maps the answer to the HTTP sentinels (ErrUnauthorized … ErrServer); it matches no rule
// sentinel.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrUnauthorized:
		return e.StatusCode == http.StatusUnauthorized
	case ErrInvalidAPIKey:
		return e.StatusCode == http.StatusUnauthorized && e.Code == codeInvalidAPIKey
	case ErrInvalidAddonToken:
		return e.StatusCode == http.StatusUnauthorized && e.Code == codeInvalidAddon
	case ErrAuthConflict:
		return e.StatusCode == http.StatusUnauthorized && e.Code == codeAuthConflict
	case ErrForbidden:
		return e.StatusCode == http.StatusForbidden
	case ErrNotFound:
		if e.StatusCode == http.StatusBadRequest {
			return e.Code == codeNotInWorkspace || strings.Contains(e.Message, "doesn't belong to")
		}
		return e.StatusCode == http.StatusNotFound && e.Code != codeGenericRejection
	case ErrRouteNotFound:
		return e.StatusCode == http.StatusNotFound && e.Code == codeGenericRejection
	case ErrMethodNotAllowed:
		return e.StatusCode == http.StatusMethodNotAllowed
	case ErrRateLimited:
		return e.StatusCode == http.StatusTooManyRequests
	case ErrServer:
		return e.StatusCode >= 500
	}
	return false
}

// removedInCAKE reports whether e is Clockify's answer to a member removal, "User is migrated to
// Cake. Use Cake to remove user from workspace" (400), which the SDK reports as ErrRemovedInCAKE.
func (e *APIError) removedInCAKE() bool {
	return e.StatusCode == http.StatusBadRequest && strings.Contains(e.Message, "Use Cake to remove")
}

// parseErrorBody builds an *APIError from a status and body. It accepts Clockify's
// {"message","code"} form, the old {"description","code"} form, a code sent as a string, and
// any other body, which is kept (truncated) as the message. Each of secrets is replaced by its
// fingerprint in the message once JSON escapes are undone ("\/", "\u002b" spell a key's
// characters too), before the message is cut.
func parseErrorBody(status int, body []byte, secrets ...string) *APIError {
	e := &APIError{StatusCode: status}
	var w struct {
		Message     string          `json:"message"`
		Description string          `json:"description"`
		Error       string          `json:"error"`
		Code        json.RawMessage `json:"code"`
	}
	trimmed := strings.TrimSpace(string(body))
	if strings.HasPrefix(trimmed, "{") && json.Unmarshal(body, &w) == nil {
		e.Message = w.Message
		if e.Message == "" {
			e.Message = w.Description
		}
		if e.Message == "" {
			e.Message = w.Error
		}
		e.Code = parseCode(w.Code)
	} else {
		e.Message = trimmed
	}
	for _, secret := range secrets {
		if secret != "" {
			e.Message = strings.ReplaceAll(e.Message, secret, Fingerprint(secret))
		}
	}
	e.Message = truncate(e.Message, maxErrorMessage)
	return e
}

func parseCode(raw json.RawMessage) int {
	if len(raw) == 0 {
		return 0
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		if i, err := n.Int64(); err == nil && i >= 0 && i <= 1<<31-1 {
			return int(i)
		}
		return 0
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if i, err := strconv.Atoi(strings.TrimSpace(s)); err == nil && i >= 0 {
			return i
		}
	}
	return 0
}

// truncate cuts s to at most n bytes, a trailing "…" included, without splitting a UTF-8
// sequence.
func truncate(s string, n int) string {
	const ellipsis = "…"
	if len(s) <= n {
		return s
	}
	cut := n - len(ellipsis)
	if cut <= 0 {
		return ""
	}
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + ellipsis
}

// RestrictionError reports that one of Clockify's documented product rules blocks a change. It
// is the only shape a rule refusal takes, whether the SDK found the rule before sending anything
// (Profiles.Check, Members.Remove, a roster plan) or named it after Clockify refused (every write):
//
//   - Code() is the rule's stable RuleCode ("pending_approvals"), for programs and logs;
//   - errors.Is(err, ErrPendingApprovals) matches the rule's sentinel, which Rule holds;
//   - Err is nil when nothing was refused by the server (the SDK found the rule before sending,
//     or read it from a successful answer, as RunningTimer does); when Clockify refused, Err is
//     its *APIError, so errors.As(err, &apiErr) reaches it and errors.Is(err, ErrForbidden) (or
//     ErrNotFound, ...) holds as it would for the bare answer. StatusCode tells the two apart.
//
// UserID is the member the rule is about ("" for a member not yet created); Detail says, for
// people, why the rule applies.
type RestrictionError struct {
	Rule   error
	UserID string
	Detail string
	Err    *APIError // nil when nothing was sent
}

// StatusCode is the HTTP status of the server's refusal, or 0 when the SDK refused before
// sending (Err is nil) or e is nil.
func (e *RestrictionError) StatusCode() int {
	if e == nil || e.Err == nil {
		return 0
	}
	return e.Err.StatusCode
}

// Error is Detail, or the rule's own message when Detail is empty, under one "clockify: "
// prefix.
func (e *RestrictionError) Error() string {
	msg := strings.TrimPrefix(e.Detail, "clockify: ")
	if msg == "" && e.Rule != nil {
		msg = strings.TrimPrefix(e.Rule.Error(), "clockify: ")
	}
	if msg == "" {
		msg = "refused by one of Clockify's rules"
	}
	return "clockify: " + msg
}

// Unwrap returns the rule and, when the server answered, its *APIError.
func (e *RestrictionError) Unwrap() []error {
	errs := make([]error, 0, 2)
	if e.Rule != nil {
		errs = append(errs, e.Rule)
	}
	if e.Err != nil {
		errs = append(errs, e.Err)
	}
	return errs
}

// wrapError gives an error the context the caller lacks under one "clockify: " prefix:
// "clockify: <context>: <the error's message without its own prefix>". errors.Is and errors.As
// see the wrapped error.
type wrapError struct {
	context string
	err     error
}

func (e *wrapError) Error() string {
	return "clockify: " + e.context + ": " + strings.TrimPrefix(e.err.Error(), "clockify: ")
}

func (e *wrapError) Unwrap() error { return e.err }

// wrapf is fmt.Errorf("clockify: "+format+": %w", args..., err) without the doubled prefix
// ("clockify: … : clockify: not found") that the package's own errors would give it.
func wrapf(err error, format string, args ...any) error {
	return &wrapError{context: fmt.Sprintf(format, args...), err: err}
}

// ValidationError reports input the SDK refused before sending anything: an empty id, an
// unknown enum value, a capacity outside 0–24h. errors.Is(err, ErrInvalidInput) is true.
type ValidationError struct {
	Field  string
	Reason string
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("clockify: invalid %s: %s", e.Field, e.Reason)
}

// Is makes every *ValidationError match ErrInvalidInput.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalidInput }

var (
	// ErrKeyOwnerMismatch: Rotate was given a key that belongs to another user than the
	// client's current key; the client keeps its current key.
	ErrKeyOwnerMismatch = errors.New("clockify: API key belongs to another user")
	// ErrKeyOwnerUnknown: Rotate could not tell whose the current key is, because Clockify no
	// longer accepts it and no earlier Verify or Rotate recorded its user, so it cannot check
	// that the new key belongs to the same user. The client keeps its current key; call Verify
	// when the client starts, or make a new Client with the new key.
	ErrKeyOwnerUnknown = errors.New("clockify: the current API key's user is unknown")
)

var (
	// ErrResponseTooLarge: a success body was larger than the client's limit
	// (DefaultMaxResponseBytes, or WithMaxResponseBytes). Nothing of it is returned.
	ErrResponseTooLarge = errors.New("clockify: response body too large")
	// ErrEmptyResponse: Clockify answered 2xx with an empty body or JSON null where the call
	// expects an object or a list. A zero value is never returned in its place.
	ErrEmptyResponse = errors.New("clockify: empty response")
)

// ErrNoClient is returned by the methods of a nil *Client, or of one not made by NewClient
// (a zero clockify.Client{}): create clients with NewClient or NewClientFromEnv.
var ErrNoClient = errors.New("clockify: client not created by NewClient; use clockify.NewClient")

// ErrGroupExists: Clockify refuses a user group whose name another group of the workspace
// already has. Like the other rule sentinels it comes in a *RestrictionError
// (RuleGroupExists).
var ErrGroupExists = errors.New("clockify: a user group with this name already exists")

// ErrPageRepeated is returned by an iterator when a page brings no item it has not already
// yielded: a server ignoring the page parameter, or pages that cycle (A, B, A, B …). Iterating
// stops there rather than looping forever. Items a page repeats from earlier pages (as offset
// paging does when members are added meanwhile) are skipped, so an iterator never yields the
// same item twice.
var ErrPageRepeated = errors.New("clockify: a page brought no items not already seen")

// ErrStalePlan reports that the workspace changed after the plan was made, so an action was
// not applied: its member no longer is as the plan saw them. Plan again.
var ErrStalePlan = errors.New("clockify: roster plan is stale")

// ErrEarlierActionFailed marks the actions of a member that were not attempted because an
// earlier action of the same member failed; planning again shows what is left.
var ErrEarlierActionFailed = errors.New("clockify: not attempted after an earlier action of the member failed")

// Sentinel errors of the running-timer rules. Like the other rule sentinels they come in a
// *RestrictionError (RuleNoRunningTimer, RuleEndBeforeStart).
var (
	// ErrNoRunningTimer: the member has no timer running. When Clockify answered with an error
	// for it (StopTimer: 404 with code 404) the *RestrictionError's Err is that answer, so
	// errors.Is(err, ErrNotFound) holds as well; when the SDK found no running timer in a
	// successful answer (RunningTimer), Err is nil.
	ErrNoRunningTimer = errors.New("clockify: member has no running timer")
	// ErrEndBeforeStart: the end given to StopTimer is before the running entry's start
	// (Clockify refuses with a 400).
	ErrEndBeforeStart = errors.New("clockify: a time entry cannot end before it starts")
)

// ErrRedirectElsewhere: Clockify's answer redirected the request to another scheme or host
// than the configured one. The redirect is not followed, so neither the request's body (an
// invitee's email, say) nor the credential reaches that host, and no answer from it is taken
// for Clockify's.
var ErrRedirectElsewhere = errors.New("clockify: redirect to another host refused")

// ErrAmbiguousName: a lookup by name found more than one match, so it cannot pick one.
var ErrAmbiguousName = errors.New("clockify: more than one match for this name")

var (
	// ErrWebhookSignature: the delivery's Clockify-Signature header is missing or matches none of
	// the tokens given. It was not sent by Clockify for this webhook (or the token was
	// regenerated and the receiver does not know the new one yet).
	ErrWebhookSignature = errors.New("clockify: webhook signature does not match any token")
	// ErrWebhookTooLarge: the delivery's body is longer than MaxWebhookBody.
	ErrWebhookTooLarge = errors.New("clockify: webhook body is too large")
	// ErrWebhookMalformed: the delivery is not a webhook as Clockify sends them (no event type,
	// a body that is not JSON, a body naming another event than the header).
	ErrWebhookMalformed = errors.New("clockify: malformed webhook delivery")
	// ErrWebhookEventType: an accessor of WebhookEvent was called for an event of another kind
	// (User on a USER_GROUP_CREATED event, ...).
	ErrWebhookEventType = errors.New("clockify: webhook event is not of this kind")
)

// ErrWebhookLimit matches both webhook limits, ErrWebhookWorkspaceLimit and ErrWebhookUserLimit.
var ErrWebhookLimit error = &webhookLimit{msg: "clockify: webhook limit reached"}

// Clockify's webhook limits (https://clockify.me/help/getting-started/webhook-and-api-limitations):
// 3 webhooks per workspace on the Free plan, 10 per user and 100 per workspace on paid plans
// (100 and 300 on Enterprise). Clockify refuses the webhook beyond a limit without saying
// which; Webhooks.Create names it, counting the workspace's webhooks and the caller's own.
var (
	// ErrWebhookWorkspaceLimit: the workspace has as many webhooks as its plan allows.
	ErrWebhookWorkspaceLimit error = &webhookLimit{msg: "clockify: the workspace has as many webhooks as its plan allows"}
	// ErrWebhookUserLimit: the caller has made as many webhooks as one user may.
	ErrWebhookUserLimit error = &webhookLimit{msg: "clockify: this user has made as many webhooks as one user may"}
)

// webhookLimit is a webhook limit rule; every one matches ErrWebhookLimit as well as itself.
type webhookLimit struct{ msg string }

func (e *webhookLimit) Error() string { return e.msg }

func (e *webhookLimit) Is(target error) bool { return target == ErrWebhookLimit }
