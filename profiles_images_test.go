package clockify

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pngHeader is enough of a PNG file for content sniffing.
var pngHeader = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00")

func TestProfilesUploadImage_sendsMultipartFile(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("POST /v1/file/image", func(w http.ResponseWriter, r *http.Request) {
		mediaType, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		assert.NoError(t, err)
		assert.Equal(t, "multipart/form-data", mediaType)
		mr := multipart.NewReader(r.Body, params["boundary"])
		part, err := mr.NextPart()
		if !assert.NoError(t, err) {
			return
		}
		assert.Equal(t, "file", part.FormName())
		assert.Equal(t, `tomás "t".png`, part.FileName())
		assert.Equal(t, "image/png", part.Header.Get("Content-Type"))
		data, _ := io.ReadAll(part)
		assert.Equal(t, pngHeader, data)
		_, err = mr.NextPart()
		assert.ErrorIs(t, err, io.EOF, "one part only")
		fmt.Fprint(w, `{"name":"tomas.png","url":"https://avatar.cake.com/abc.png"}`)
	})
	img, _, err := client.Profiles.UploadImage(ctx, `tomás "t".png`, bytes.NewReader(pngHeader))
	require.NoError(t, err)
	assert.Equal(t, "https://avatar.cake.com/abc.png", img.URL)
	assert.Equal(t, "tomas.png", img.Name)
}

func TestProfilesUploadImage_badInputIsValidationError(t *testing.T) {
	client, mux := setup(t)
	failOnUnexpectedRequest(t, mux)
	big := io.MultiReader(bytes.NewReader(pngHeader), bytes.NewReader(make([]byte, MaxImageSize)))
	for name, tc := range map[string]struct {
		file string
		r    io.Reader
	}{
		"empty name":   {"", bytes.NewReader(pngHeader)},
		"path":         {"../a.png", bytes.NewReader(pngHeader)},
		"control":      {"a\n.png", bytes.NewReader(pngHeader)},
		"nil reader":   {"a.png", nil},
		"empty":        {"a.png", strings.NewReader("")},
		"too large":    {"a.png", big},
		"not an image": {"a.png", strings.NewReader("%PDF-1.7 hello")},
	} {
		_, _, err := client.Profiles.UploadImage(ctx, tc.file, tc.r)
		assert.ErrorIs(t, err, ErrInvalidInput, name)
	}
}

func TestProfilesUploadImage_answerWithoutURLIsAnError(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("POST /v1/file/image", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"name":"a.png"}`)
	})
	_, _, err := client.Profiles.UploadImage(ctx, "a.png", bytes.NewReader(pngHeader))
	assert.ErrorContains(t, err, "without a URL")
}

func TestProfilesUploadImage_retriedWithTheSameBody(t *testing.T) {
	client, mux := setup(t)
	var (
		mu     sync.Mutex
		bodies []string
	)
	mux.HandleFunc("POST /v1/file/image", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		bodies = append(bodies, readBody(t, r))
		if len(bodies) == 1 {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		fmt.Fprint(w, `{"name":"a.png","url":"https://avatar.cake.com/a.png"}`)
	})
	_, _, err := client.Profiles.UploadImage(ctx, "a.png", bytes.NewReader(pngHeader))
	require.NoError(t, err)
	mu.Lock()
	defer mu.Unlock()
	require.Len(t, bodies, 2)
	assert.Equal(t, bodies[0], bodies[1])
}
