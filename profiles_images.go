package clockify

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"slices"
	"strings"
	"unicode"
)

// MaxImageSize is the largest picture UploadImage sends. Clockify documents no limit; a profile
// picture needs far less, and the bound keeps a wrong file (a video, a disk image) from being
// read into memory and sent.
const MaxImageSize = 5 << 20

// imageTypes are the picture formats UploadImage sends, as http.DetectContentType names them.
var imageTypes = []string{"image/png", "image/jpeg", "image/gif", "image/webp"}

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
// name with a path or control characters, is a *ValidationError before anything is sent.
// UploadImage reads r to its end (or to just past the limit). A repeated upload only stores
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
	data, err := io.ReadAll(io.LimitReader(r, MaxImageSize+1))
	if err != nil {
		return nil, nil, fmt.Errorf("clockify: read image %q: %w", name, err)
	}
	switch {
	case len(data) == 0:
		return nil, nil, &ValidationError{Field: "image", Reason: "is empty"}
	case len(data) > MaxImageSize:
		return nil, nil, &ValidationError{Field: "image", Reason: fmt.Sprintf("is larger than %d bytes", MaxImageSize)}
	}
	ctype := http.DetectContentType(data)
	if !slices.Contains(imageTypes, ctype) {
		return nil, nil, &ValidationError{Field: "image", Reason: fmt.Sprintf("is %s, not a PNG, JPEG, GIF or WebP picture", ctype)}
	}
	body, err := multipartImage(name, ctype, data)
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

// multipartImage is the form Clockify reads: one part named "file" with the picture.
func multipartImage(name, ctype string, data []byte) (rawBody, error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="file"; filename="`+quoteEscaper.Replace(name)+`"`)
	h.Set("Content-Type", ctype)
	part, err := w.CreatePart(h)
	if err != nil {
		return rawBody{}, fmt.Errorf("clockify: build image upload: %w", err)
	}
	if _, err := part.Write(data); err != nil {
		return rawBody{}, fmt.Errorf("clockify: build image upload: %w", err)
	}
	if err := w.Close(); err != nil {
		return rawBody{}, fmt.Errorf("clockify: build image upload: %w", err)
	}
	return rawBody{data: buf.Bytes(), contentType: w.FormDataContentType()}, nil
}

var quoteEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

// checkFileName refuses a file name that is empty, has a path, or has control characters.
func checkFileName(name string) error {
	switch {
	case strings.TrimSpace(name) == "":
		return &ValidationError{Field: "name", Reason: "must not be empty"}
	case strings.ContainsAny(name, `/\`):
		return &ValidationError{Field: "name", Reason: fmt.Sprintf("%q is a path; pass the file's base name", name)}
	case strings.IndexFunc(name, unicode.IsControl) >= 0:
		return &ValidationError{Field: "name", Reason: "must not contain control characters"}
	}
	return nil
}
