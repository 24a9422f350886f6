package clockify

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"path"
	"strings"
	"unicode"
)

// MaxImageSize is the largest picture UploadImage sends. Clockify documents no limit; a profile
// picture needs far less, and the bound keeps a wrong file (a video, a disk image) from being
// read into memory and sent.
const MaxImageSize = 5 << 20

// imageTypes are the picture formats UploadImage sends, as http.DetectContentType names them,
// with the file-name extensions each is known by (the first is the one UploadImage gives).
var imageTypes = map[string][]string{
	"image/png":  {".png"},
	"image/jpeg": {".jpg", ".jpeg", ".jpe", ".jfif"},
	"image/gif":  {".gif"},
	"image/webp": {".webp"},
}

// Image is an uploaded picture: URL is what ProfileUpdate.ImageURL takes.
type Image struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

// rawBody is a request body sent as it is, with its own content type, instead of as JSON.
type rawBody struct {
	data        []byte
	contentType string
}

// UploadImage uploads a picture (PNG, JPEG, GIF or WebP, at most MaxImageSize bytes) read from
// r under the file name name, and returns its URL, for a limited member's
// ProfileUpdate.ImageURL (full users change their picture in their CAKE.com account). The
// format is read from the content, not the name; an empty, oversized or non-picture file, or a
// name with a path, control characters or bidirectional overrides, is a *ValidationError
// before anything is sent.
//
// The name Clockify stores always ends in an extension of the format read from the content: a
// name whose extension is another (or none) is sent with its extension replaced by the
// format's, so PNG bytes named "evil.html" are sent as "evil.png" and "avatar" as
// "avatar.png", while "photo.JPEG" holding a JPEG is sent as it is. Image.Name is the name
// Clockify answers with.
//
// UploadImage reads r to its end (or to just past the limit), and stops waiting for it when
// ctx ends: it then returns ctx's error at once, even if a Read is stalled, and stops reading
// r as soon as that Read returns (close r to end it sooner). A repeated upload only stores
// another copy, so it is retried like a read. It costs one request.
//
// Clockify API: POST /v1/file/image (multipart/form-data, part "file")
func (s *ProfilesService) UploadImage(ctx context.Context, name string, r io.Reader) (*Image, *Response, error) {
	if err := checkFileName(name); err != nil {
		return nil, nil, err
	}
	if r == nil {
		return nil, nil, &ValidationError{Field: "r", Reason: "must not be nil"}
	}
	if ctx == nil {
		return nil, nil, errNilContext()
	}
	data, err := readImage(ctx, r)
	if err != nil {
		return nil, nil, wrapf(err, "read image %q", name)
	}
	switch {
	case len(data) == 0:
		return nil, nil, &ValidationError{Field: "image", Reason: "is empty"}
	case len(data) > MaxImageSize:
		return nil, nil, &ValidationError{Field: "image", Reason: fmt.Sprintf("is larger than %d bytes", MaxImageSize)}
	}
	ctype := http.DetectContentType(data)
	exts, ok := imageTypes[ctype]
	if !ok {
		return nil, nil, &ValidationError{Field: "image", Reason: fmt.Sprintf("is %s, not a PNG, JPEG, GIF or WebP picture", ctype)}
	}
	body, err := multipartImage(imageFileName(name, exts), ctype, data)
	if err != nil {
		return nil, nil, err
	}
	img, resp, err := do[Image](ctx, clientOf(s), op{method: http.MethodPost, path: "v1/file/image", body: body, retrySafe: true})
	if err != nil {
		return nil, resp, err
	}
	if img.URL == "" {
		return nil, resp, fmt.Errorf("clockify: POST /v1/file/image answered without a URL")
	}
	return img, resp, nil
}

// readImage reads r up to just past MaxImageSize. It returns when ctx ends even if a Read never
// does: the reading goroutine then stops at the next Read, so a stalled reader costs a goroutine
// until it returns, never the caller's wait.
func readImage(ctx context.Context, r io.Reader) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1) // buffered: the goroutine never waits for a caller who left
	go func() {
		data, err := io.ReadAll(io.LimitReader(ctxReader{ctx, r}, MaxImageSize+1))
		done <- result{data, err}
	}()
	select {
	case res := <-done:
		return res.data, res.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// ctxReader is r that refuses to read once ctx has ended.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// imageFileName is name if its extension is one of exts (in any case), else name with its
// extension, if any, replaced by exts[0].
func imageFileName(name string, exts []string) string {
	ext := path.Ext(name)
	for _, e := range exts {
		if strings.EqualFold(ext, e) {
			return name
		}
	}
	return strings.TrimSuffix(name, ext) + exts[0]
}

// multipartImage is the form Clockify reads: one part named "file" with the picture.
func multipartImage(name, ctype string, data []byte) (rawBody, error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="file"; filename="`+quoteEscaper.Replace(name)+`"`)
	h.Set("Content-Type", ctype)
	part, err := w.CreatePart(h)
	if err != nil {
		return rawBody{}, wrapf(err, "build image upload")
	}
	if _, err := part.Write(data); err != nil {
		return rawBody{}, wrapf(err, "build image upload")
	}
	if err := w.Close(); err != nil {
		return rawBody{}, wrapf(err, "build image upload")
	}
	return rawBody{data: buf.Bytes(), contentType: w.FormDataContentType()}, nil
}

var quoteEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

// checkFileName refuses a file name that is empty, has a path, or has control characters or
// bidirectional overrides (which make "evil\u202Egnp.html" display as "evillmth.png").
func checkFileName(name string) error {
	switch {
	case strings.TrimSpace(name) == "":
		return &ValidationError{Field: "name", Reason: "must not be empty"}
	case strings.ContainsAny(name, `/\`):
		return &ValidationError{Field: "name", Reason: fmt.Sprintf("%q is a path; pass the file's base name", name)}
	case strings.IndexFunc(name, unicode.IsControl) >= 0:
		return &ValidationError{Field: "name", Reason: "must not contain control characters"}
	case strings.IndexFunc(name, bidiControl) >= 0:
		return &ValidationError{Field: "name", Reason: "must not contain bidirectional formatting characters"}
	}
	return nil
}
