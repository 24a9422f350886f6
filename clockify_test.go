package clockify

import (
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCall_sendsCredentialAndDecodes(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, testKey, r.Header.Get("X-Api-Key"))
		assert.Empty(t, r.Header.Get("X-Addon-Token"))
		assert.Contains(t, r.Header.Get("User-Agent"), "clockify-go/")
		fmt.Fprint(w, `{"id":"u1","email":"a@b.c","name":null,"settings":null}`)
	})
	var u User
	resp, err := client.call(ctx, op{method: http.MethodGet, path: "v1/user", out: &u, retrySafe: true})
	require.NoError(t, err)
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, "u1", u.ID)
	assert.Nil(t, u.Settings)
}

func TestCall_errorBodyIsAPIError(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(400)
		fmt.Fprint(w, `{"message":"User doesn't belong to Workspace","code":501}`)
	})
	_, err := client.call(ctx, op{method: http.MethodGet, path: "v1/workspaces/ws1/users", retrySafe: true})
	var apiErr *APIError
	require.True(t, errors.As(err, &apiErr))
	assert.Equal(t, 501, apiErr.Code)
	assert.True(t, errors.Is(err, ErrNotFound))
	assert.NotContains(t, err.Error(), testKey)
}
