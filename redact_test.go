package clockify

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An error body that echoes the key JSON-escaped never shows it in the *APIError.
func TestAPIError_echoedKeyInEscapedFormIsRedacted(t *testing.T) {
	const key = "Ab/cd+ef0123456789/xyz+Q=="
	escaped := map[string]string{
		"slash":       strings.ReplaceAll(key, "/", `\/`),
		"plus":        strings.ReplaceAll(key, "+", `\u002b`),
		"both":        strings.ReplaceAll(strings.ReplaceAll(key, "/", `\/`), "+", `\u002B`),
		"letter":      `\u0041` + key[1:],
		"long prefix": strings.Repeat("x", 500) + strings.ReplaceAll(key, "/", `\/`),
	}
	for name, echo := range escaped {
		t.Run(name, func(t *testing.T) {
			client, srv := setupServer(t, WithAPIKey(key))
			srv.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(http.StatusBadRequest)
				fmt.Fprintf(w, `{"message":"bad key %s","code":42}`, echo)
			})
			_, err := client.call(ctx, getUser)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.NotContains(t, apiErr.Message, key)
			assert.NotContains(t, err.Error(), key)
			assert.NotContains(t, err.Error(), key[:len(key)-2], "no part cut at the truncation either")
			if name != "long prefix" {
				assert.Contains(t, apiErr.Message, Fingerprint(key))
			}
		})
	}
}
