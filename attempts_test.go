package clockify

import (
	"io"
	"net"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// After the last retry the error says how many attempts were made; the cause stays matchable.
func TestCall_exhaustedRetriesSayHowManyAttempts(t *testing.T) {
	t.Run("connection dropped", func(t *testing.T) {
		client, srv := setupServer(t) // two retries
		srv.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
			conn, _, err := w.(http.Hijacker).Hijack()
			if assert.NoError(t, err) {
				conn.(*net.TCPConn).SetLinger(0)
				conn.Close()
			}
		})
		_, err := client.call(ctx, getUser)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "GET /v1/user: after 3 attempts: ")
		assert.Equal(t, 3, srv.count("GET /v1/user"))
	})
	t.Run("eof", func(t *testing.T) {
		client, srv := setupServer(t)
		srv.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
			conn, _, _ := w.(http.Hijacker).Hijack()
			conn.Close()
		})
		_, err := client.call(ctx, getUser)
		require.ErrorIs(t, err, io.EOF)
		assert.Contains(t, err.Error(), "after 3 attempts")
	})
	t.Run("503", func(t *testing.T) {
		client, srv := setupServer(t)
		srv.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusServiceUnavailable)
		})
		_, err := client.call(ctx, getUser)
		require.ErrorIs(t, err, ErrServer)
		var apiErr *APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, 3, apiErr.Attempts)
		assert.Contains(t, err.Error(), "(after 3 attempts)")
	})
	t.Run("single attempt says nothing", func(t *testing.T) {
		client, srv := setupServer(t)
		srv.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusBadRequest)
		})
		_, err := client.call(ctx, getUser)
		var apiErr *APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, 1, apiErr.Attempts)
		assert.NotContains(t, err.Error(), "attempts")
	})
}
