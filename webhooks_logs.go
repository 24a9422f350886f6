package clockify

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// WebhookLogStatus filters a webhook's delivery log.
type WebhookLogStatus string

// Delivery log filters.
const (
	WebhookLogAll       WebhookLogStatus = "ALL"
	WebhookLogSucceeded WebhookLogStatus = "SUCCEEDED"
	WebhookLogFailed    WebhookLogStatus = "FAILED"
)

// Valid reports whether s is a log filter Clockify knows.
func (s WebhookLogStatus) Valid() bool {
	return s == WebhookLogAll || s == WebhookLogSucceeded || s == WebhookLogFailed
}

// WebhookLogsOptions selects deliveries from a webhook's log. Clockify keeps 7 days of it.
type WebhookLogsOptions struct {
	// From and To bound the deliveries' time; zero leaves a side open. They are sent in UTC
	// to the second, as Clockify's dates are.
	From, To time.Time
	// Status is "" (Clockify's default), or one of the WebhookLog* filters.
	Status       WebhookLogStatus
	SortByNewest bool
	// Page is 0-based here, unlike every other paged list of the API: 0 is the first page.
	Page int
	// PageSize is 0 for Clockify's default (50), at most MaxPageSize.
	PageSize int
}

func (o *WebhookLogsOptions) validate() error {
	switch {
	case o.Page < 0:
		return &ValidationError{Field: "Page", Reason: "must be 0 or more (webhook log pages are 0-based)"}
	case o.PageSize < 0 || o.PageSize > MaxPageSize:
		return &ValidationError{Field: "PageSize", Reason: fmt.Sprintf("must be between 1 and %d", MaxPageSize)}
	case !o.From.IsZero() && !o.To.IsZero() && o.To.Before(o.From):
		return &ValidationError{Field: "To", Reason: "is before From"}
	}
	return checkEnum("Status", "webhook log status", o.Status)
}

// WebhookLog is one delivery of a webhook as Clockify logged it.
type WebhookLog struct {
	ID                   string `json:"id"`
	WebhookID            string `json:"webhookId"`
	WebhookEventStatusID string `json:"webhookEventStatusId"`
	// StatusCode is the receiver's HTTP status.
	StatusCode   int       `json:"statusCode"`
	RequestBody  string    `json:"requestBody"`
	ResponseBody string    `json:"responseBody"`
	RespondedAt  time.Time `json:"respondedAt"`
}

// Logs returns one page of the webhook's delivery log. Note that its opts.Page is 0-based
// (the first page is 0), unlike the rest of Clockify's API.
//
// Clockify API: POST /v1/workspaces/{workspaceId}/webhooks/{webhookId}/logs?page=0&size=50
func (s *WebhooksService) Logs(ctx context.Context, workspaceID, webhookID string, opts *WebhookLogsOptions) ([]*WebhookLog, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID, "webhookID", webhookID); err != nil {
		return nil, nil, err
	}
	o := orZero(opts)
	if err := o.validate(); err != nil {
		return nil, nil, err
	}
	q := url.Values{"page": {fmt.Sprint(o.Page)}}
	if o.PageSize > 0 {
		q.Set("size", fmt.Sprint(o.PageSize))
	}
	body := struct {
		From         string           `json:"from,omitempty"`
		To           string           `json:"to,omitempty"`
		Status       WebhookLogStatus `json:"status,omitempty"`
		SortByNewest bool             `json:"sortByNewest"`
	}{Status: o.Status, SortByNewest: o.SortByNewest}
	if !o.From.IsZero() {
		body.From = o.From.UTC().Format(time.RFC3339)
	}
	if !o.To.IsZero() {
		body.To = o.To.UTC().Format(time.RFC3339)
	}
	// It only reads, so it is retried like a GET.
	return doList[WebhookLog](ctx, clientOf(s), op{method: http.MethodPost, path: webhookPath(workspaceID, webhookID) + "/logs",
		query: q, body: body, retrySafe: true})
}
