package clockify

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// webhookJSON is a webhook as Clockify answers one (WebhookDtoV1), with a field the SDK does not
// know.
const webhookJSON = `{"id":"wh1","name":"Joiners","url":"https://hooks.example.com/clockify","userId":"u9",
 "workspaceId":"ws1","webhookEvent":"USER_JOINED_WORKSPACE","triggerSource":["ws1"],"triggerSourceType":"WORKSPACE_ID",
 "authToken":"tok-3c9a1b7e2d4c6a8b","enabled":true,"deliveryEnabled":false,"planEnabled":true,"futureField":1}`

var wantWebhook = Webhook{ID: "wh1", Name: "Joiners", URL: "https://hooks.example.com/clockify", UserID: "u9", WorkspaceID: "ws1",
	Event: WebhookUserJoinedWorkspace, TriggerSource: []string{"ws1"}, TriggerSourceType: TriggerWorkspace,
	AuthToken: "tok-3c9a1b7e2d4c6a8b", Enabled: true, DeliveryEnabled: false, PlanEnabled: true}

func joinersRequest() *WebhookRequest {
	return WorkspaceWebhook("ws1", "Joiners", "https://hooks.example.com/clockify", WebhookUserJoinedWorkspace)
}

func TestWebhooksList_sendsTypeAndDecodes(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/webhooks", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "type=USER_CREATED", r.URL.RawQuery)
		fmt.Fprint(w, `{"webhooks":[`+webhookJSON+`],"workspaceWebhookCount":4}`)
	})
	hooks, _, err := client.Webhooks.List(ctx, "ws1", &ListWebhooksOptions{Type: WebhooksUserCreated})
	require.NoError(t, err)
	require.Len(t, hooks, 1)
	assert.Equal(t, wantWebhook, *hooks[0])
}

func TestWebhooksList_unknownTypeSendsNothing(t *testing.T) {
	client, mux := setup(t)
	failOnUnexpectedRequest(t, mux)
	_, _, err := client.Webhooks.List(ctx, "ws1", &ListWebhooksOptions{Type: "MINE"})
	assert.ErrorIs(t, err, ErrInvalidInput)
}

func TestWebhooksGet_unknownIsNotFound(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/webhooks/wh9", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `{"message":"Webhook doesn't belong to Workspace","code":501}`)
	})
	_, _, err := client.Webhooks.Get(ctx, "ws1", "wh9")
	assert.ErrorIs(t, err, ErrNotFound)
}

func TestWebhooksCreate_sendsTheRequest(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("POST /v1/workspaces/ws1/webhooks", func(w http.ResponseWriter, r *http.Request) {
		assert.JSONEq(t, `{"name":"Joiners","url":"https://hooks.example.com/clockify","webhookEvent":"USER_JOINED_WORKSPACE",
			"triggerSource":["ws1"],"triggerSourceType":"WORKSPACE_ID"}`, readBody(t, r))
		w.WriteHeader(http.StatusCreated)
		fmt.Fprint(w, webhookJSON)
	})
	hook, _, err := client.Webhooks.Create(ctx, "ws1", joinersRequest())
	require.NoError(t, err)
	assert.Equal(t, wantWebhook, *hook)
}

func TestWebhooksCreate_invalidRequestsSendNothing(t *testing.T) {
	client, mux := setup(t)
	failOnUnexpectedRequest(t, mux)
	for name, tc := range map[string]struct {
		change func(w *WebhookRequest)
		field  string
	}{
		"relative url":       {func(w *WebhookRequest) { w.URL = "/hooks" }, "URL"},
		"ftp url":            {func(w *WebhookRequest) { w.URL = "ftp://example.com/x" }, "URL"},
		"no url":             {func(w *WebhookRequest) { w.URL = "" }, "URL"},
		"credentials in url": {func(w *WebhookRequest) { w.URL = "https://me:pw@example.com/" }, "URL"},
		"no event":           {func(w *WebhookRequest) { w.Event = "" }, "Event"},
		"unknown event":      {func(w *WebhookRequest) { w.Event = "USER_JOINED" }, "Event"},
		"no source type":     {func(w *WebhookRequest) { w.TriggerSourceType = "" }, "TriggerSourceType"},
		"unknown type":       {func(w *WebhookRequest) { w.TriggerSourceType = "GROUP_ID" }, "TriggerSourceType"},
		"wrong kind":         {func(w *WebhookRequest) { w.TriggerSourceType, w.TriggerSource = TriggerProject, []string{"p1"} }, "TriggerSourceType"},
		"no source":          {func(w *WebhookRequest) { w.TriggerSource = nil }, "TriggerSource"},
		"other workspace":    {func(w *WebhookRequest) { w.TriggerSource = []string{"ws2"} }, "TriggerSource"},
		"blank source": {func(w *WebhookRequest) {
			w.Event, w.TriggerSourceType, w.TriggerSource = WebhookUserUpdated, TriggerUser, []string{" "}
		}, "TriggerSource[0]"},
		"short name":      {func(w *WebhookRequest) { w.Name = "J" }, "Name"},
		"long name":       {func(w *WebhookRequest) { w.Name = strings.Repeat("é", 31) }, "Name"},
		"blank name":      {func(w *WebhookRequest) { w.Name = "   " }, "Name"},
		"newline in name": {func(w *WebhookRequest) { w.Name = "Join\ners" }, "Name"},
		"bidi in name":    {func(w *WebhookRequest) { w.Name = "Join\u202eers" }, "Name"},
	} {
		req := joinersRequest()
		tc.change(req)
		_, _, err := client.Webhooks.Create(ctx, "ws1", req)
		var ve *ValidationError
		if assert.ErrorAs(t, err, &ve, name) {
			assert.Equal(t, tc.field, ve.Field, name)
		}
	}
	_, _, err := client.Webhooks.Create(ctx, "ws1", nil)
	assert.ErrorIs(t, err, ErrInvalidInput)
}

func TestWebhooksCreate_otherEventsTakeAnySourceKind(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("POST /v1/workspaces/ws1/webhooks", func(w http.ResponseWriter, r *http.Request) {
		assert.JSONEq(t, `{"url":"http://localhost:8080/x","webhookEvent":"NEW_TIME_ENTRY","triggerSource":["p1","p2"],"triggerSourceType":"PROJECT_ID"}`, readBody(t, r))
		w.WriteHeader(http.StatusCreated)
		fmt.Fprint(w, `{"id":"wh2"}`)
	})
	_, _, err := client.Webhooks.Create(ctx, "ws1", &WebhookRequest{URL: "http://localhost:8080/x", Event: WebhookNewTimeEntry,
		TriggerSource: []string{"p1", "p2"}, TriggerSourceType: TriggerProject})
	require.NoError(t, err)
}

func TestWebhooksCreate_notRepeatedAfterTheServerMayHaveActed(t *testing.T) {
	client, srv := setupServer(t)
	srv.HandleFunc("POST /v1/workspaces/ws1/webhooks", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
	})
	_, _, err := client.Webhooks.Create(ctx, "ws1", joinersRequest())
	assert.ErrorIs(t, err, ErrServer)
	assert.Equal(t, 1, srv.count("POST /v1/workspaces/ws1/webhooks"))
}

func TestWebhooksCreate_rateLimitedIsRetried(t *testing.T) {
	client, srv := setupServer(t)
	n := 0
	srv.HandleFunc("POST /v1/workspaces/ws1/webhooks", func(w http.ResponseWriter, r *http.Request) {
		if n++; n == 1 {
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.WriteHeader(http.StatusCreated)
		fmt.Fprint(w, webhookJSON)
	})
	_, _, err := client.Webhooks.Create(ctx, "ws1", joinersRequest())
	require.NoError(t, err)
	assert.Equal(t, 2, srv.count("POST /v1/workspaces/ws1/webhooks"))
}

func TestWebhooksUpdate_putsTheWholeWebhook(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("PUT /v1/workspaces/ws1/webhooks/wh1", func(w http.ResponseWriter, r *http.Request) {
		assert.JSONEq(t, `{"name":"Joiners","url":"https://hooks.example.com/clockify","webhookEvent":"USER_JOINED_WORKSPACE",
			"triggerSource":["ws1"],"triggerSourceType":"WORKSPACE_ID"}`, readBody(t, r))
		fmt.Fprint(w, webhookJSON)
	})
	hook, _, err := client.Webhooks.Update(ctx, "ws1", "wh1", joinersRequest())
	require.NoError(t, err)
	assert.Equal(t, "wh1", hook.ID)

	_, _, err = client.Webhooks.Update(ctx, "ws1", "", joinersRequest())
	assert.ErrorIs(t, err, ErrInvalidInput)
}

func TestWebhooksDelete_sendsDelete(t *testing.T) {
	client, srv := setupServer(t)
	srv.HandleFunc("DELETE /v1/workspaces/ws1/webhooks/wh1", func(w http.ResponseWriter, r *http.Request) {})
	_, err := client.Webhooks.Delete(ctx, "ws1", "wh1")
	require.NoError(t, err)
	assert.Equal(t, []string{"DELETE /v1/workspaces/ws1/webhooks/wh1"}, srv.sent())
}

func TestWebhooksRegenerateToken_patchesWithoutBody(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("PATCH /v1/workspaces/ws1/webhooks/wh1/token", func(w http.ResponseWriter, r *http.Request) {
		assert.Empty(t, readBody(t, r))
		fmt.Fprint(w, strings.Replace(webhookJSON, "tok-3c9a1b7e2d4c6a8b", "tok-new", 1))
	})
	hook, _, err := client.Webhooks.RegenerateToken(ctx, "ws1", "wh1")
	require.NoError(t, err)
	assert.Equal(t, "tok-new", hook.AuthToken)
}

func TestWebhookString_neverShowsTheToken(t *testing.T) {
	w := wantWebhook
	for _, s := range []string{w.String(), fmt.Sprint(w), fmt.Sprintf("%+v", &w), fmt.Sprintf("%#v", w), fmt.Sprintf("%s", []*Webhook{&w})} {
		assert.NotContains(t, s, w.AuthToken)
		assert.Contains(t, s, Fingerprint(w.AuthToken))
	}
}
