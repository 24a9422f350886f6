package clockifytest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Webhook delivery. When a member change the fake models happens (an
// invitation, a member joining, limited members added, activation and
// deactivation, a group created, renamed or deleted, a rate set), the fake
// POSTs the event, asynchronously, to every enabled webhook of the workspace
// subscribed to it whose trigger source matches, with the headers Clockify
// sends: Clockify-Signature (the webhook's authToken, verbatim) and
// Clockify-Webhook-Event-Type. An answer other than 2xx (or none) is retried
// up to WebhookAttempts attempts in all, a moment apart; then the webhook's
// deliveryEnabled turns false and nothing more is sent to it until it is
// updated. Each attempt reads the webhook afresh: a regenerated token is used
// from the next attempt on, and a deleted webhook gets nothing more.
//
// Clockify does not document the bodies. The fake sends, for USER_* events,
// the member as the member list renders it (with its workspace membership);
// for USER_GROUP_* the group as the group endpoints render it; for
// USERS_INVITED_TO_WORKSPACE and LIMITED_USERS_ADDED_TO_WORKSPACE
// {"workspaceId","users":[…]}; for COST_RATE_UPDATED and
// BILLABLE_RATE_UPDATED {"workspaceId","rateChangeSource","modifiedEntity",
// "currency","amount","since"}, the shape third-party samples show.

// WebhookAttempts is how many times the fake tries to deliver one event
// before it turns the webhook's deliveryEnabled off.
const WebhookAttempts = 4

// webhookRetryWait is the wait before the second attempt; it doubles after.
const webhookRetryWait = 20 * time.Millisecond

// WebhookDelivery is one attempt to deliver a webhook event, for tests. The
// token sent is not kept.
type WebhookDelivery struct {
	Time      time.Time
	WebhookID string
	Event     string
	URL       string
	Body      []byte
	// Attempt counts from 1.
	Attempt int
	// Status is the receiver's answer; 0 when there was none (Err says why).
	Status int
	Err    string
}

// Succeeded reports whether the receiver answered 2xx.
func (d WebhookDelivery) Succeeded() bool { return d.Status >= 200 && d.Status < 300 }

// webhookHub holds the webhooks and their deliveries. Its zero value is
// ready; it has its own lock, taken after Server.mu when both are held.
type webhookHub struct {
	mu         sync.Mutex
	idle       *sync.Cond // signalled when inflight drops to 0
	byID       map[string]*webhook
	list       []*webhook
	inflight   int
	deliveries []WebhookDelivery
	ctx        context.Context
	cancel     context.CancelFunc
	client     *http.Client
}

// init makes what the zero value lacks. Callers hold hub.mu.
func (hub *webhookHub) init() {
	if hub.byID == nil {
		hub.byID = map[string]*webhook{}
		hub.idle = sync.NewCond(&hub.mu)
		hub.ctx, hub.cancel = context.WithCancel(context.Background())
		hub.client = &http.Client{Timeout: 5 * time.Second}
	}
}

func (hub *webhookHub) add(h *webhook) {
	hub.init()
	hub.byID[h.id] = h
	hub.list = append(hub.list, h)
}

func (hub *webhookHub) remove(h *webhook) {
	delete(hub.byID, h.id)
	hub.list = slices.DeleteFunc(hub.list, func(x *webhook) bool { return x == h })
}

// close stops every delivery: none starts, and those under way are cut off.
func (hub *webhookHub) close() {
	hub.mu.Lock()
	defer hub.mu.Unlock()
	hub.init()
	hub.cancel()
}

// WebhookDeliveries returns every delivery attempt so far, in order.
func (s *Server) WebhookDeliveries() []WebhookDelivery {
	s.hooks.mu.Lock()
	defer s.hooks.mu.Unlock()
	return slices.Clone(s.hooks.deliveries)
}

// WaitForWebhooks blocks until no delivery is under way or waiting to be
// retried, or ctx ends; it returns ctx's error in that case.
func (s *Server) WaitForWebhooks(ctx context.Context) error {
	hub := &s.hooks
	hub.mu.Lock()
	hub.init()
	hub.mu.Unlock()
	stop := context.AfterFunc(ctx, func() {
		hub.mu.Lock()
		defer hub.mu.Unlock()
		hub.idle.Broadcast()
	})
	defer stop()
	hub.mu.Lock()
	defer hub.mu.Unlock()
	for hub.inflight > 0 && ctx.Err() == nil {
		hub.idle.Wait()
	}
	return ctx.Err()
}

// notifyWebhooks sends event, with payload as its body, to the webhooks of
// ws subscribed to it: workspace-wide ones, and those whose trigger sources
// name one of subjects (a user id, a project id). Callers hold s.mu.
func (s *Server) notifyWebhooks(ws *workspace, event string, payload any, subjects ...string) {
	body, err := json.Marshal(payload)
	if err != nil {
		return
	}
	hub := &s.hooks
	hub.mu.Lock()
	defer hub.mu.Unlock()
	hub.init()
	if hub.ctx.Err() != nil {
		return
	}
	for _, h := range hub.list {
		if h.wsID != ws.id || h.event != event || !h.enabled || !h.deliveryEnabled || !h.triggeredBy(ws.id, subjects) {
			continue
		}
		hub.inflight++
		go hub.deliver(h.id, event, body)
	}
}

func (h *webhook) triggeredBy(wsID string, subjects []string) bool {
	if h.triggerSourceType == "WORKSPACE_ID" {
		return slices.Contains(h.triggerSource, wsID)
	}
	return slices.ContainsFunc(subjects, func(id string) bool { return slices.Contains(h.triggerSource, id) })
}

// deliver tries to deliver one event to webhook id.
func (hub *webhookHub) deliver(id, event string, body []byte) {
	defer func() {
		hub.mu.Lock()
		if hub.inflight--; hub.inflight == 0 {
			hub.idle.Broadcast()
		}
		hub.mu.Unlock()
	}()
	wait := webhookRetryWait
	for attempt := 1; attempt <= WebhookAttempts; attempt++ {
		if attempt > 1 {
			if !sleepCtx(hub.ctx, wait) {
				return
			}
			wait *= 2
		}
		hub.mu.Lock()
		h := hub.byID[id]
		if h == nil || !h.deliveryEnabled || hub.ctx.Err() != nil {
			hub.mu.Unlock()
			return
		}
		target, token := h.url, h.token
		hub.mu.Unlock()

		d := WebhookDelivery{WebhookID: id, Event: event, URL: target, Body: body, Attempt: attempt}
		answer := hub.post(&d, target, token, event, body)

		hub.mu.Lock()
		hub.deliveries = append(hub.deliveries, d)
		if h := hub.byID[id]; h != nil {
			h.logs = append(h.logs, webhookLogDTO{ID: id + "-" + strconv.Itoa(len(h.logs)+1), WebhookID: id,
				WebhookEventStatusID: event, StatusCode: d.Status, RequestBody: string(body), ResponseBody: answer, RespondedAt: d.Time})
			if !d.Succeeded() && attempt == WebhookAttempts {
				h.deliveryEnabled = false
			}
		}
		hub.mu.Unlock()
		if d.Succeeded() {
			return
		}
	}
}

// post sends one attempt and fills d's outcome; it returns the start of the
// receiver's answer.
func (hub *webhookHub) post(d *WebhookDelivery, target, token, event string, body []byte) string {
	defer func() { d.Time = time.Now() }()
	req, err := http.NewRequestWithContext(hub.ctx, http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		d.Err = err.Error()
		return ""
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Clockify-Signature", token)
	req.Header.Set("Clockify-Webhook-Event-Type", event)
	resp, err := hub.client.Do(req)
	if err != nil {
		d.Err = err.Error()
		return ""
	}
	defer resp.Body.Close()
	answer, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<10))
	d.Status = resp.StatusCode
	return string(answer)
}

// The events of the member changes. Each is called, holding s.mu, where the
// change happens.

// memberEvent sends a USER_* event about m.
func (s *Server) memberEvent(ws *workspace, m *member, event string) {
	s.notifyWebhooks(ws, event, s.st.userDTO(ws, m, "WORKSPACE", false), m.user.id)
}

// statusEvent sends USER_ACTIVATED_ON_WORKSPACE or USER_DEACTIVATED_ON_WORKSPACE.
func (s *Server) statusEvent(ws *workspace, m *member, status string) {
	event := "USER_ACTIVATED_ON_WORKSPACE"
	if status == MembershipInactive {
		event = "USER_DEACTIVATED_ON_WORKSPACE"
	}
	s.memberEvent(ws, m, event)
}

// usersEvent sends an event about a batch of new members (invited, limited).
func (s *Server) usersEvent(ws *workspace, event string, userIDs ...string) {
	users := []userDTO{}
	for _, id := range userIDs {
		if m := ws.members[id]; m != nil {
			users = append(users, s.st.userDTO(ws, m, "WORKSPACE", false))
		}
	}
	s.notifyWebhooks(ws, event, map[string]any{"workspaceId": ws.id, "users": users}, userIDs...)
}

// invitedEvent sends USERS_INVITED_TO_WORKSPACE for the member with email.
func (s *Server) invitedEvent(ws *workspace, email string) {
	s.usersEvent(ws, "USERS_INVITED_TO_WORKSPACE", s.st.emails[strings.ToLower(email)])
}

// groupEvent sends a USER_GROUP_* event about g.
func (s *Server) groupEvent(ws *workspace, g *group, event string) {
	s.notifyWebhooks(ws, event, s.st.groupDTO(ws, g))
}

// rateEvent sends COST_RATE_UPDATED or BILLABLE_RATE_UPDATED for m's rate,
// on the workspace or (p not nil) on project p.
func (s *Server) rateEvent(ws *workspace, m *member, cost bool, p *project, r *Rate) {
	event, source, entity := "BILLABLE_RATE_UPDATED", "WORKSPACE_MEMBER", ws.membershipDTO(m)
	if cost {
		event = "COST_RATE_UPDATED"
	}
	subjects := []string{m.user.id}
	if p != nil {
		source, entity = "PROJECT_MEMBER", ws.projectMembership(p, m.user.id)
		subjects = append(subjects, p.id)
	}
	s.notifyWebhooks(ws, event, map[string]any{"workspaceId": ws.id, "rateChangeSource": source, "modifiedEntity": entity,
		"currency": map[string]string{"code": r.Currency}, "amount": r.Amount, "since": time.Now().UTC().Format(time.RFC3339)}, subjects...)
}

// limitedIDs are the ids of the limited members an add answered with.
func limitedIDs(users []userRedactedDTO) []string {
	ids := make([]string, len(users))
	for i, u := range users {
		ids[i] = u.ID
	}
	return ids
}
