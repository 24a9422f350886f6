package clockify

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

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

func TestWebhookEventTypes_holdTheReferenceEnum(t *testing.T) {
	assert.Len(t, WebhookEventTypes, 51)
	seen := map[WebhookEventType]bool{}
	for _, e := range WebhookEventTypes {
		assert.False(t, seen[e], "listed twice: %s", e)
		seen[e] = true
		assert.True(t, e.Valid())
	}
	assert.False(t, WebhookEventType("USER_JOINED").Valid())
	assert.True(t, WebhookUserUpdated.IsUserEvent())
	assert.False(t, WebhookUserGroupUpdated.IsUserEvent())
	assert.True(t, WebhookUserGroupUpdated.IsGroupEvent())
	assert.False(t, WebhookUsersInvitedToWorkspace.IsUserEvent(), "USERS_ is a batch, not one user")
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
		"short name": {func(w *WebhookRequest) { w.Name = "J" }, "Name"},
		"long name":  {func(w *WebhookRequest) { w.Name = strings.Repeat("é", 31) }, "Name"},
		"blank name": {func(w *WebhookRequest) { w.Name = "   " }, "Name"},
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

// serveWebhookLimit refuses every Create and serves the facts that name the limit.
func serveWebhookLimit(mux *http.ServeMux, plan string, count int, mine int) {
	mux.HandleFunc("POST /v1/workspaces/ws1/webhooks", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `{"message":"Webhook limit reached"}`)
	})
	mux.HandleFunc("GET /v1/workspaces/ws1", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"id":"ws1","featureSubscriptionType":%q}`, plan)
	})
	mux.HandleFunc("GET /v1/workspaces/ws1/webhooks", func(w http.ResponseWriter, r *http.Request) {
		var hooks []string
		for i := 0; i < count; i++ {
			owner := "someone"
			if i < mine {
				owner = "me"
			}
			hooks = append(hooks, fmt.Sprintf(`{"id":"wh%d","userId":%q}`, i, owner))
		}
		fmt.Fprintf(w, `{"webhooks":[%s],"workspaceWebhookCount":%d}`, strings.Join(hooks, ","), count)
	})
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, `{"id":"me"}`) })
}

func TestWebhooksCreate_limitRefusalsAreNamed(t *testing.T) {
	for name, tc := range map[string]struct {
		plan        string
		count, mine int
		rule        error
	}{
		"free workspace":   {"FREE", 3, 0, ErrWebhookWorkspaceLimit},
		"paid workspace":   {"STANDARD_2021", 100, 0, ErrWebhookWorkspaceLimit},
		"paid user":        {"PRO_2021", 12, 10, ErrWebhookUserLimit},
		"enterprise user":  {"ENTERPRISE_2021", 120, 100, ErrWebhookUserLimit},
		"enterprise below": {"ENTERPRISE_2021", 120, 20, nil},
	} {
		t.Run(name, func(t *testing.T) {
			client, mux := setup(t)
			serveWebhookLimit(mux, tc.plan, tc.count, tc.mine)
			_, _, err := client.Webhooks.Create(ctx, "ws1", joinersRequest())
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr, "the refusal stays reachable")
			if tc.rule == nil {
				assertNoRestriction(t, err)
				assert.NotErrorIs(t, err, ErrWebhookLimit)
				return
			}
			assertRestriction(t, err, tc.rule, "")
			assert.ErrorIs(t, err, ErrWebhookLimit)
		})
	}
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

func TestWebhooksLogs_pageIsZeroBased(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("POST /v1/workspaces/ws1/webhooks/wh1/logs", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "page=0&size=20", r.URL.RawQuery)
		assert.JSONEq(t, `{"from":"2026-05-01T00:00:00Z","status":"FAILED","sortByNewest":true}`, readBody(t, r))
		fmt.Fprint(w, `[{"id":"l1","webhookId":"wh1","webhookEventStatusId":"s1","statusCode":500,"requestBody":"{}",
			"responseBody":"boom","respondedAt":"2026-05-02T10:00:00Z"}]`)
	})
	from := time.Date(2026, 5, 1, 2, 0, 0, 0, time.FixedZone("CEST", 2*3600))
	logs, _, err := client.Webhooks.Logs(ctx, "ws1", "wh1", &WebhookLogsOptions{From: from, Status: WebhookLogFailed, SortByNewest: true, PageSize: 20})
	require.NoError(t, err)
	require.Len(t, logs, 1)
	assert.Equal(t, WebhookLog{ID: "l1", WebhookID: "wh1", WebhookEventStatusID: "s1", StatusCode: 500, RequestBody: "{}",
		ResponseBody: "boom", RespondedAt: time.Date(2026, 5, 2, 10, 0, 0, 0, time.UTC)}, *logs[0])
}

func TestWebhooksLogs_invalidOptionsSendNothing(t *testing.T) {
	client, mux := setup(t)
	failOnUnexpectedRequest(t, mux)
	now := time.Now()
	for name, o := range map[string]*WebhookLogsOptions{
		"negative page": {Page: -1},
		"page size":     {PageSize: MaxPageSize + 1},
		"status":        {Status: "OK"},
		"to before":     {From: now, To: now.Add(-time.Hour)},
	} {
		_, _, err := client.Webhooks.Logs(ctx, "ws1", "wh1", o)
		assert.ErrorIs(t, err, ErrInvalidInput, name)
	}
}

func TestWebhookString_neverShowsTheToken(t *testing.T) {
	w := wantWebhook
	for _, s := range []string{w.String(), fmt.Sprint(w), fmt.Sprintf("%+v", &w), fmt.Sprintf("%#v", w), fmt.Sprintf("%s", []*Webhook{&w})} {
		assert.NotContains(t, s, w.AuthToken)
		assert.Contains(t, s, Fingerprint(w.AuthToken))
	}
}
