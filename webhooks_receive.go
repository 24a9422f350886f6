package clockify

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
)

// MaxWebhookBody is the largest webhook body ParseWebhook reads: 1 MiB. A member event's body
// is a few kilobytes. A longer body is refused with ErrWebhookTooLarge after reading at most
// MaxWebhookBody+1 bytes, or none when its Content-Length already says it is too long.
const MaxWebhookBody = 1 << 20

// Webhook delivery headers, as Clockify sends them.
const (
	HeaderWebhookSignature = "Clockify-Signature"
	HeaderWebhookEventType = "Clockify-Webhook-Event-Type"
)

// WebhookEvent is one verified webhook delivery.
//
// Clockify does not document webhook bodies; its API reference names payload types (USER,
// USER_GROUP, INVITED_USERS, ADDED_LIMITED_USERS, RATE_UPDATED) but not their fields. The SDK
// assumes the body of a USER_* event is a user as the member endpoints return one (User decodes
// it) and the body of a USER_GROUP_* event a user group as the group endpoints return one
// (Group decodes it). Anything else is left to the caller: Payload always holds the raw bytes as
// they arrived, whatever their shape.
type WebhookEvent struct {
	// Type is the event, from the Clockify-Webhook-Event-Type header. It may be a value newer
	// than this SDK (Type.Valid() false); its Payload is there all the same.
	Type WebhookEventType
	// Payload is the body exactly as received: always available, whatever its shape.
	Payload json.RawMessage
	// WorkspaceID is the body's top-level "workspaceId", when it has one.
	WorkspaceID string
	// TokenIndex is the position, among the tokens ParseWebhook was given, of the token that
	// matched: after RegenerateToken, a delivery still signed with the old token shows it.
	TokenIndex int
}

// ParseWebhook verifies and reads a webhook delivery. The Clockify-Signature header must equal
// one of authTokens (the webhook's AuthToken; give the old and the new token while rotating
// them with RegenerateToken); the comparison takes the same time whichever token matches, and
// where. A missing header, or no token given, is ErrWebhookSignature, checked before the body
// is read. The body is read up to MaxWebhookBody (ErrWebhookTooLarge beyond) and must be JSON;
// the event type comes from the Clockify-Webhook-Event-Type header (ErrWebhookMalformed when
// it is missing or the body names another event). Errors never contain the tokens.
//
// ParseWebhook reads r.Body; closing it stays with the server, as for any handler.
func ParseWebhook(r *http.Request, authTokens ...string) (*WebhookEvent, error) {
	if r == nil {
		return nil, &ValidationError{Field: "r", Reason: "must not be nil"}
	}
	idx := matchToken(r.Header.Get(HeaderWebhookSignature), authTokens)
	if idx < 0 {
		return nil, ErrWebhookSignature
	}
	typ := WebhookEventType(strings.TrimSpace(r.Header.Get(HeaderWebhookEventType)))
	if typ == "" {
		return nil, fmt.Errorf("%w: no %s header", ErrWebhookMalformed, HeaderWebhookEventType)
	}
	body, err := readWebhookBody(r)
	if err != nil {
		return nil, err
	}
	e := &WebhookEvent{Type: typ, Payload: body, TokenIndex: idx}
	if err := e.crossCheck(); err != nil {
		return nil, err
	}
	return e, nil
}

// matchToken returns the index of the token equal to sig, or -1. Each token is compared, in
// constant time, as a SHA-256 digest, so neither where they differ nor their lengths show in
// the time taken; every token is compared whatever matched before.
func matchToken(sig string, tokens []string) int {
	if sig == "" {
		return -1
	}
	got := sha256.Sum256([]byte(sig))
	found := -1
	for i, t := range tokens {
		want := sha256.Sum256([]byte(t))
		if subtle.ConstantTimeCompare(got[:], want[:]) == 1 && t != "" && found < 0 {
			found = i
		}
	}
	return found
}

// readWebhookBody reads at most MaxWebhookBody bytes of a JSON body.
func readWebhookBody(r *http.Request) ([]byte, error) {
	tooLarge := fmt.Errorf("%w: more than %d bytes", ErrWebhookTooLarge, MaxWebhookBody)
	if r.ContentLength > MaxWebhookBody {
		return nil, tooLarge
	}
	if r.Body == nil {
		return nil, fmt.Errorf("%w: no body", ErrWebhookMalformed)
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, MaxWebhookBody+1))
	switch {
	case err != nil:
		return nil, wrapf(err, "read webhook body")
	case len(body) > MaxWebhookBody:
		return nil, tooLarge
	case !json.Valid(body):
		return nil, fmt.Errorf("%w: the body is not JSON", ErrWebhookMalformed)
	}
	return body, nil
}

// crossCheck compares the header's event with the one the body names, if any, and keeps the
// body's workspace id.
func (e *WebhookEvent) crossCheck() error {
	trimmed := bytes.TrimSpace(e.Payload)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return nil
	}
	var named struct {
		WebhookEvent json.RawMessage `json:"webhookEvent"`
		EventType    json.RawMessage `json:"eventType"`
		WorkspaceID  json.RawMessage `json:"workspaceId"`
	}
	if err := json.Unmarshal(trimmed, &named); err != nil {
		return fmt.Errorf("%w: %v", ErrWebhookMalformed, err)
	}
	for _, raw := range []json.RawMessage{named.WebhookEvent, named.EventType} {
		var s string
		if json.Unmarshal(raw, &s) == nil && s != "" && s != string(e.Type) {
			return fmt.Errorf("%w: the header says %s, the body %s", ErrWebhookMalformed, e.Type, truncate(s, 64))
		}
	}
	_ = json.Unmarshal(named.WorkspaceID, &e.WorkspaceID) // not a string: left empty
	return nil
}

// User decodes the member a USER_* event is about. Clockify does not document the body; the
// SDK assumes it is a user as the member endpoints return one (id, email, name, status,
// memberships, ...), and Payload keeps the raw bytes whatever it is. Another event is
// ErrWebhookEventType; a body that is not such a user (no id) is ErrWebhookMalformed.
func (e *WebhookEvent) User() (*User, error) {
	if e == nil || !e.Type.IsUserEvent() {
		return nil, e.wrongKind("User", "USER_*")
	}
	var u User
	if err := json.Unmarshal(e.Payload, &u); err != nil {
		return nil, fmt.Errorf("%w: %s payload is not a user: %v", ErrWebhookMalformed, e.Type, err)
	}
	if u.ID == "" {
		return nil, fmt.Errorf("%w: %s payload has no user id", ErrWebhookMalformed, e.Type)
	}
	return &u, nil
}

// Group decodes the user group a USER_GROUP_* event is about. Another event is
// ErrWebhookEventType; a body that is not a group (no id) is ErrWebhookMalformed.
func (e *WebhookEvent) Group() (*UserGroup, error) {
	if e == nil || !e.Type.IsGroupEvent() {
		return nil, e.wrongKind("Group", "USER_GROUP_*")
	}
	var g UserGroup
	if err := json.Unmarshal(e.Payload, &g); err != nil {
		return nil, fmt.Errorf("%w: %s payload is not a user group: %v", ErrWebhookMalformed, e.Type, err)
	}
	if g.ID == "" {
		return nil, fmt.Errorf("%w: %s payload has no group id", ErrWebhookMalformed, e.Type)
	}
	return &g, nil
}

func (e *WebhookEvent) wrongKind(accessor, kinds string) error {
	var t WebhookEventType
	if e != nil {
		t = e.Type
	}
	return fmt.Errorf("%w: %s needs a %s event, not %q", ErrWebhookEventType, accessor, kinds, truncate(string(t), 64))
}

// WebhookHandler is an http.Handler that receives webhooks: it verifies each delivery with
// ParseWebhook and hands the event to its function. It answers 200 when the function returns
// nil, 500 when it fails (Clockify then delivers again), 401 for a bad or missing signature, 413
// for a body over MaxWebhookBody, 400 for a malformed delivery and 405 for a method other than
// POST. Answers carry no detail of the failure (Clockify keeps them in its delivery log).
// Clockify may deliver an event more than once, so the function should be idempotent. A nil
// function acknowledges every verified delivery.
//
// Its tokens can be changed while it serves (SetTokens), to follow a RegenerateToken.
type WebhookHandler struct {
	handle func(ctx context.Context, e *WebhookEvent) error
	tokens atomic.Pointer[[]string]
}

// NewWebhookHandler returns a handler passing verified events to handle, accepting deliveries
// signed with any of authTokens.
func NewWebhookHandler(handle func(ctx context.Context, e *WebhookEvent) error, authTokens ...string) *WebhookHandler {
	h := &WebhookHandler{handle: handle}
	h.SetTokens(authTokens...)
	return h
}

// SetTokens replaces the tokens deliveries are verified with (e.g. the new and the old one
// after RegenerateToken, then only the new one).
func (h *WebhookHandler) SetTokens(authTokens ...string) {
	t := append([]string(nil), authTokens...)
	h.tokens.Store(&t)
}

// ServeHTTP verifies and handles one delivery.
func (h *WebhookHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "POST only", http.StatusMethodNotAllowed)
		return
	}
	var tokens []string
	if t := h.tokens.Load(); t != nil {
		tokens = *t
	}
	e, err := ParseWebhook(r, tokens...)
	switch {
	case errors.Is(err, ErrWebhookSignature):
		http.Error(w, "bad signature", http.StatusUnauthorized)
	case errors.Is(err, ErrWebhookTooLarge):
		http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
	case err != nil:
		http.Error(w, "malformed webhook", http.StatusBadRequest)
	case h.handle == nil:
		w.WriteHeader(http.StatusOK)
	case h.handle(r.Context(), e) != nil:
		http.Error(w, "handler failed", http.StatusInternalServerError)
	default:
		w.WriteHeader(http.StatusOK)
	}
}
