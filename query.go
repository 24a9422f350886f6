package clockify

import (
	"fmt"
	"net/url"
	"strings"
)

// requestURL is the base URL, o.path and o.query encoded (encodeQuery).
func (c *Client) requestURL(o op) (string, error) {
	enc, err := encodeQuery(o.query)
	if err != nil || enc == "" {
		return c.baseURL + o.path, err
	}
	return c.baseURL + o.path + "?" + enc, nil
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
