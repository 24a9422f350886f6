package clockifytest

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// multipartBody builds a form with one file part named field.
func multipartBody(t *testing.T, field, filename string, data []byte) (string, string) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	require.NoError(t, w.WriteField("comment", "ignored"))
	fw, err := w.CreateFormFile(field, filename)
	require.NoError(t, err)
	_, err = io.Copy(fw, bytes.NewReader(data))
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return buf.String(), w.FormDataContentType()
}

func TestUploadImage(t *testing.T) {
	s := newDemo(t)
	png := []byte("\x89PNG\r\n\x1a\nfake image")
	body, ct := multipartBody(t, "file", "tomas.png", png)
	r := send(t, s, http.MethodPost, "/v1/file/image", body, append([]string{"Content-Type", ct}, as(s, DemoAdminID)...)...)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	up := decodeJSON[struct {
		Name string `json:"name"`
		URL  string `json:"url"`
	}](t, r)
	assert.Regexp(t, `^https://avatar\.cake\.com/[0-9a-f]{24}\.png$`, up.URL)
	assert.Equal(t, up.URL, "https://avatar.cake.com/"+up.Name)
	got, ok := s.UploadedImage(up.URL)
	require.True(t, ok)
	assert.Equal(t, png, got)

	// The URL becomes a limited member's picture.
	r = send(t, s, http.MethodPatch, profilePath(DemoLimitedID), `{"imageUrl":"`+up.URL+`"}`)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.Equal(t, up.URL, decodeJSON[map[string]any](t, r)["imageUrl"])
}

func TestUploadImage_refusals(t *testing.T) {
	s := newDemo(t)
	body, ct := multipartBody(t, "picture", "a.png", []byte("x"))
	assertError(t, send(t, s, http.MethodPost, "/v1/file/image", body, "Content-Type", ct), http.StatusBadRequest, 3001, "Required part 'file' is not present.")
	assertError(t, send(t, s, http.MethodPost, "/v1/file/image", `{"file":"x"}`), http.StatusUnsupportedMediaType, 3000, "Content-Type 'application/json' is not supported")
	assertError(t, send(t, s, http.MethodPost, "/v1/file/image", "--b\r\nbroken", "Content-Type", "multipart/form-data; boundary=b"), http.StatusBadRequest, 3000, "multipart")
	assertError(t, send(t, s, http.MethodGet, "/v1/file/image", ""), http.StatusMethodNotAllowed, 3000, "Request method 'GET' is not supported")
	body, ct = multipartBody(t, "file", "a.png", []byte("x"))
	assertError(t, send(t, s, http.MethodPost, "/v1/file/image", body, "Content-Type", ct, "noauth", ""), http.StatusUnauthorized, 1000, "Multiple or none")
}
