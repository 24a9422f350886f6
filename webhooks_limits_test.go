package clockify

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
