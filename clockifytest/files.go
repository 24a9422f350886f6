package clockifytest

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"path"
	"strings"
)

// imageHost is where uploaded images live, as on Clockify.
const imageHost = "https://avatar.cake.com/"

// upload is the file part of an image upload.
type upload struct {
	filename string
	data     []byte
}

// parseImageUpload reads a multipart/form-data body and its part "file",
// answering like Spring's multipart support: 415 code 3000 for another
// content type, 400 code 3000 for a broken body, 400 code 3001 without the
// part.
func parseImageUpload(c *call) (upload, *apiError) {
	ct := c.r.Header.Get("Content-Type")
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		return upload{}, &apiError{status: http.StatusUnsupportedMediaType, code: 3000, msg: "Content-Type '" + ct + "' is not supported"}
	}
	mr := multipart.NewReader(bytes.NewReader(c.body), params["boundary"])
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return upload{}, &apiError{status: http.StatusBadRequest, code: 3001, msg: "Required part 'file' is not present."}
		}
		if err != nil {
			return upload{}, &apiError{status: http.StatusBadRequest, code: 3000, msg: "Failed to parse multipart servlet request"}
		}
		if part.FormName() != "file" {
			continue
		}
		data, err := io.ReadAll(part)
		if err != nil {
			return upload{}, &apiError{status: http.StatusBadRequest, code: 3000, msg: "Failed to parse multipart servlet request"}
		}
		return upload{filename: part.FileName(), data: data}, nil
	}
}

// uploadImage serves POST /v1/file/image → 200 UploadFileResponseV1
// {"name","url"}: the stored file's name and its URL, for a limited
// member's profile picture (imageUrl in a profile update).
// https://docs.clockify.me/#tag/User/operation/uploadImage
func (s *Server) uploadImage(c *call, u upload) (int, any, *apiError) {
	ext := strings.ToLower(path.Ext(u.filename))
	if ext == "" {
		ext = ".png"
	}
	name := s.st.newID() + ext
	url := imageHost + name
	s.st.images[url] = u.data
	return http.StatusOK, uploadDTO{Name: name, URL: url}, nil
}

// UploadedImage returns the bytes uploaded as the image at url (as answered
// by POST /v1/file/image).
func (s *Server) UploadedImage(url string) ([]byte, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	data, ok := s.st.images[url]
	return bytes.Clone(data), ok
}
