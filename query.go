package clockify

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// requestURL is the base URL, o.path and o.query encoded. The SDK's own list options write
// their query directly into the URL, byte for byte what go-querystring and url.Values.Encode
// make of them (keys sorted, values query-escaped; query_test.go compares the two on every
// field and under fuzzing), without reflection: that costs some twenty allocations a page.
// Any other query goes through encodeQuery.
func (c *Client) requestURL(o op) (string, error) {
	var w queryWriter
	switch q := o.query.(type) {
	case *ListMembersOptions:
		w.start(c.baseURL, o.path)
		if q != nil {
			q.writeQuery(&w)
		}
	case *ListManagersOptions:
		w.start(c.baseURL, o.path)
		if q != nil {
			q.writeQuery(&w)
		}
	case *ListOptions:
		w.start(c.baseURL, o.path)
		if q != nil {
			q.writeQuery(&w)
		}
	default:
		enc, err := encodeQuery(q)
		if err != nil || enc == "" {
			return c.baseURL + o.path, err
		}
		return c.baseURL + o.path + "?" + enc, nil
	}
	return w.sb.String(), nil
}

// queryWriter appends key=value pairs to a URL. Callers add keys in sorted order, as
// url.Values.Encode emits them.
type queryWriter struct {
	sb strings.Builder
	n  int // pairs written
}

func (w *queryWriter) start(base, path string) {
	w.sb.Grow(len(base) + len(path) + 80)
	w.sb.WriteString(base)
	w.sb.WriteString(path)
}

// key writes the separator and key=.
func (w *queryWriter) key(key string) {
	if w.n == 0 {
		w.sb.WriteByte('?')
	} else {
		w.sb.WriteByte('&')
	}
	w.n++
	w.sb.WriteString(url.QueryEscape(key))
	w.sb.WriteByte('=')
}

// add writes key=value, both query-escaped.
func (w *queryWriter) add(key, value string) {
	w.key(key)
	w.sb.WriteString(url.QueryEscape(value))
}

// addString writes key=value unless value is empty (an omitempty string field).
func (w *queryWriter) addString(key, value string) {
	if value != "" {
		w.add(key, value)
	}
}

// addInt writes key=n unless n is 0 (an omitempty int field).
func (w *queryWriter) addInt(key string, n int) {
	if n != 0 {
		var buf [20]byte
		w.key(key)
		w.sb.Write(strconv.AppendInt(buf[:0], int64(n), 10)) // digits and '-' need no escaping
	}
}

// writeQuery writes o's query: go-querystring's encoding of its url tags.
func (o *ListOptions) writeQuery(w *queryWriter) {
	w.addInt("page", o.Page)
	w.addInt("page-size", o.PageSize)
}

// writeQuery writes o's query: go-querystring's encoding of its url tags, keys sorted.
func (o *ListMembersOptions) writeQuery(w *queryWriter) {
	if len(o.AccountStatuses) > 0 { // comma,omitempty
		var sb strings.Builder
		for i, s := range o.AccountStatuses {
			if i > 0 {
				sb.WriteByte(',')
			}
			sb.WriteString(string(s))
		}
		w.add("account-statuses", sb.String())
	}
	w.addString("email", o.Email)
	w.add("include-roles", strconv.FormatBool(o.IncludeRoles))
	w.addString("memberships", string(o.Memberships))
	w.addString("name", o.Name)
	o.ListOptions.writeQuery(w) // page, page-size
	w.addString("project-id", o.ProjectID)
	w.addString("sort-column", string(o.SortColumn))
	w.addString("sort-order", string(o.SortOrder))
	w.addString("status", string(o.Status))
}

// writeQuery writes o's query: go-querystring's encoding of its url tags, keys sorted.
func (o *ListManagersOptions) writeQuery(w *queryWriter) {
	o.ListOptions.writeQuery(w) // page, page-size
	w.addString("sort-column", string(o.SortColumn))
	w.addString("sort-order", string(o.SortOrder))
}

// parsedURL is requestURL(o) as http.NewRequest would parse it. When the base URL and the path
// are plain (letters, digits and -._~/ only, as Clockify's paths and ids are), url.Parse would
// only cut the string where this does, so the URL is made from its pieces without parsing;
// anything else (an escaped id, say) goes through url.Parse.
func (c *Client) parsedURL(o op) (*url.URL, error) {
	s, err := c.requestURL(o)
	if err != nil {
		return nil, err
	}
	if c.plainBase && strings.HasPrefix(s, c.baseURL) {
		pathStart := len(c.baseURL) - len(c.base.Path)
		path, query, hasQuery := strings.Cut(s[pathStart:], "?")
		if plainPath(path) {
			return &url.URL{Scheme: c.base.Scheme, Host: c.reqHost, Path: path, RawQuery: query, ForceQuery: hasQuery && query == ""}, nil
		}
	}
	u, err := url.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("clockify: build request: %w", err)
	}
	u.Host = c.reqHost
	return u, nil
}

// plainBaseURL reports whether base is scheme://host/path with a plain path and nothing else,
// written as baseURL.
func plainBaseURL(base *url.URL, baseURL string) bool {
	return base.User == nil && base.Opaque == "" && base.RawPath == "" && base.RawQuery == "" &&
		!base.ForceQuery && base.Fragment == "" && plainPath(base.Path) &&
		baseURL == base.Scheme+"://"+base.Host+base.Path
}

// plainPath reports whether p holds only bytes that url.Parse keeps as they are in a path.
func plainPath(p string) bool {
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == '/':
		default:
			return false
		}
	}
	return true
}

// requestHost is host as http.NewRequest sets it: without an empty port ("example.org:").
func requestHost(host string) string {
	return strings.TrimSuffix(host, ":")
}
