package clockify

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCall_decodedValuesOutliveTheNextResponse(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/users/{id}", func(w http.ResponseWriter, r *http.Request) {
		id := r.PathValue("id") // same length for both users: the second body overwrites the first exactly
		fmt.Fprintf(w, `{"id":"%s","customFields":[{"customFieldId":"f-%s","value":{"v":"%s"}}]}`, id, id, id)
	})
	get := func(id string) User {
		var u User
		_, err := client.call(ctx, op{method: http.MethodGet, path: "v1/workspaces/ws1/users/" + id, out: &u, retrySafe: true})
		require.NoError(t, err)
		return u
	}
	first := get("aa")
	get("bb")
	assert.Equal(t, "aa", first.ID)
	assert.Equal(t, "f-aa", first.CustomFields[0].CustomFieldID)
	assert.JSONEq(t, `{"v":"aa"}`, string(first.CustomFields[0].Value), "a raw value keeps its own bytes")
}

func TestCall_concurrentCallsDecodeTheirOwnBodies(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/users/{id}", func(w http.ResponseWriter, r *http.Request) {
		id := r.PathValue("id")
		fmt.Fprintf(w, `{"id":%q,"name":%q}`, id, bytes.Repeat([]byte(id), len(id)*50)) // sizes differ
	})
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := fmt.Sprintf("u%d", i*37)
			for range 5 {
				var u User
				_, err := client.call(ctx, op{method: http.MethodGet, path: "v1/workspaces/ws1/users/" + id, out: &u, retrySafe: true})
				if assert.NoError(t, err) {
					assert.Equal(t, id, u.ID)
					assert.Equal(t, string(bytes.Repeat([]byte(id), len(id)*50)), u.Name)
				}
			}
		}()
	}
	wg.Wait()
}

func TestCall_dataAfterTheValueIsDecodeError(t *testing.T) {
	t.Parallel()
	for body, ok := range map[string]bool{
		`{"id":"u1"}` + "\r\n \t\n": true,
		`{"id":"u1"} {"id":"u2"}`:   false,
		`{"id":"u1"}x`:              false,
	} {
		client, mux := setup(t)
		mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, body) })
		var u User
		_, err := client.call(ctx, op{method: http.MethodGet, path: "v1/user", out: &u, retrySafe: true})
		if ok {
			assert.NoError(t, err, "white space after the value: %q", body)
			assert.Equal(t, "u1", u.ID)
			continue
		}
		var se *json.SyntaxError
		assert.ErrorAs(t, err, &se, "%q", body)
		assert.ErrorContains(t, err, "decode GET /v1/user response", "%q", body)
	}
}

func TestCall_badLastByteIsSyntaxErrorNotTruncation(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, `{"id":x`) })
	var u User
	_, err := client.call(ctx, op{method: http.MethodGet, path: "v1/user", out: &u, retrySafe: true})
	var se *json.SyntaxError
	require.ErrorAs(t, err, &se)
	assert.NotErrorIs(t, err, io.ErrUnexpectedEOF)
}

// FuzzDecodeBody_matchesDecoder: for any body, decodeBody decodes what a json.Decoder decodes
// from it (the code every response went through before), fails where it fails, tells a body
// with no value (empty, or null) as the Decoder's io.EOF or nil result does, and reports a
// truncated one the same way; data after the value, which a Decoder leaves unread, is refused.
func FuzzDecodeBody_matchesDecoder(f *testing.F) {
	for _, s := range []string{`{"id":"u1","settings":{"weekStart":"MONDAY"}}`, ``, ` `, `null`, ` null `, `nul`,
		`null x`, `{"id":"u`, `{"id":x`, `{"id":"u1"} x`, `{"id":1}`, `[]`, `{"customFields":[{"value":[1,{"a":null}]}]}`,
		"\ufeff{}", "\x00"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		r := bytes.NewReader(body)
		dec := json.NewDecoder(r)
		var want *User // stays nil for null
		wantErr := dec.Decode(&want)
		rest, _ := io.ReadAll(io.MultiReader(dec.Buffered(), r))
		trailing := len(bytes.Trim(rest, " \t\r\n")) > 0
		var got *User
		gotErr := decodeBody(&bodyReader{r: bytes.NewReader(body), left: 1 << 20, limit: 1 << 20}, &got)
		switch {
		case wantErr == nil && trailing:
			require.Error(t, gotErr, "data after the value")
			require.NotErrorIs(t, gotErr, errNoValue)
		case errors.Is(wantErr, io.EOF), wantErr == nil && want == nil:
			require.ErrorIs(t, gotErr, errNoValue, "decoder: %v", wantErr)
			assert.Nil(t, got, "out is left alone")
		case wantErr == nil:
			require.NoError(t, gotErr)
			assert.Equal(t, want, got)
		default:
			require.Error(t, gotErr, "decoder: %v", wantErr)
			require.NotErrorIs(t, gotErr, errNoValue)
			assert.Equal(t, errors.Is(wantErr, io.ErrUnexpectedEOF), errors.Is(gotErr, io.ErrUnexpectedEOF),
				"truncated: %v / %v", wantErr, gotErr)
		}
		// Into a User value, which decodeBody hands the body directly (wholeJSON): the same
		// value and the same kinds of failure.
		var gotValue User
		valueErr := decodeBody(&bodyReader{r: bytes.NewReader(body), left: 1 << 20, limit: 1 << 20}, &gotValue)
		require.Equal(t, gotErr == nil, valueErr == nil, "pointer: %v / value: %v", gotErr, valueErr)
		assert.Equal(t, errors.Is(gotErr, errNoValue), errors.Is(valueErr, errNoValue))
		assert.Equal(t, errors.Is(gotErr, io.ErrUnexpectedEOF), errors.Is(valueErr, io.ErrUnexpectedEOF))
		if gotErr == nil {
			assert.Equal(t, *got, gotValue)
		}
	})
}
