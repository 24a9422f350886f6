package clockify

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
