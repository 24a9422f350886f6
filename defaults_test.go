package clockify

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The defaults the SDK itself reads are functions: what a caller does with the value one call
// returned changes neither the next call nor how the SDK behaves.

func TestAllAccountStatuses_callerChangesDoNotReachTheSDK(t *testing.T) {
	want := []AccountStatus{AccountActive, AccountPendingEmailVerification, AccountDeleted,
		AccountNotRegistered, AccountLimited, AccountLimitedDeleted}
	mine := AllAccountStatuses()
	mine[0] = AccountLimited
	mine = append(mine[:1], "BOGUS")
	assert.Len(t, mine, 2)
	assert.Equal(t, want, AllAccountStatuses())

	// The SDK's own lookups still ask for every status, limited members included.
	client, mux := setupServer(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		q.Del("email")
		assert.Equal(t, lookupQuery, q.Encode())
		w.Header().Set("Last-Page", "true")
		fmt.Fprint(w, `[{"id":"u1","email":"ada@example.com"}]`)
	})
	_, _, err := client.Members.FindByEmail(ctx, "ws1", "ada@example.com")
	require.NoError(t, err)
}

func TestDefaultRetryPolicy_callerChangesDoNotReachTheSDK(t *testing.T) {
	p := DefaultRetryPolicy()
	p.MaxRetries, p.MinWait, p.MaxWait = 0, 0, 0
	assert.Equal(t, RetryPolicy{MaxRetries: 4, MinWait: 500e6, MaxWait: 30e9}, DefaultRetryPolicy())
}
