package clockifytest

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Webhooks. The fake keeps each workspace's webhooks with the shapes and
// limits of Clockify's API reference (https://docs.clockify.me/#tag/Webhooks)
// and, when one of the member changes it models happens, POSTs the event to
// every subscribed webhook (webhooks_delivery.go).

// webhookEvents are the webhookEvent values Clockify's reference lists.
var webhookEvents = []string{
	"NEW_PROJECT", "NEW_TASK", "NEW_CLIENT", "NEW_TIMER_STARTED", "TIMER_STOPPED", "TIME_ENTRY_UPDATED",
	"TIME_ENTRY_DELETED", "TIME_ENTRY_SPLIT", "NEW_TIME_ENTRY", "TIME_ENTRY_RESTORED", "NEW_TAG",
	"USER_DELETED_FROM_WORKSPACE", "USER_JOINED_WORKSPACE", "USER_DEACTIVATED_ON_WORKSPACE",
	"USER_ACTIVATED_ON_WORKSPACE", "USER_EMAIL_CHANGED", "USER_UPDATED", "NEW_INVOICE", "INVOICE_UPDATED",
	"NEW_APPROVAL_REQUEST", "APPROVAL_REQUEST_STATUS_UPDATED", "TIME_OFF_REQUESTED", "TIME_OFF_REQUEST_UPDATED",
	"TIME_OFF_REQUEST_APPROVED", "TIME_OFF_REQUEST_REJECTED", "TIME_OFF_REQUEST_STARTED", "TIME_OFF_REQUEST_WITHDRAWN",
	"BALANCE_UPDATED", "TAG_UPDATED", "TAG_DELETED", "TASK_UPDATED", "CLIENT_UPDATED", "TASK_DELETED",
	"CLIENT_DELETED", "EXPENSE_RESTORED", "ASSIGNMENT_CREATED", "ASSIGNMENT_DELETED", "ASSIGNMENT_PUBLISHED",
	"ASSIGNMENT_UPDATED", "EXPENSE_CREATED", "EXPENSE_DELETED", "EXPENSE_UPDATED", "PROJECT_UPDATED",
	"PROJECT_DELETED", "USER_GROUP_CREATED", "USER_GROUP_UPDATED", "USER_GROUP_DELETED",
	"USERS_INVITED_TO_WORKSPACE", "LIMITED_USERS_ADDED_TO_WORKSPACE", "COST_RATE_UPDATED", "BILLABLE_RATE_UPDATED",
}

var triggerSourceTypes = []string{"PROJECT_ID", "USER_ID", "TAG_ID", "TASK_ID", "WORKSPACE_ID", "ASSIGNMENT_ID", "EXPENSE_ID"}

// webhook is one stored webhook. Its fields are guarded by webhookHub.mu.
type webhook struct {
	id, wsID, userID  string
	name, url, event  string
	triggerSource     []string
	triggerSourceType string
	token             string
	enabled           bool
	deliveryEnabled   bool
	logs              []webhookLogDTO
}

type webhookDTO struct {
	ID                string   `json:"id"`
	Name              string   `json:"name"`
	URL               string   `json:"url"`
	UserID            string   `json:"userId"`
	WorkspaceID       string   `json:"workspaceId"`
	WebhookEvent      string   `json:"webhookEvent"`
	TriggerSource     []string `json:"triggerSource"`
	TriggerSourceType string   `json:"triggerSourceType"`
	AuthToken         string   `json:"authToken"`
	Enabled           bool     `json:"enabled"`
	DeliveryEnabled   bool     `json:"deliveryEnabled"`
	PlanEnabled       bool     `json:"planEnabled"`
}

type webhookLogDTO struct {
	ID                   string    `json:"id"`
	WebhookID            string    `json:"webhookId"`
	WebhookEventStatusID string    `json:"webhookEventStatusId"`
	StatusCode           int       `json:"statusCode"`
	RequestBody          string    `json:"requestBody"`
	ResponseBody         string    `json:"responseBody"`
	RespondedAt          time.Time `json:"respondedAt"`
}

func (h *webhook) dto() webhookDTO {
	return webhookDTO{ID: h.id, Name: h.name, URL: h.url, UserID: h.userID, WorkspaceID: h.wsID, WebhookEvent: h.event,
		TriggerSource: slices.Clone(h.triggerSource), TriggerSourceType: h.triggerSourceType, AuthToken: h.token,
		Enabled: h.enabled, DeliveryEnabled: h.deliveryEnabled, PlanEnabled: true}
}

// newWebhookToken makes an authToken: random, so no two webhooks (or
// regenerations) share one.
func newWebhookToken() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// webhookLimits are a plan's webhook limits, per workspace and per user (0:
// none): https://clockify.me/help/getting-started/webhook-and-api-limitations.
func webhookLimits(plan string) (perWorkspace, perUser int) {
	switch {
	case plan == PlanFree:
		return 3, 0
	case strings.Contains(plan, "ENTERPRISE"):
		return 300, 100
	}
	return 100, 10
}

// webhookRequest is CreateWebhookRequestV1 (also the PUT body).
type webhookRequest struct {
	Name              *string  `json:"name"`
	URL               string   `json:"url"`
	WebhookEvent      string   `json:"webhookEvent"`
	TriggerSource     []string `json:"triggerSource"`
	TriggerSourceType string   `json:"triggerSourceType"`
}

func parseWebhookCreate(c *call) (webhookRequest, *apiError) {
	return parseWebhookRequest(c, sig("WebhookDtoV1", "webhook.WebhookHttpAdapter", "createWebhook", "CreateWebhookRequestV1"))
}

func parseWebhookUpdate(c *call) (webhookRequest, *apiError) {
	return parseWebhookRequest(c, sigN(2, "WebhookDtoV1", "webhook.WebhookHttpAdapter", "updateWebhook", "UpdateWebhookRequestV1"))
}

// parseWebhookRequest reads and checks the body as Clockify's bean
// validation does: url, webhookEvent, triggerSource and triggerSourceType
// required, name 2 to 30 characters when given.
func parseWebhookRequest(c *call, signature string) (webhookRequest, *apiError) {
	var req webhookRequest
	if err := c.decode(&req, signature); err != nil {
		return req, err
	}
	if err := checkEnumJSON("WebhookEventType", webhookEvents, req.WebhookEvent); err != nil {
		return req, err
	}
	if err := checkEnumJSON("WebhookEventTriggerSourceType", triggerSourceTypes, req.TriggerSourceType); err != nil {
		return req, err
	}
	u, err := url.Parse(req.URL)
	switch {
	case strings.TrimSpace(req.URL) == "":
		return req, invalidField("url", "This field can't be empty")
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		return req, invalidField("url", "Url is not valid")
	case req.WebhookEvent == "":
		return req, invalidField("webhookEvent", "This field can't be empty")
	case req.TriggerSourceType == "":
		return req, invalidField("triggerSourceType", "This field can't be empty")
	case req.TriggerSource == nil:
		return req, invalidField("triggerSource", "This field can't be empty")
	case req.Name != nil && (utf8.RuneCountInString(*req.Name) < 2 || utf8.RuneCountInString(*req.Name) > 30):
		return req, invalidField("name", "Name must be between 2 and 30 characters")
	}
	return req, nil
}

// findWebhook returns the webhook {webhookId} of the call's workspace that
// the caller may see (their own; an admin sees every one), or 400 code 501.
// Callers hold s.hooks.mu.
func (s *Server) findWebhook(c *call) (*webhook, *apiError) {
	h := s.hooks.byID[c.r.PathValue("webhookId")]
	if h == nil || h.wsID != c.ws.id || (h.userID != c.caller && !c.isAdmin()) {
		return nil, notFound("Webhook")
	}
	return h, nil
}

// listWebhooks serves GET /v1/workspaces/{workspaceId}/webhooks[?type=…] →
// {"webhooks":[WebhookDtoV1…],"workspaceWebhookCount":N}: the caller's
// webhooks (an admin's: every one), all made by users, so SYSTEM and ADDON
// list none. workspaceWebhookCount counts every webhook of the workspace.
// https://docs.clockify.me/#tag/Webhooks/operation/getWebhooks
func (s *Server) listWebhooks(c *call, kind string) (int, any, *apiError) {
	s.hooks.mu.Lock()
	defer s.hooks.mu.Unlock()
	out := struct {
		Webhooks []webhookDTO `json:"webhooks"`
		Count    int          `json:"workspaceWebhookCount"`
	}{Webhooks: []webhookDTO{}}
	for _, h := range s.hooks.list {
		if h.wsID != c.ws.id {
			continue
		}
		out.Count++
		if (kind == "" || kind == "USER_CREATED") && (h.userID == c.caller || c.isAdmin()) {
			out.Webhooks = append(out.Webhooks, h.dto())
		}
	}
	return http.StatusOK, out, nil
}

func parseListWebhooks(c *call) (string, *apiError) {
	return enumParam(c.r.URL.Query(), "type", "WebhookType", []string{"USER_CREATED", "SYSTEM", "ADDON"}, "")
}

// getWebhook serves GET …/webhooks/{webhookId} → WebhookDtoV1.
// https://docs.clockify.me/#tag/Webhooks/operation/getWebhook
func (s *Server) getWebhook(c *call) (int, any, *apiError) {
	s.hooks.mu.Lock()
	defer s.hooks.mu.Unlock()
	h, err := s.findWebhook(c)
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, h.dto(), nil
}

// createWebhook serves POST …/webhooks → 201 WebhookDtoV1, within the plan's
// limits (3 per workspace on FREE; 10 per user and 100 per workspace on paid
// plans; 100 and 300 on Enterprise). Clockify's refusal at a limit is
// unrecorded: the fake answers 400 without a code.
// https://docs.clockify.me/#tag/Webhooks/operation/createWebhook
func (s *Server) createWebhook(c *call, req webhookRequest) (int, any, *apiError) {
	s.hooks.mu.Lock()
	defer s.hooks.mu.Unlock()
	perWS, perUser := webhookLimits(c.ws.plan)
	inWS, mine := 0, 0
	for _, h := range s.hooks.list {
		if h.wsID == c.ws.id {
			inWS++
			if h.userID == c.caller {
				mine++
			}
		}
	}
	if inWS >= perWS || (perUser > 0 && mine >= perUser) {
		return 0, nil, restriction("Maximum number of webhooks reached")
	}
	h := &webhook{id: s.st.newID(), wsID: c.ws.id, userID: c.caller, token: newWebhookToken(), enabled: true, deliveryEnabled: true}
	h.set(req)
	s.hooks.add(h)
	return http.StatusCreated, h.dto(), nil
}

func (h *webhook) set(req webhookRequest) {
	h.name = ""
	if req.Name != nil {
		h.name = *req.Name
	}
	h.url, h.event = req.URL, req.WebhookEvent
	h.triggerSource, h.triggerSourceType = slices.Clone(req.TriggerSource), req.TriggerSourceType
}

// updateWebhook serves PUT …/webhooks/{webhookId} (the create body) →
// WebhookDtoV1. An update turns delivery back on.
// https://docs.clockify.me/#tag/Webhooks/operation/updateWebhook
func (s *Server) updateWebhook(c *call, req webhookRequest) (int, any, *apiError) {
	s.hooks.mu.Lock()
	defer s.hooks.mu.Unlock()
	h, err := s.findWebhook(c)
	if err != nil {
		return 0, nil, err
	}
	h.set(req)
	h.deliveryEnabled = true
	return http.StatusOK, h.dto(), nil
}

// deleteWebhook serves DELETE …/webhooks/{webhookId} → 200 with no body.
// Nothing is delivered to it afterwards, retries under way included.
// https://docs.clockify.me/#tag/Webhooks/operation/deleteWebhook
func (s *Server) deleteWebhook(c *call) (int, any, *apiError) {
	s.hooks.mu.Lock()
	defer s.hooks.mu.Unlock()
	h, err := s.findWebhook(c)
	if err != nil {
		return 0, nil, err
	}
	s.hooks.remove(h)
	return http.StatusOK, nil, nil
}

// regenerateWebhookToken serves PATCH …/webhooks/{webhookId}/token →
// WebhookDtoV1 with a new authToken; the old one is never sent again.
// https://docs.clockify.me/#tag/Webhooks/operation/generateNewToken
func (s *Server) regenerateWebhookToken(c *call) (int, any, *apiError) {
	s.hooks.mu.Lock()
	defer s.hooks.mu.Unlock()
	h, err := s.findWebhook(c)
	if err != nil {
		return 0, nil, err
	}
	h.token = newWebhookToken()
	return http.StatusOK, h.dto(), nil
}

// webhookLogQuery is the logs request: a 0-based page and size in the query,
// the filter in the body.
type webhookLogQuery struct {
	page, size int
	status     string
	newest     bool
	from, to   *time.Time
}

func parseWebhookLogs(c *call) (webhookLogQuery, *apiError) {
	q := c.r.URL.Query()
	var lq webhookLogQuery
	var err *apiError
	if lq.page, err = intParam(q, "page", 0); err != nil {
		return lq, err
	}
	if lq.size, err = intParam(q, "size", 50); err != nil {
		return lq, err
	}
	if lq.page < 0 || lq.size < 1 || lq.size > maxPageSize {
		return lq, &apiError{status: http.StatusBadRequest, code: 3000, msg: "page must be 0 or more and size between 1 and 5000"}
	}
	var body struct {
		From         *time.Time `json:"from"`
		To           *time.Time `json:"to"`
		Status       string     `json:"status"`
		SortByNewest bool       `json:"sortByNewest"`
	}
	if err := c.decode(&body, sigN(2, "WebhookLogDtoV1", "webhook.WebhookHttpAdapter", "getLogsForWebhook", "WebhookLogSearchRequestV1")); err != nil {
		return lq, err
	}
	if err := checkEnumJSON("WebhookLogStatus", []string{"ALL", "SUCCEEDED", "FAILED"}, body.Status); err != nil {
		return lq, err
	}
	lq.status, lq.newest, lq.from, lq.to = body.Status, body.SortByNewest, body.From, body.To
	return lq, nil
}

// webhookLogs serves POST …/webhooks/{webhookId}/logs?page=0&size=50 → the
// deliveries of the webhook, oldest first unless sortByNewest, paged from 0.
// https://docs.clockify.me/#tag/Webhooks/operation/getLogsForWebhook
func (s *Server) webhookLogs(c *call, q webhookLogQuery) (int, any, *apiError) {
	s.hooks.mu.Lock()
	defer s.hooks.mu.Unlock()
	h, err := s.findWebhook(c)
	if err != nil {
		return 0, nil, err
	}
	var logs []webhookLogDTO
	for _, l := range h.logs {
		ok := l.StatusCode >= 200 && l.StatusCode < 300
		switch {
		case q.status == "SUCCEEDED" && !ok, q.status == "FAILED" && ok,
			q.from != nil && l.RespondedAt.Before(*q.from), q.to != nil && l.RespondedAt.After(*q.to):
			continue
		}
		logs = append(logs, l)
	}
	if q.newest {
		slices.Reverse(logs)
	}
	out := []webhookLogDTO{}
	for i := q.page * q.size; i < len(logs) && len(out) < q.size; i++ {
		out = append(out, logs[i])
	}
	return http.StatusOK, out, nil
}
