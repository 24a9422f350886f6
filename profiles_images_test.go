package clockify

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

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

// stalledReader blocks in Read until release is closed, and says on entered when a Read began.
type stalledReader struct {
	entered chan struct{}
	release chan struct{}
	once    sync.Once
}

func (r *stalledReader) Read(p []byte) (int, error) {
	r.once.Do(func() { close(r.entered) })
	<-r.release
	return 0, io.EOF
}

// A reader that never returns does not hold UploadImage once the context ends: it returns the
// context's error and sends nothing.
func TestProfilesUploadImage_stalledReaderStopsWhenContextEnds(t *testing.T) {
	client, mux := setup(t)
	failOnUnexpectedRequest(t, mux)
	r := &stalledReader{entered: make(chan struct{}), release: make(chan struct{})}
	t.Cleanup(func() { close(r.release) })
	cctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		_, _, err := client.Profiles.UploadImage(cctx, "a.png", r)
		done <- err
	}()
	<-r.entered
	cancel()
	select {
	case err := <-done:
		assert.ErrorIs(t, err, context.Canceled)
		assert.True(t, strings.HasPrefix(err.Error(), "clockify: read image"), err.Error())
	case <-time.After(10 * time.Second): // a watchdog, not a measurement: without the fix this hangs
		t.Fatal("UploadImage still waits for a stalled reader after its context ended")
	}
}

// countingReader counts its Reads.
type countingReader struct {
	n int
	r io.Reader
}

func (c *countingReader) Read(p []byte) (int, error) { c.n++; return c.r.Read(p) }

// A context that has already ended is reported before r is read at all.
func TestProfilesUploadImage_endedContextReadsNothing(t *testing.T) {
	client, mux := setup(t)
	failOnUnexpectedRequest(t, mux)
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	r := &countingReader{r: bytes.NewReader(pngHeader)}
	_, _, err := client.Profiles.UploadImage(cctx, "a.png", r)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Zero(t, r.n)
	var nilCtx context.Context
	_, _, err = client.Profiles.UploadImage(nilCtx, "a.png", r)
	assert.ErrorIs(t, err, ErrInvalidInput)
	assert.Zero(t, r.n)
}

// The file name sent always ends in an extension of the format read from the content: PNG bytes
// named evil.html go out as evil.png; a matching extension, in any case, is kept.
func TestProfilesUploadImage_fileNameExtensionMatchesContent(t *testing.T) {
	jpeg := []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00")
	gif := []byte("GIF89a\x01\x00\x01\x00")
	webp := []byte("RIFF\x00\x00\x00\x00WEBPVP8 ")
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"evil.html", pngHeader, "evil.png"},
		{"avatar", pngHeader, "avatar.png"},
		{"a.gif", pngHeader, "a.png"},
		{"photo.PNG", pngHeader, "photo.PNG"},
		{"photo.JPEG", jpeg, "photo.JPEG"},
		{"photo.jpg", jpeg, "photo.jpg"},
		{"photo.png", jpeg, "photo.jpg"},
		{"x.svg", gif, "x.gif"},
		{"x.html", webp, "x.webp"},
		{"archive.tar.exe", pngHeader, "archive.tar.png"},
	} {
		client, mux := setup(t)
		mux.HandleFunc("POST /v1/file/image", func(w http.ResponseWriter, r *http.Request) {
			_, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
			part, err := multipart.NewReader(r.Body, params["boundary"]).NextPart()
			if assert.NoError(t, err) {
				assert.Equal(t, tc.want, part.FileName(), tc.name)
			}
			fmt.Fprint(w, `{"name":"x","url":"https://avatar.cake.com/x"}`)
		})
		_, _, err := client.Profiles.UploadImage(ctx, tc.name, bytes.NewReader(tc.data))
		require.NoError(t, err, tc.name)
	}
}

// A file name with a bidirectional override, which would make it display with another
// extension, is refused before reading or sending.
func TestProfilesUploadImage_bidiOverrideInNameIsRefused(t *testing.T) {
	client, mux := setup(t)
	failOnUnexpectedRequest(t, mux)
	_, _, err := client.Profiles.UploadImage(ctx, "evil\u202egnp.html", bytes.NewReader(pngHeader))
	var ve *ValidationError
	assert.True(t, errors.As(err, &ve))
}
