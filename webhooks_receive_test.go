package clockify

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	hookToken    = "wh-token-7f3a9c1e5b2d4f6a8c0e"
	hookOldToken = "wh-token-old-0a1b2c3d4e5f6a7b"
	joinedBody   = `{"id":"u7","email":"leo.dubois@example.com","name":"Leo Dubois","status":"ACTIVE","workspaceId":"ws1",
	  "memberships":[{"userId":"u7","targetId":"ws1","membershipType":"WORKSPACE","membershipStatus":"ACTIVE"}]}`
)

// delivery is a webhook delivery as Clockify sends it.
func delivery(event WebhookEventType, token, body string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/hooks/clockify", strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	if token != "" {
		r.Header.Set("Clockify-Signature", token)
	}
	if event != "" {
		r.Header.Set("Clockify-Webhook-Event-Type", string(event))
	}
	return r
}

func TestParseWebhook_verifiesAndDecodesAUserEvent(t *testing.T) {
	e, err := ParseWebhook(delivery(WebhookUserJoinedWorkspace, hookToken, joinedBody), hookToken)
	require.NoError(t, err)
	assert.Equal(t, WebhookUserJoinedWorkspace, e.Type)
	assert.JSONEq(t, joinedBody, string(e.Payload), "the raw bytes are kept")
	assert.Equal(t, "ws1", e.WorkspaceID)
	u, err := e.User()
	require.NoError(t, err)
	assert.Equal(t, "u7", u.ID)
	assert.Equal(t, "leo.dubois@example.com", u.Email)
	m, ok := u.Membership("ws1")
	assert.True(t, ok)
	assert.Equal(t, MembershipActive, m.MembershipStatus)
}

func TestParseWebhook_badSignaturesAreRefused(t *testing.T) {
	for name, tc := range map[string]struct {
		header string
		tokens []string
	}{
		"missing header":   {"", []string{hookToken}},
		"wrong token":      {"wh-token-guess", []string{hookToken}},
		"prefix of token":  {hookToken[:10], []string{hookToken}},
		"token plus more":  {hookToken + "x", []string{hookToken}},
		"no tokens given":  {hookToken, nil},
		"empty token only": {"", []string{""}},
	} {
		_, err := ParseWebhook(delivery(WebhookUserJoinedWorkspace, tc.header, joinedBody), tc.tokens...)
		assert.ErrorIs(t, err, ErrWebhookSignature, name)
		if err != nil {
			assert.NotContains(t, err.Error(), hookToken, name)
			assert.True(t, strings.HasPrefix(err.Error(), "clockify: "), name)
		}
	}
}

func TestParseWebhook_acceptsAnyOfSeveralTokens(t *testing.T) {
	e, err := ParseWebhook(delivery(WebhookUserJoinedWorkspace, hookOldToken, joinedBody), hookToken, hookOldToken)
	require.NoError(t, err)
	assert.Equal(t, 1, e.TokenIndex)
	e, err = ParseWebhook(delivery(WebhookUserJoinedWorkspace, hookToken, joinedBody), hookToken, hookOldToken)
	require.NoError(t, err)
	assert.Equal(t, 0, e.TokenIndex)
}

// endlessBody is an endless body that counts what was read from it.
type endlessBody struct{ n int64 }

func (c *endlessBody) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	c.n += int64(len(p))
	return len(p), nil
}

func TestParseWebhook_largeBodiesAreRefusedWithoutReadingThem(t *testing.T) {
	const size = 64 << 20
	t.Run("declared length", func(t *testing.T) {
		body := &endlessBody{}
		r := delivery(WebhookUserJoinedWorkspace, hookToken, "")
		r.Body, r.ContentLength = io.NopCloser(io.LimitReader(body, size)), size
		_, err := ParseWebhook(r, hookToken)
		assert.ErrorIs(t, err, ErrWebhookTooLarge)
		assert.Zero(t, body.n, "nothing is read")
	})
	t.Run("chunked", func(t *testing.T) {
		body := &endlessBody{}
		r := delivery(WebhookUserJoinedWorkspace, hookToken, "")
		r.Body, r.ContentLength = io.NopCloser(io.LimitReader(body, size)), -1
		_, err := ParseWebhook(r, hookToken)
		assert.ErrorIs(t, err, ErrWebhookTooLarge)
		assert.LessOrEqual(t, body.n, int64(MaxWebhookBody+64<<10), "reading stops at the bound")
	})
	t.Run("bad signature first", func(t *testing.T) {
		body := &endlessBody{}
		r := delivery(WebhookUserJoinedWorkspace, "nope", "")
		r.Body, r.ContentLength = io.NopCloser(io.LimitReader(body, size)), -1
		_, err := ParseWebhook(r, hookToken)
		assert.ErrorIs(t, err, ErrWebhookSignature)
		assert.Zero(t, body.n)
	})
}

func TestParseWebhook_malformedDeliveries(t *testing.T) {
	for name, r := range map[string]*http.Request{
		"no event type":     delivery("", hookToken, joinedBody),
		"not json":          delivery(WebhookUserJoinedWorkspace, hookToken, "<html>"),
		"empty body":        delivery(WebhookUserJoinedWorkspace, hookToken, ""),
		"body names other":  delivery(WebhookUserJoinedWorkspace, hookToken, `{"id":"u7","webhookEvent":"USER_UPDATED"}`),
		"eventType differs": delivery(WebhookUserJoinedWorkspace, hookToken, `{"id":"u7","eventType":"NEW_PROJECT"}`),
	} {
		_, err := ParseWebhook(r, hookToken)
		assert.ErrorIs(t, err, ErrWebhookMalformed, name)
	}
	e, err := ParseWebhook(delivery(WebhookUserJoinedWorkspace, hookToken, `{"id":"u7","webhookEvent":"USER_JOINED_WORKSPACE"}`), hookToken)
	require.NoError(t, err, "a body naming the same event agrees")
	assert.Equal(t, WebhookUserJoinedWorkspace, e.Type)
}

func TestParseWebhook_unknownEventKeepsThePayload(t *testing.T) {
	e, err := ParseWebhook(delivery("SOMETHING_NEW", hookToken, `[1,2]`), hookToken)
	require.NoError(t, err)
	assert.False(t, e.Type.Valid())
	assert.Equal(t, `[1,2]`, string(e.Payload))
}

func TestWebhookEventAccessors_refuseTheWrongKind(t *testing.T) {
	group, err := ParseWebhook(delivery(WebhookUserGroupCreated, hookToken, `{"id":"g1","name":"Design","workspaceId":"ws1","userIds":["u7"]}`), hookToken)
	require.NoError(t, err)
	g, err := group.Group()
	require.NoError(t, err)
	assert.Equal(t, UserGroup{ID: "g1", Name: "Design", WorkspaceID: "ws1", UserIDs: []string{"u7"}}, *g)
	u, err := group.User()
	assert.ErrorIs(t, err, ErrWebhookEventType)
	assert.Nil(t, u)

	joined, err := ParseWebhook(delivery(WebhookUserJoinedWorkspace, hookToken, joinedBody), hookToken)
	require.NoError(t, err)
	_, err = joined.Group()
	assert.ErrorIs(t, err, ErrWebhookEventType)

	var none *WebhookEvent
	_, err = none.User()
	assert.ErrorIs(t, err, ErrWebhookEventType)
}

func TestWebhookEventUser_payloadWithoutAUserIsAnError(t *testing.T) {
	for name, body := range map[string]string{"no id": `{"email":"x@example.com"}`, "array": `[]`, "null": `null`, "string": `"u7"`} {
		e, err := ParseWebhook(delivery(WebhookUserUpdated, hookToken, body), hookToken)
		require.NoError(t, err, name)
		u, err := e.User()
		assert.ErrorIs(t, err, ErrWebhookMalformed, name)
		assert.Nil(t, u, name)
	}
}

func TestWebhookHandler_answers(t *testing.T) {
	var got []string
	h := NewWebhookHandler(func(ctx context.Context, e *WebhookEvent) error {
		u, err := e.User()
		if err != nil {
			return err
		}
		if u.ID == "fail" {
			return errors.New("boom")
		}
		got = append(got, u.ID)
		return nil
	}, hookToken)
	serve := func(r *http.Request) int {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w.Code
	}
	assert.Equal(t, http.StatusOK, serve(delivery(WebhookUserJoinedWorkspace, hookToken, joinedBody)))
	assert.Equal(t, []string{"u7"}, got)
	assert.Equal(t, http.StatusUnauthorized, serve(delivery(WebhookUserJoinedWorkspace, "nope", joinedBody)))
	assert.Equal(t, http.StatusUnauthorized, serve(delivery(WebhookUserJoinedWorkspace, "", joinedBody)))
	assert.Equal(t, http.StatusInternalServerError, serve(delivery(WebhookUserJoinedWorkspace, hookToken, `{"id":"fail"}`)))
	assert.Equal(t, http.StatusInternalServerError, serve(delivery(WebhookUserGroupCreated, hookToken, `{"id":"g1"}`)), "the func's error")
	assert.Equal(t, http.StatusBadRequest, serve(delivery(WebhookUserJoinedWorkspace, hookToken, "nope")))
	big := delivery(WebhookUserJoinedWorkspace, hookToken, "")
	big.Body, big.ContentLength = io.NopCloser(&endlessBody{}), 64<<20
	assert.Equal(t, http.StatusRequestEntityTooLarge, serve(big))
	assert.Equal(t, http.StatusMethodNotAllowed, serve(httptest.NewRequest(http.MethodGet, "/hooks/clockify", nil)))
	assert.Equal(t, []string{"u7"}, got, "only verified, well-formed deliveries reach the func")
}

func TestWebhookHandler_setTokensFollowsARotation(t *testing.T) {
	h := NewWebhookHandler(nil, hookOldToken)
	serve := func(token string) int {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, delivery(WebhookUserJoinedWorkspace, token, joinedBody))
		return w.Code
	}
	assert.Equal(t, http.StatusUnauthorized, serve(hookToken))
	h.SetTokens(hookToken, hookOldToken)
	assert.Equal(t, http.StatusOK, serve(hookToken))
	assert.Equal(t, http.StatusOK, serve(hookOldToken))
	h.SetTokens(hookToken)
	assert.Equal(t, http.StatusUnauthorized, serve(hookOldToken))
}
