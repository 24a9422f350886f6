package clockify

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"
)

// WebhooksService manages a workspace's webhooks: the URLs Clockify POSTs an event to when it
// happens (a member joins, is deactivated, a group is renamed, ...). Receiving them is
// ParseWebhook and WebhookHandler.
//
// Clockify allows 3 webhooks per workspace on the Free plan, and 10 per user and 100 per
// workspace on paid plans (https://clockify.me/help/getting-started/webhook-and-api-limitations);
// a Create refused at a limit comes back as a *RestrictionError (ErrWebhookWorkspaceLimit or
// ErrWebhookUserLimit, both matching ErrWebhookLimit).
type WebhooksService service

// WebhookRequest is a webhook to create, or what to replace one with (Update sends the whole
// webhook, not a patch).
type WebhookRequest struct {
	// Name is optional; when set, 2 to 30 characters.
	Name string `json:"name,omitempty"`
	// URL is where Clockify POSTs the events: an absolute http or https URL reachable from
	// the internet.
	URL   string           `json:"url"`
	Event WebhookEventType `json:"webhookEvent"`
	// TriggerSource are the ids the events are narrowed to, of the kind TriggerSourceType
	// says. For a workspace-wide webhook: TriggerWorkspace and the workspace's own id
	// (WorkspaceWebhook builds one).
	TriggerSource     []string          `json:"triggerSource"`
	TriggerSourceType TriggerSourceType `json:"triggerSourceType"`
}

// WorkspaceWebhook is the request of a webhook for every event of this kind in the workspace.
func WorkspaceWebhook(workspaceID, name, url string, event WebhookEventType) *WebhookRequest {
	return &WebhookRequest{Name: name, URL: url, Event: event, TriggerSource: []string{workspaceID}, TriggerSourceType: TriggerWorkspace}
}

// Webhook name length limits, in characters.
const (
	MinWebhookName = 2
	MaxWebhookName = 30
)

// validate checks w for a webhook of workspaceID.
func (w *WebhookRequest) validate(workspaceID string) error {
	if w == nil {
		return &ValidationError{Field: "webhook", Reason: "must not be nil"}
	}
	if n := utf8.RuneCountInString(w.Name); w.Name != "" && (n < MinWebhookName || n > MaxWebhookName || strings.TrimSpace(w.Name) == "") {
		return &ValidationError{Field: "Name", Reason: fmt.Sprintf("has %d characters; when set it needs %d to %d, not all spaces", n, MinWebhookName, MaxWebhookName)}
	}
	if err := validateNameChars("Name", w.Name); err != nil {
		return err
	}
	if err := validateWebhookURL(w.URL); err != nil {
		return err
	}
	switch {
	case w.Event == "":
		return &ValidationError{Field: "Event", Reason: "must be set"}
	case !w.Event.Valid():
		return &ValidationError{Field: "Event", Reason: fmt.Sprintf("unknown webhook event %q", string(w.Event))}
	case w.TriggerSourceType == "":
		return &ValidationError{Field: "TriggerSourceType", Reason: "must be set (TriggerWorkspace for every event of the workspace)"}
	case !w.TriggerSourceType.Valid():
		return &ValidationError{Field: "TriggerSourceType", Reason: fmt.Sprintf("unknown trigger source type %q", string(w.TriggerSourceType))}
	case len(w.TriggerSource) == 0:
		return &ValidationError{Field: "TriggerSource", Reason: "must hold at least one id"}
	}
	if allowed, ok := memberEventSources[w.Event]; ok && !containsSource(allowed, w.TriggerSourceType) {
		return &ValidationError{Field: "TriggerSourceType", Reason: fmt.Sprintf("%s events are narrowed by %s, not %s", w.Event, joinSources(allowed), w.TriggerSourceType)}
	}
	if err := validateIDSet("TriggerSource", "trigger source", w.TriggerSource); err != nil {
		return err
	}
	if w.TriggerSourceType == TriggerWorkspace && (len(w.TriggerSource) != 1 || w.TriggerSource[0] != workspaceID) {
		return &ValidationError{Field: "TriggerSource", Reason: fmt.Sprintf("with WORKSPACE_ID it must hold exactly the workspace's id %s", workspaceID)}
	}
	return nil
}

// validateWebhookURL accepts an absolute http or https URL with a host.
func validateWebhookURL(raw string) error {
	u, err := url.Parse(raw)
	switch {
	case strings.TrimSpace(raw) == "":
		return &ValidationError{Field: "URL", Reason: "must not be empty"}
	case err != nil:
		return &ValidationError{Field: "URL", Reason: "is not a URL"}
	case u.Scheme != "http" && u.Scheme != "https":
		// The URL is not quoted back: a receiver's URL may carry a secret of its own.
		return &ValidationError{Field: "URL", Reason: "must be an absolute http or https URL"}
	case u.Host == "" || u.User != nil:
		return &ValidationError{Field: "URL", Reason: "needs a host and no user information"}
	}
	return nil
}

// Webhook is a webhook as Clockify has it. AuthToken is the secret Clockify sends in the
// Clockify-Signature header of every delivery: pass it to ParseWebhook. Printing a Webhook
// (%v, %+v, %#v, String) shows the token's Fingerprint, never the token.
type Webhook struct {
	ID                string            `json:"id"`
	Name              string            `json:"name"`
	URL               string            `json:"url"`
	UserID            string            `json:"userId"`
	WorkspaceID       string            `json:"workspaceId"`
	Event             WebhookEventType  `json:"webhookEvent"`
	TriggerSource     []string          `json:"triggerSource"`
	TriggerSourceType TriggerSourceType `json:"triggerSourceType"`
	AuthToken         string            `json:"authToken"`
	Enabled           bool              `json:"enabled"`
	// DeliveryEnabled turns false after too many failed deliveries; Clockify then stops
	// sending until the webhook is updated.
	DeliveryEnabled bool `json:"deliveryEnabled"`
	// PlanEnabled is false when the workspace's plan no longer allows the webhook.
	PlanEnabled bool `json:"planEnabled"`
}

// String describes the webhook with its token's fingerprint in place of the token.
func (w Webhook) String() string {
	token := ""
	if w.AuthToken != "" {
		token = Fingerprint(w.AuthToken)
	}
	return fmt.Sprintf("clockify.Webhook{ID: %s, Name: %q, URL: %s, Event: %s, TriggerSourceType: %s, TriggerSource: %v, AuthToken: %s, Enabled: %t, DeliveryEnabled: %t}",
		w.ID, w.Name, w.URL, w.Event, w.TriggerSourceType, w.TriggerSource, token, w.Enabled, w.DeliveryEnabled)
}

// GoString is String, so %#v does not print the token.
func (w Webhook) GoString() string { return w.String() }

// Format keeps every fmt verb on the redacted String.
func (w Webhook) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, w.String()) }

// WebhookListType selects which webhooks List returns.
type WebhookListType string

// Kinds of webhook in the list's type filter.
const (
	// WebhooksUserCreated are the webhooks made by users (in the app or by API).
	WebhooksUserCreated WebhookListType = "USER_CREATED"
	WebhooksSystem      WebhookListType = "SYSTEM"
	// WebhooksAddon are the webhooks of installed add-ons.
	WebhooksAddon WebhookListType = "ADDON"
)

// Valid reports whether t is a type the list filter knows.
func (t WebhookListType) Valid() bool {
	return t == WebhooksUserCreated || t == WebhooksSystem || t == WebhooksAddon
}

// ListWebhooksOptions filters the webhook list. The list is not paged.
type ListWebhooksOptions struct {
	// Type is "" for Clockify's default, or one kind of webhook.
	Type WebhookListType `url:"type,omitempty"`
}

// webhookList is the list's envelope.
type webhookList struct {
	Webhooks []*Webhook `json:"webhooks"`
	// Count is every webhook of the workspace, whatever the filter.
	Count int `json:"workspaceWebhookCount"`
}

func webhooksPath(workspaceID string) string {
	return "v1/workspaces/" + url.PathEscape(workspaceID) + "/webhooks"
}

func webhookPath(workspaceID, webhookID string) string {
	return webhooksPath(workspaceID) + "/" + url.PathEscape(webhookID)
}

// List returns the workspace's webhooks (all of them, in one request; the list is not paged).
//
// Clockify API: GET /v1/workspaces/{workspaceId}/webhooks
func (s *WebhooksService) List(ctx context.Context, workspaceID string, opts *ListWebhooksOptions) ([]*Webhook, *Response, error) {
	l, resp, err := s.list(ctx, workspaceID, opts)
	if err != nil {
		return nil, resp, err
	}
	return l.Webhooks, resp, nil
}

func (s *WebhooksService) list(ctx context.Context, workspaceID string, opts *ListWebhooksOptions) (*webhookList, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID); err != nil {
		return nil, nil, err
	}
	q := orZero(opts)
	if err := checkEnum("Type", "webhook list type", q.Type); err != nil {
		return nil, nil, err
	}
	return do[webhookList](ctx, clientOf(s), op{method: http.MethodGet, path: webhooksPath(workspaceID), query: &q, retrySafe: true})
}

// Get returns one webhook, its AuthToken included. An unknown id matches ErrNotFound.
//
// Clockify API: GET /v1/workspaces/{workspaceId}/webhooks/{webhookId}
func (s *WebhooksService) Get(ctx context.Context, workspaceID, webhookID string) (*Webhook, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID, "webhookID", webhookID); err != nil {
		return nil, nil, err
	}
	return do[Webhook](ctx, clientOf(s), op{method: http.MethodGet, path: webhookPath(workspaceID, webhookID), retrySafe: true})
}

// Create makes a webhook and returns it with its AuthToken. w is checked before sending: an
// absolute http(s) URL, a known event, a trigger source of the right kind (the workspace's own
// id for TriggerWorkspace), a name of 2 to 30 characters when set. A refusal at one of
// Clockify's webhook limits comes back as a *RestrictionError (errors.Is(err, ErrWebhookLimit)),
// found with two more requests after the refusal.
//
// Create is not repeated after the server may have acted (a 5xx or a dropped connection): a
// second attempt could make a second webhook. List before calling it again.
//
// Clockify API: POST /v1/workspaces/{workspaceId}/webhooks
func (s *WebhooksService) Create(ctx context.Context, workspaceID string, w *WebhookRequest) (*Webhook, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID); err != nil {
		return nil, nil, err
	}
	if err := w.validate(workspaceID); err != nil {
		return nil, nil, err
	}
	hook, resp, err := do[Webhook](ctx, clientOf(s), op{method: http.MethodPost, path: webhooksPath(workspaceID), body: w})
	if err != nil {
		return nil, resp, clientOf(s).explain(ctx, workspaceID, "", err, webhookLimitRules())
	}
	return hook, resp, nil
}

// Update replaces the webhook with w (checked as for Create) and returns it. Clockify turns
// delivery back on when a webhook is updated. An unknown id matches ErrNotFound.
//
// Clockify API: PUT /v1/workspaces/{workspaceId}/webhooks/{webhookId}
func (s *WebhooksService) Update(ctx context.Context, workspaceID, webhookID string, w *WebhookRequest) (*Webhook, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID, "webhookID", webhookID); err != nil {
		return nil, nil, err
	}
	if err := w.validate(workspaceID); err != nil {
		return nil, nil, err
	}
	return do[Webhook](ctx, clientOf(s), op{method: http.MethodPut, path: webhookPath(workspaceID, webhookID), body: w, retrySafe: true})
}

// Delete deletes the webhook; nothing is delivered to it afterwards. An unknown id matches
// ErrNotFound; since a lost answer is retried, a webhook deleted by the first attempt can also
// end in ErrNotFound.
//
// Clockify API: DELETE /v1/workspaces/{workspaceId}/webhooks/{webhookId}
func (s *WebhooksService) Delete(ctx context.Context, workspaceID, webhookID string) (*Response, error) {
	if err := requireIDs("workspaceID", workspaceID, "webhookID", webhookID); err != nil {
		return nil, err
	}
	return clientOf(s).call(ctx, op{method: http.MethodDelete, path: webhookPath(workspaceID, webhookID), retrySafe: true})
}

// RegenerateToken gives the webhook a new AuthToken and returns the webhook with it; the old
// token stops being sent at once. Deliveries already under way may still carry the old one,
// so a receiver should accept both for a while: ParseWebhook(r, newToken, oldToken).
//
// Clockify API: PATCH /v1/workspaces/{workspaceId}/webhooks/{webhookId}/token
func (s *WebhooksService) RegenerateToken(ctx context.Context, workspaceID, webhookID string) (*Webhook, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID, "webhookID", webhookID); err != nil {
		return nil, nil, err
	}
	// Repeating it after a lost answer makes one more token, which the answer then carries.
	return do[Webhook](ctx, clientOf(s), op{method: http.MethodPatch, path: webhookPath(workspaceID, webhookID) + "/token", retrySafe: true})
}
